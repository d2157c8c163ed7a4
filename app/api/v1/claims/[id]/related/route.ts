import { relatedClaims } from "@/lib/claims/related";
import { readRoute } from "@/lib/http/write-route";
import { relatedQuery } from "@/lib/validation/search-query";

/**
 * GET /api/v1/claims/{id}/related?limit=: `{ items: [{ claim, score, reasons }] }`,
 * claims of other sources that possibly assert the same thing, best first
 * (score 0..1; reasons each `{ kind, detail }`). 404 for no such live claim.
 */
export const GET = readRoute({
  id: "claim",
  query: relatedQuery,
  run: async ({ id, query }) => {
    const items = await relatedClaims(id, query.limit ?? 5);
    return items === null ? null : { items };
  },
});
