import { domainErrorResponse, json } from "@/lib/http/api";
import { readRoute } from "@/lib/http/write-route";
import { searchEverything } from "@/lib/search";
import { deskSearchQuery } from "@/lib/validation/search-query";

/**
 * GET /api/v1/search?q=&kind=&limit=: `{ claims, sources, speakers, verdicts }`,
 * each ranked, with a snippet whose matching words are between \u0001 and
 * \u0002. 400 for a query too long or an unknown kind.
 */
export const GET = readRoute({
  query: deskSearchQuery,
  run: async ({ query }) => {
    const result = await searchEverything(query.q, { kinds: query.kind, limit: query.limit ?? 10 });
    if (!result.ok) return domainErrorResponse({ ...result.error, status: 400, reason: "invalid_query" });
    const { query: _q, ...groups } = result.value;
    return json(groups);
  },
});
