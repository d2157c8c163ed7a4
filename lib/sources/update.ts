import "server-only";
import { forUpdate } from "@/db/prepared";
import { and, eq, isNull } from "drizzle-orm";
import { claimSuggestions, claims, evidence, sources } from "@/db/schema";
import { anchorAt, type Anchor } from "@/lib/anchoring/anchor";
import { reanchor } from "@/lib/anchoring/reanchor";
import type { Tx } from "@/lib/audit";
import type { ActorRef } from "@/lib/auth/actor";
import { domainWrite, type AuditEntry } from "@/lib/domain-write";
import { DomainFailure } from "@/lib/result";
import { updateSourceInput } from "@/lib/validation/sources";

type Outcome = { kept: number; moved: number; orphaned: number };

/**
 * Replaces a source's body (a typo fixed, a revised version pasted) and
 * re-anchors every claim in it, and every evidence passage cited from it, in
 * one transaction. A claim whose quote can no longer be found is marked
 * orphaned and keeps its last quote: it is listed on the source page, never
 * dropped; a lost passage is marked orphaned the same way.
 *
 * Any change to a claim's anchor, its context included, bumps its version and
 * writes an audit row: a reviewer with the claim open then meets a conflict
 * instead of saving over a claim that moved under them.
 */
export function updateSource(actor: ActorRef, input: unknown) {
  return domainWrite({
    actor,
    role: "admin",
    schema: updateSourceInput,
    input,
    run: async ({ tx, input: data, audit }) => {
      // the source and its claims locked to the end (PostgreSQL): a second edit waits and then meets the
      // revision this one writes, and no verdict moves a claim's version between its read and its bump here
      const [source] = await forUpdate(tx.select().from(sources).where(eq(sources.id, data.sourceId)).limit(1));
      if (!source) throw new DomainFailure({ code: "not_found", message: "No such source." });
      if (source.updatedAt !== data.baseUpdatedAt) {
        throw new DomainFailure({
          code: "conflict",
          message: `This source was changed at ${source.updatedAt}, after you opened it. Reload it and apply your edit again.`,
        });
      }
      // updated_at is the revision the next edit is checked against: it must move even within a millisecond
      const now = new Date(Math.max(Date.now(), Date.parse(source.updatedAt) + 1)).toISOString();
      await tx
        .update(sources)
        .set({ body: data.body, title: data.title ?? source.title, updatedAt: now })
        .where(eq(sources.id, source.id));

      const claimOutcome = await reanchorClaims(tx, source.id, data.body, now, audit);
      await reanchorSuggestions(tx, source.id, data.body);
      const evidenceOutcome = await reanchorPassages(tx, source.id, source.body, data.body, audit);
      await audit({
        action: "source.update",
        entity: "source",
        entityId: source.id,
        before: { title: source.title, bodyLength: source.body.length, updatedAt: source.updatedAt },
        after: { title: data.title ?? source.title, bodyLength: data.body.length, updatedAt: now, claims: claimOutcome, evidence: evidenceOutcome },
      });
      return { id: source.id, updatedAt: now, claims: claimOutcome, evidence: evidenceOutcome };
    },
  });
}

function sameAnchor(a: Anchor, b: Anchor): boolean {
  return a.start === b.start && a.end === b.end && a.quote === b.quote && a.prefix === b.prefix && a.suffix === b.suffix;
}

