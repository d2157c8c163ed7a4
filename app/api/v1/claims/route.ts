import { getClaimSummary, listClaims } from "@/db/queries/claims";
import { createClaim } from "@/lib/claims";
import { handler, json, parseQuery } from "@/lib/http/api";
import { resolveCaller } from "@/lib/http/caller";
import { created, writeRoute } from "@/lib/http/write-route";
import { claimFiltersQuery, encodeCursor, queryObject } from "@/lib/validation/claim-filters";

export const GET = handler(async (request: Request) => {
  const caller = await resolveCaller(request);
  if (caller instanceof Response) return caller;
  const query = parseQuery(claimFiltersQuery, queryObject(new URL(request.url).searchParams));
  if (query instanceof Response) return query;
  const { items, nextCursor } = listClaims(query);
  return json({
    items,
    nextCursor: nextCursor ? encodeCursor(nextCursor) : null,
  });
});

export const POST = writeRoute({
  body: true,
  run: ({ actor, body }) => createClaim(actor, body),
  respond: (claim) => created(getClaimSummary(claim.id)),
});
