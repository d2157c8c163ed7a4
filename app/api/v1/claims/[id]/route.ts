import { getClaim } from "@/db/queries/claims";
import { apiError, apiUser, handler, idParam, json } from "@/lib/http/api";

export const GET = handler(async (_request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const user = await apiUser();
  if (user instanceof Response) return user;
  const { id: raw } = await params;
  const id = idParam(raw, "claim");
  if (id instanceof Response) return id;
  const claim = getClaim(id);
  return claim ? json(claim) : apiError(404, "not_found", `No claim with id ${id}.`);
});
