import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import { preparedPerShape } from "@/db/prepared";
import { claims } from "@/db/schema";
import type { Handle } from "@/db/prepared";
import { DomainFailure } from "@/lib/result";

// every claim, verdict and evidence write starts here: prepared once per connection
const liveClaimStatement = preparedPerShape((db) =>
  db
    .select()
    .from(claims)
    .where(and(eq(claims.id, sql.placeholder("id")), isNull(claims.deletedAt)))
    .prepare(),
);

/**
 * A claim that has not been deleted, or a not_found failure: deleted claims
 * take no new writes. Read through the write's own transaction.
 */
export function liveClaim(tx: Handle, claimId: number, message = "No such claim.") {
  const claim = liveClaimStatement("", tx).get({ id: claimId });
  if (!claim) throw new DomainFailure({ code: "not_found", message });
  return claim;
}
