import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { claims } from "@/db/schema";
import type { Tx } from "@/lib/audit";
import { DomainFailure } from "@/lib/result";

/** A claim that has not been deleted, or a not_found failure: deleted claims take no new writes. */
export function liveClaim(tx: Tx, claimId: number, message = "No such claim.") {
  const claim = tx.select().from(claims).where(and(eq(claims.id, claimId), isNull(claims.deletedAt))).get();
  if (!claim) throw new DomainFailure({ code: "not_found", message });
  return claim;
}
