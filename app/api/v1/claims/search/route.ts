import { searchClaims } from "@/db/queries/claim-search";
import { readRoute } from "@/lib/http/write-route";
import { claimSearchQuery } from "@/lib/validation/search";

/**
 * GET /api/v1/claims/search?q=…[&excludeSourceId=][&limit=]: the claims whose
 * quote or proposition contain the words, newest first (the search the
 * evidence picker uses). `{ items }`; limit 1–50, default 10.
 */
export const GET = readRoute({
  query: claimSearchQuery,
  run: async ({ query }) => ({ items: await searchClaims({ text: query.q, excludeSourceId: query.excludeSourceId, limit: query.limit ?? 10 }) }),
});
