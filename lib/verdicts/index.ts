import "server-only";
import { eq, sql } from "drizzle-orm";
import { preparedPerShape } from "@/db/prepared";
import { claims, verdicts } from "@/db/schema";
import { domainWrite } from "@/lib/domain-write";
import type { ActorRef } from "@/lib/auth/actor";
import { insertEvidence } from "@/lib/evidence/insert";
import { recordVerdictInput } from "@/lib/validation/claims";
import { staleVersion } from "@/lib/claims/conflict";
import { liveClaim } from "@/lib/claims/live";

// the desk's most frequent write: its statements are prepared once per connection
const insertVerdict = preparedPerShape((db) =>
  db
    .insert(verdicts)
    .values({
      claimId: sql.placeholder("claimId"),
      reviewerId: sql.placeholder("reviewerId"),
      status: sql.placeholder("status"),
      rationale: sql.placeholder("rationale"),
    })
    .returning()
    .prepare(),
);

const settleClaim = preparedPerShape((db) =>
  db
    .update(claims)
    // drizzle's set() takes placeholders only wrapped in sql``
    .set({ status: sql`${sql.placeholder("status")}`, version: sql`${sql.placeholder("version")}`, updatedAt: sql`${sql.placeholder("updatedAt")}` })
    .where(eq(claims.id, sql.placeholder("id")))
    .returning()
    .prepare(),
);

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
    run: async ({ tx, input: data, audit, ownerId }) => {
      // on PostgreSQL liveClaim locks the claim's row to the commit: the version checked is the version replaced
      const claim = await liveClaim(tx, data.claimId);
      if (claim.version !== data.baseVersion) throw await staleVersion(tx, claim, data.baseVersion);
      const reviewerId = await ownerId();
      const verdict = (await insertVerdict("", tx).get({ claimId: claim.id, reviewerId, status: data.status, rationale: data.rationale }))!;
      const links = [];
      for (const item of data.evidence) {
        links.push(await insertEvidence(tx, { ...item, claimId: claim.id, verdictId: verdict.id, createdBy: reviewerId }));
      }
      const updated = (await settleClaim("", tx).get({ id: claim.id, status: data.status, version: claim.version + 1, updatedAt: verdict.createdAt }))!;
      await audit({
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
