import { getClaim, getClaimSummary } from "@/db/queries/claims";
import { deleteClaim, updateClaim } from "@/lib/claims";
import { json } from "@/lib/http/api";
import { withPathId } from "@/lib/http/input";
import { readRoute, writeRoute } from "@/lib/http/write-route";

export const GET = readRoute({ id: "claim", run: ({ id }) => getClaim(id) });

export const PATCH = writeRoute({
  id: "claim",
  body: true,
  run: ({ actor, body, id }) => updateClaim(actor, withPathId(body, "claimId", id)),
  respond: async (claim) => json(await getClaimSummary(claim.id)),
});

/** `?baseVersion=N` makes the delete conditional on the version the caller saw. */
export const DELETE = writeRoute({
  id: "claim",
  body: false,
  run: ({ actor, id, query }) => {
    const base = query.get("baseVersion");
    return deleteClaim(actor, { claimId: id, ...(base === null ? {} : { baseVersion: Number(base) }) });
  },
  respond: () => new Response(null, { status: 204 }),
});
