import { getSource } from "@/db/queries/sources";
import { apiError, handler, idParam, json } from "@/lib/http/api";
import { resolveCaller } from "@/lib/http/caller";

export const GET = handler(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const caller = await resolveCaller(request);
  if (caller instanceof Response) return caller;
  const { id: raw } = await params;
  const id = idParam(raw, "source");
  if (id instanceof Response) return id;
  const source = getSource(id);
  return source ? json(source) : apiError(404, "not_found", `No source with id ${id}.`);
});
