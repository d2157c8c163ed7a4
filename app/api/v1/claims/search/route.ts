import { searchClaims } from "@/db/queries/claim-search";
import { handler, json, parseQuery } from "@/lib/http/api";
import { resolveCaller } from "@/lib/http/caller";
import { queryObject } from "@/lib/validation/claim-filters";
import { claimSearchQuery } from "@/lib/validation/search";

/**
 * GET /api/v1/claims/search?q=…[&excludeSourceId=][&limit=]: the claims whose
 * quote or proposition contain the words, newest first (the search the
 * evidence picker uses). `{ items }`; limit 1–50, default 10.
 */
export const GET = handler(async (request: Request) => {
  const caller = await resolveCaller(request);
  if (caller instanceof Response) return caller;
  const query = parseQuery(claimSearchQuery, queryObject(new URL(request.url).searchParams));
  if (query instanceof Response) return query;
  return json({ items: searchClaims({ text: query.q, excludeSourceId: query.excludeSourceId, limit: query.limit ?? 10 }) });
});
