import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { claims, sources } from "@/db/schema";
import { reanchor } from "@/lib/anchoring/reanchor";
import type { ActorRef } from "@/lib/auth/actor";
import { domainWrite } from "@/lib/domain-write";
import { DomainFailure } from "@/lib/result";
import { updateSourceInput } from "@/lib/validation/sources";

/**
 * Replaces a source's body (a typo fixed, a revised version pasted) and
 * re-anchors every claim in it, in one transaction. A claim whose quote can
 * no longer be found is marked orphaned and keeps its last quote: it is
 * listed on the source page, never dropped.
 */
export function updateSource(actor: ActorRef, input: unknown) {
  return domainWrite({
    actor,
    role: "admin",
    schema: updateSourceInput,
    input,
    run: ({ tx, input: data, audit }) => {
      const source = tx.select().from(sources).where(eq(sources.id, data.sourceId)).get();
      if (!source) throw new DomainFailure({ code: "not_found", message: "No such source." });
      if (source.updatedAt !== data.baseUpdatedAt) {
        throw new DomainFailure({
          code: "conflict",
          message: `This source was changed at ${source.updatedAt}, after you opened it. Reload it and apply your edit again.`,
        });
      }
      // updated_at is the revision the next edit is checked against: it must move even within a millisecond
      const now = new Date(Math.max(Date.now(), Date.parse(source.updatedAt) + 1)).toISOString();
      tx.update(sources)
        .set({ body: data.body, title: data.title ?? source.title, updatedAt: now })
        .where(eq(sources.id, source.id))
        .run();

      const outcome = { kept: 0, moved: 0, orphaned: 0 };
      const inSource = tx.select().from(claims).where(and(eq(claims.sourceId, source.id), isNull(claims.deletedAt))).all();
      for (const claim of inSource) {
        const old = { start: claim.startOffset, end: claim.endOffset, quote: claim.quote, prefix: claim.prefix, suffix: claim.suffix };
        const found = reanchor(data.body, old);
        if (found && found.start === old.start && found.end === old.end && found.quote === old.quote && !claim.orphaned) {
          if (found.prefix !== old.prefix || found.suffix !== old.suffix) {
            tx.update(claims).set({ prefix: found.prefix, suffix: found.suffix }).where(eq(claims.id, claim.id)).run();
          }
          outcome.kept++;
          continue;
        }
        const next = found
          ? { startOffset: found.start, endOffset: found.end, quote: found.quote, prefix: found.prefix, suffix: found.suffix, orphaned: false }
          : { orphaned: true };
        tx.update(claims)
          .set({ ...next, version: claim.version + 1, updatedAt: now })
          .where(eq(claims.id, claim.id))
          .run();
        audit({
          action: found ? "claim.reanchor" : "claim.orphan",
          entity: "claim",
          entityId: claim.id,
          before: { ...old, orphaned: claim.orphaned, version: claim.version },
          after: found ? { ...next, method: found.method, score: found.score, version: claim.version + 1 } : { orphaned: true, version: claim.version + 1 },
        });
        if (found) outcome.moved++;
        else outcome.orphaned++;
      }
      audit({
        action: "source.update",
        entity: "source",
        entityId: source.id,
        before: { title: source.title, bodyLength: source.body.length, updatedAt: source.updatedAt },
        after: { title: data.title ?? source.title, bodyLength: data.body.length, updatedAt: now, claims: outcome },
      });
      return { id: source.id, updatedAt: now, claims: outcome };
    },
  });
}
