import { getSource } from "@/db/queries/sources";
import { apiError, apiUser, handler, idParam, json } from "@/lib/http/api";

export const GET = handler(async (_request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const user = await apiUser();
  if (user instanceof Response) return user;
  const { id: raw } = await params;
  const id = idParam(raw, "source");
  if (id instanceof Response) return id;
  const source = getSource(id);
  return source ? json(source) : apiError(404, "not_found", `No source with id ${id}.`);
});
