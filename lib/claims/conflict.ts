import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { auditLog, users } from "@/db/schema";
import type { Tx } from "@/lib/audit";
import { DomainFailure, type ConflictState } from "@/lib/result";

const ACTION_WORDS: Record<string, string> = {
  "verdict.record": "recorded a verdict",
  "claim.update": "edited the claim",
  "claim.create": "captured the claim",
  "claim.reanchor": "re-anchored the claim after an edit of its source",
  "claim.orphan": "edited the source so that the quote was lost",
  "claim.delete": "deleted the claim",
  "claim.move_speaker": "merged the claim's speaker into another speaker",
};

/** The claim as it is now and the last change to it, for a reviewer whose write was based on an older version. */
export async function conflictState(tx: Tx, claim: { id: number; version: number; status: string }): Promise<ConflictState> {
  const [last] = await tx
    .select({ action: auditLog.action, at: auditLog.createdAt, by: users.name })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(and(eq(auditLog.entity, "claim"), eq(auditLog.entityId, claim.id)))
    .orderBy(desc(auditLog.id))
    .limit(1);
  const action = last?.action.replace(/ \(.*\)$/, "") ?? "claim.update";
  return {
    version: claim.version,
    status: claim.status,
    changedBy: last?.by ?? null,
    changedAt: last?.at ?? "",
    action: ACTION_WORDS[action] ?? action,
  };
}

export async function staleVersion(tx: Tx, claim: { id: number; version: number; status: string }, baseVersion: number): Promise<DomainFailure> {
  const current = await conflictState(tx, claim);
  const who = current.changedBy ?? "Someone";
  return new DomainFailure({
    code: "conflict",
    message: `${who} ${current.action} since you opened it (your version ${baseVersion}, now ${claim.version}, status ${claim.status}).`,
    current,
  });
}
