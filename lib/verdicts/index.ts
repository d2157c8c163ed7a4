import "server-only";
import { eq } from "drizzle-orm";
import { claims, verdicts } from "@/db/schema";
import { domainWrite } from "@/lib/domain-write";
import type { ActorRef } from "@/lib/auth/actor";
import { insertEvidence } from "@/lib/evidence/insert";
import { recordVerdictInput } from "@/lib/validation/claims";
import { staleVersion } from "@/lib/claims/conflict";
import { liveClaim } from "@/lib/claims/live";

/**
 * Appends a verdict, sets the claim's status and bumps its version, with the
 * evidence given and the audit row, all in one transaction. A verdict based
 * on a stale version is refused: nothing is silently overwritten.
 */
export function recordVerdict(actor: ActorRef, input: unknown) {
  return domainWrite({
    actor,
    role: "reviewer",
    schema: recordVerdictInput,
    input,
    run: ({ tx, input: data, audit, ownerId }) => {
      const claim = liveClaim(tx, data.claimId);
      if (claim.version !== data.baseVersion) throw staleVersion(tx, claim, data.baseVersion);
      const reviewerId = ownerId();
      const verdict = tx
        .insert(verdicts)
        .values({ claimId: claim.id, reviewerId, status: data.status, rationale: data.rationale })
        .returning()
        .get();
      const links = data.evidence.map((item) =>
        insertEvidence(tx, { ...item, claimId: claim.id, verdictId: verdict.id, createdBy: reviewerId }),
      );
      const updated = tx
        .update(claims)
        .set({ status: data.status, version: claim.version + 1, updatedAt: verdict.createdAt })
        .where(eq(claims.id, claim.id))
        .returning()
        .get();
      audit({
        action: "verdict.record",
        entity: "claim",
        entityId: claim.id,
        before: { status: claim.status, version: claim.version },
        after: { status: updated.status, version: updated.version, verdictId: verdict.id, evidenceIds: links.map((l) => l.id) },
      });
      return { claim: updated, verdict, evidence: links };
    },
  });
}
