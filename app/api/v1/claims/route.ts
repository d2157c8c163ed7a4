import { getClaimSummary, listClaims } from "@/db/queries/claims";
import { createClaim } from "@/lib/claims";
import { created, readRoute, writeRoute } from "@/lib/http/write-route";
import { claimFiltersQuery, encodeCursor } from "@/lib/validation/claim-filters";

export const GET = readRoute({
  query: claimFiltersQuery,
  run: async ({ query }) => {
    const { items, nextCursor } = await listClaims(query);
    return { items, nextCursor: nextCursor ? encodeCursor(nextCursor) : null };
  },
});

export const POST = writeRoute({
  body: true,
  run: ({ actor, body }) => createClaim(actor, body),
  respond: async (claim) => created(await getClaimSummary(claim.id)),
});