async function reanchorClaims(tx: Tx, sourceId: number, body: string, now: string, audit: (entry: AuditEntry) => Promise<void>): Promise<Outcome> {
  const outcome: Outcome = { kept: 0, moved: 0, orphaned: 0 };
  const inSource = await forUpdate(tx.select().from(claims).where(and(eq(claims.sourceId, sourceId), isNull(claims.deletedAt))).orderBy(claims.id));
  for (const claim of inSource) {
    const old = { start: claim.startOffset, end: claim.endOffset, quote: claim.quote, prefix: claim.prefix, suffix: claim.suffix };
    const found = reanchor(body, old);
    if (found && sameAnchor(found, old) && !claim.orphaned) {
      outcome.kept++;
      continue;
    }
    const next = found
      ? { startOffset: found.start, endOffset: found.end, quote: found.quote, prefix: found.prefix, suffix: found.suffix, orphaned: false }
      : { orphaned: true };
    await tx
      .update(claims)
      .set({ ...next, version: claim.version + 1, updatedAt: now })
      .where(eq(claims.id, claim.id));
    await audit({
      action: found ? "claim.reanchor" : "claim.orphan",
      entity: "claim",
      entityId: claim.id,
      before: { ...old, orphaned: claim.orphaned, version: claim.version },
      after: found ? { ...next, method: found.method, score: found.score, version: claim.version + 1 } : { orphaned: true, version: claim.version + 1 },
    });
    // the quote itself in place, only its context edited, counts as kept: the reviewer's words are all there
    if (found && found.start === old.start && found.end === old.end && !claim.orphaned) outcome.kept++;
    else if (found) outcome.moved++;
    else outcome.orphaned++;
  }
  return outcome;
}

/**
 * Evidence passages quoted from this source, re-anchored like claims. They
 * keep no context of their own, so it is read from the body before the edit.
 */
async function reanchorPassages(tx: Tx, sourceId: number, oldBody: string, body: string, audit: (entry: AuditEntry) => Promise<void>): Promise<Outcome> {
  const outcome: Outcome = { kept: 0, moved: 0, orphaned: 0 };
  const cited = await tx.select().from(evidence).where(eq(evidence.targetSourceId, sourceId));
  for (const item of cited) {
    const start = item.targetStart!;
    const end = item.targetEnd!;
    const quote = item.targetQuote!;
    const old: Anchor =
      !item.orphaned && end <= oldBody.length && oldBody.slice(start, end) === quote
        ? anchorAt(oldBody, start, end)
        : { start, end, quote, prefix: "", suffix: "" };
    const found = reanchor(body, old);
    if (found && found.start === start && found.end === end && found.quote === quote && !item.orphaned) {
      outcome.kept++;
      continue;
    }
    const next = found ? { targetStart: found.start, targetEnd: found.end, targetQuote: found.quote, orphaned: false } : { orphaned: true };
    await tx.update(evidence).set(next).where(eq(evidence.id, item.id));
    await audit({
      action: found ? "evidence.reanchor" : "evidence.orphan",
      entity: "evidence",
      entityId: item.id,
      before: { claimId: item.claimId, start, end, quote, orphaned: item.orphaned },
      after: { claimId: item.claimId, ...next, ...(found ? { method: found.method, score: found.score } : {}) },
    });
    if (found) outcome.moved++;
    else outcome.orphaned++;
  }
  return outcome;
}

/**
 * Open suggestions follow their words like claims; one whose words are gone
 * is dropped (it was only ever a suggestion). Accepted and dismissed ones are
 * history and stay as they were.
 */
async function reanchorSuggestions(tx: Tx, sourceId: number, body: string): Promise<void> {
  const open = await tx
    .select()
    .from(claimSuggestions)
    .where(and(eq(claimSuggestions.sourceId, sourceId), eq(claimSuggestions.state, "open")));
  for (const s of open) {
    const found = reanchor(body, { start: s.startOffset, end: s.endOffset, quote: s.quote, prefix: "", suffix: "" });
    if (!found || found.method === "fuzzy") await tx.delete(claimSuggestions).where(eq(claimSuggestions.id, s.id));
    else if (found.start !== s.startOffset) {
      const shift = found.start - s.startOffset;
      await tx
        .update(claimSuggestions)
        .set({
          startOffset: found.start,
          endOffset: found.end,
          speakerStart: s.speakerStart === null ? null : s.speakerStart + shift,
          speakerEnd: s.speakerEnd === null ? null : s.speakerEnd + shift,
          cueStart: s.cueStart === null ? null : s.cueStart + shift,
          cueEnd: s.cueEnd === null ? null : s.cueEnd + shift,
        })
        .where(eq(claimSuggestions.id, s.id));
    }
  }
}
