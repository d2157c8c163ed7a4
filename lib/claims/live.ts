import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import { forUpdate, preparedPerShape } from "@/db/prepared";
import { claims } from "@/db/schema";
import type { Handle } from "@/db/prepared";
import { DomainFailure } from "@/lib/result";

// every claim, verdict and evidence write starts here: prepared once per connection (per transaction on PostgreSQL)
const liveClaimStatement = preparedPerShape((db, shape: "write" | "cite") => {
  const select = db
    .select()
    .from(claims)
    .where(and(eq(claims.id, sql.placeholder("id")), isNull(claims.deletedAt)));
  return (shape === "write" ? forUpdate(select) : select).prepare();
});

/**
 * A claim that has not been deleted, or a not_found failure: deleted claims
 * take no new writes. Read through the write's own transaction, and on
 * PostgreSQL locked to its end, so the version the write checks is the
 * version it replaces.
 *
 * A claim only cited (the target of evidence) is read without the lock, and
 * the lock is FOR NO KEY UPDATE, which the evidence row's foreign-key check
 * on the cited claim does not wait for: two verdicts recorded at once, each
 * citing the other's claim, do not deadlock.
 */
export async function liveClaim(tx: Handle, claimId: number, message = "No such claim.", use: "write" | "cite" = "write") {
  const claim = await liveClaimStatement(use, tx).get({ id: claimId });
  if (!claim) throw new DomainFailure({ code: "not_found", message });
  return claim;
}
