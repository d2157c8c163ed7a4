import "server-only";
import type { z } from "zod";
import { count, eq } from "drizzle-orm";
import { claims, sources, speakers, verdicts, type SpeakerKind } from "@/db/schema";
import { anchorAt } from "@/lib/anchoring/anchor";
import type { Tx } from "@/lib/audit";
import { domainWrite, type AuditEntry } from "@/lib/domain-write";
import type { ActorRef } from "@/lib/auth/actor";
import { DomainFailure } from "@/lib/result";
import { resolveSpeakerName } from "@/lib/speakers/resolve";
import { createClaimInput, deleteClaimInput, updateClaimInput } from "@/lib/validation/claims";
import { staleVersion } from "./conflict";
import { liveClaim } from "./live";

async function speakerExists(tx: Tx, speakerId: number): Promise<void> {
  const [speaker] = await tx.select({ id: speakers.id }).from(speakers).where(eq(speakers.id, speakerId)).limit(1);
  if (!speaker) throw new DomainFailure({ code: "invalid", message: "No such speaker.", fields: { speakerId: "No speaker has this id." } });
}


export function createClaim(actor: ActorRef, input: unknown) {
  return domainWrite({
    actor,
    role: "reviewer",
    schema: createClaimInput,
    input,
    run: async ({ tx, input: data, audit, ownerId }) => insertClaim(tx, data, { audit, createdBy: await ownerId() }),
  });
}

export type NewClaim = Omit<z.output<typeof createClaimInput>, "speakerName" | "speakerKind"> & {
  speakerName?: string;
  speakerKind?: SpeakerKind;
  /** for a speaker made from the name: what the article says they are */
  speakerDescription?: string | null;
};

/**
 * Anchors and inserts one claim, inside the transaction of the door that
 * calls it (capturing a claim, accepting a suggestion): the quote must be
 * the source body at start..end, the speaker is an id or a name matched
 * through names and aliases (a new speaker only when nothing matches).
 */
export async function insertClaim(tx: Tx, data: NewClaim, ctx: { audit: (entry: AuditEntry) => Promise<void>; createdBy: number }) {
  const [source] = await tx.select({ body: sources.body }).from(sources).where(eq(sources.id, data.sourceId)).limit(1);
  if (!source) throw new DomainFailure({ code: "not_found", message: "No such source." });
  if (data.end > source.body.length || source.body.slice(data.start, data.end) !== data.quote) {
    throw new DomainFailure({
      code: "invalid",
      message: "The quote does not match the source text at that position.",
      fields: { quote: "The quote must equal the source body from start to end." },
    });
  }
  let speakerId = data.speakerId;
  if (speakerId === undefined) {
    const resolved = await resolveSpeakerName(tx, data.speakerName!, data.speakerKind ?? "person", data.speakerDescription ?? null);
    if (resolved.created) await ctx.audit({ action: "speaker.create", entity: "speaker", entityId: resolved.id, after: resolved.created });
    speakerId = resolved.id;
  } else {
    await speakerExists(tx, speakerId);
  }
  const anchor = anchorAt(source.body, data.start, data.end);
  const row = (
    await tx
      .insert(claims)
      .values({
        sourceId: data.sourceId,
        speakerId,
        quote: anchor.quote,
        startOffset: anchor.start,
        endOffset: anchor.end,
        prefix: anchor.prefix,
        suffix: anchor.suffix,
        type: data.type,
        proposition: data.proposition,
        resolvesOn: data.resolvesOn,
        createdBy: ctx.createdBy,
      })
      .returning()
  )[0]!;
  await ctx.audit({ action: "claim.create", entity: "claim", entityId: row.id, after: row });
  return row;
}

/** Edits speaker, type, proposition and resolves-on, on top of the version the reviewer saw. */
export function updateClaim(actor: ActorRef, input: unknown) {
  return domainWrite({
    actor,
    role: "reviewer",
    schema: updateClaimInput,
    input,
    run: async ({ tx, input: data, audit }) => {
      const claim = await liveClaim(tx, data.claimId);
      if (claim.version !== data.baseVersion) throw await staleVersion(tx, claim, data.baseVersion);
      if (data.speakerId !== undefined) await speakerExists(tx, data.speakerId);
      const next = {
        speakerId: data.speakerId ?? claim.speakerId,
        type: data.type ?? claim.type,
        proposition: data.proposition === undefined ? claim.proposition : data.proposition,
        resolvesOn: data.resolvesOn === undefined ? claim.resolvesOn : data.resolvesOn,
      };
      if (next.resolvesOn !== null && next.type !== "prediction") {
        throw new DomainFailure({
          code: "invalid",
          message: "Only a prediction resolves on a date: clear resolvesOn, or keep the type prediction.",
          fields: { resolvesOn: "Only a prediction resolves on a date." },
        });
      }
      const after = (
        await tx
          .update(claims)
          .set({ ...next, version: claim.version + 1, updatedAt: new Date().toISOString() })
          .where(eq(claims.id, claim.id))
          .returning()
      )[0]!;
      const changed = (Object.keys(next) as Array<keyof typeof next>).filter((k) => next[k] !== claim[k]);
      await audit({
        action: "claim.update",
        entity: "claim",
        entityId: claim.id,
        before: Object.fromEntries(changed.map((k) => [k, claim[k]]).concat([["version", claim.version]])),
        after: Object.fromEntries(changed.map((k) => [k, after[k]]).concat([["version", after.version]])),
      });
      return after;
    },
  });
}

/**
 * Deletes a claim by marking it: verdicts and evidence keep pointing at it and
 * the audit trail stays whole. A reviewer deletes their own claim while it has
 * no verdict; an admin any claim.
 */
export function deleteClaim(actor: ActorRef, input: unknown) {
  return domainWrite({
    actor,
    role: "reviewer",
    schema: deleteClaimInput,
    input,
    run: async ({ tx, actor: me, input: data, audit }) => {
      const claim = await liveClaim(tx, data.claimId);
      if (data.baseVersion !== undefined && claim.version !== data.baseVersion) throw await staleVersion(tx, claim, data.baseVersion);
      if (me.role !== "admin") {
        if (claim.createdBy !== me.id) {
          throw new DomainFailure({ code: "forbidden", message: "Only the reviewer who captured a claim, or an admin, may delete it." });
        }
        const ruled = (await tx.select({ n: count() }).from(verdicts).where(eq(verdicts.claimId, claim.id)))[0]?.n ?? 0;
        if (ruled > 0) {
          throw new DomainFailure({ code: "conflict", message: "This claim has verdicts; only an admin may delete it now." });
        }
      }
      const now = new Date().toISOString();
      await tx
        .update(claims)
        .set({ deletedAt: now, deletedBy: me.id, version: claim.version + 1, updatedAt: now })
        .where(eq(claims.id, claim.id));
      await audit({ action: "claim.delete", entity: "claim", entityId: claim.id, before: claim, after: { deletedAt: now } });
      return { id: claim.id, deletedAt: now };
    },
  });
}
