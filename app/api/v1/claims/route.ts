import { listClaims } from "@/db/queries/claims";
import { apiUser, handler, json, parseQuery } from "@/lib/http/api";
import { claimFiltersQuery, encodeCursor, queryObject } from "@/lib/validation/claim-filters";

export const GET = handler(async (request: Request) => {
  const user = await apiUser();
  if (user instanceof Response) return user;
  const query = parseQuery(claimFiltersQuery, queryObject(new URL(request.url).searchParams));
  if (query instanceof Response) return query;
  const { items, nextCursor } = listClaims(query);
  return json({
    items: items.map(({ sourceTitle: _title, ...claim }) => claim),
    nextCursor: nextCursor ? encodeCursor(nextCursor) : null,
  });
});
