import { getClaim, getClaimSummary } from "@/db/queries/claims";
import { deleteClaim, updateClaim } from "@/lib/claims";
import { apiError, handler, idParam, json } from "@/lib/http/api";
import { resolveCaller } from "@/lib/http/caller";
import { withPathId } from "@/lib/http/input";
import { writeRoute } from "@/lib/http/write-route";

type Params = { id: string };

export const GET = handler(async (request: Request, { params }: { params: Promise<Params> }) => {
  const caller = await resolveCaller(request);
  if (caller instanceof Response) return caller;
  const { id: raw } = await params;
  const id = idParam(raw, "claim");
  if (id instanceof Response) return id;
  const claim = getClaim(id);
  return claim ? json(claim) : apiError(404, "not_found", `No claim with id ${id}.`);
});

export const PATCH = writeRoute({
  body: true,
  run: ({ actor, body, params }) => {
    const id = idParam(params.id ?? "", "claim");
    return id instanceof Response ? id : updateClaim(actor, withPathId(body, "claimId", id));
  },
  respond: (claim) => json(getClaimSummary(claim.id)),
});

/** `?baseVersion=N` makes the delete conditional on the version the caller saw. */
export const DELETE = writeRoute({
  body: false,
  run: ({ actor, params, query }) => {
    const id = idParam(params.id ?? "", "claim");
    if (id instanceof Response) return id;
    const base = query.get("baseVersion");
    return deleteClaim(actor, { claimId: id, ...(base === null ? {} : { baseVersion: Number(base) }) });
  },
  respond: () => new Response(null, { status: 204 }),
});
