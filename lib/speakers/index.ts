import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { lockName } from "@/db/prepared";
import { claimSuggestions, claims, speakerAliases, speakers } from "@/db/schema";
import { domainWrite } from "@/lib/domain-write";
import type { ActorRef } from "@/lib/auth/actor";
import { DomainFailure } from "@/lib/result";
import { nameKey } from "@/lib/text/name-key";
import { addAliasInput, createSpeakerInput, mergeSpeakersInput, removeAliasInput } from "@/lib/validation/speakers";
import type { Tx } from "@/lib/audit";

async function insertAlias(tx: Tx, speakerId: number, alias: string) {
  const aliasKey = nameKey(alias);
  await lockName(tx, `speaker:${aliasKey}`);
  const [existing] = await tx
    .select({ id: speakerAliases.id })
    .from(speakerAliases)
    .where(and(eq(speakerAliases.speakerId, speakerId), eq(speakerAliases.aliasKey, aliasKey)))
    .limit(1);
  if (existing) return null;
  return (await tx.insert(speakerAliases).values({ speakerId, alias, aliasKey }).returning())[0]!;
}

/** Adds, one after another, each alias the speaker has not got yet and that is not its name; the aliases added. */
async function insertAliases(tx: Tx, speaker: { id: number; nameKey: string }, aliases: string[]): Promise<string[]> {
  const added: string[] = [];
  for (const alias of aliases) {
    if (nameKey(alias) === speaker.nameKey) continue;
    const row = await insertAlias(tx, speaker.id, alias);
    if (row) added.push(row.alias);
  }
  return added;
}

export function createSpeaker(actor: ActorRef, input: unknown) {
  return domainWrite({
    actor,
    role: "reviewer",
    schema: createSpeakerInput,
    input,
    run: async ({ tx, input: data, audit }) => {
      const row = (
        await tx
          .insert(speakers)
          .values({ name: data.name, nameKey: nameKey(data.name), description: data.description, kind: data.kind })
          .returning()
      )[0]!;
      const aliases = await insertAliases(tx, row, data.aliases);
      await audit({ action: "speaker.create", entity: "speaker", entityId: row.id, after: { ...row, aliases } });
      return { ...row, aliases };
    },
  });
}

export function addAlias(actor: ActorRef, input: unknown) {
  return domainWrite({
    actor,
    role: "reviewer",
    schema: addAliasInput,
    input,
    run: async ({ tx, input: data, audit }) => {
      const [speaker] = await tx.select({ id: speakers.id }).from(speakers).where(eq(speakers.id, data.speakerId)).limit(1);
      if (!speaker) throw new DomainFailure({ code: "not_found", message: "No such speaker." });
      const row = await insertAlias(tx, data.speakerId, data.alias);
      if (!row) {
        throw new DomainFailure({
          code: "conflict",
          message: `"${data.alias}" is already an alias of this speaker.`,
          fields: { alias: "This speaker has that alias already." },
        });
      }
      await audit({ action: "speaker.add_alias", entity: "speaker", entityId: data.speakerId, after: row });
      return row;
    },
  });
}

export function removeAlias(actor: ActorRef, input: unknown) {
  return domainWrite({
    actor,
    role: "reviewer",
    schema: removeAliasInput,
    input,
    run: async ({ tx, input: data, audit }) => {
      const [alias] = await tx
        .select()
        .from(speakerAliases)
        .where(and(eq(speakerAliases.id, data.aliasId), eq(speakerAliases.speakerId, data.speakerId)))
        .limit(1);
      if (!alias) throw new DomainFailure({ code: "not_found", message: "No such alias of this speaker." });
      await tx.delete(speakerAliases).where(eq(speakerAliases.id, alias.id));
      await audit({ action: "speaker.remove_alias", entity: "speaker", entityId: data.speakerId, before: alias });
      return alias;
    },
  });
}

/**
 * Merges one speaker into another: claims and aliases move to the one kept,
 * the merged speaker's name becomes an alias, and the merged row goes.
 */
export function mergeSpeakers(actor: ActorRef, input: unknown) {
  return domainWrite({
    actor,
    role: "reviewer",
    schema: mergeSpeakersInput,
    input,
    run: async ({ tx, input: data, audit }) => {
      const [keep] = await tx.select().from(speakers).where(eq(speakers.id, data.keepId)).limit(1);
      const [merge] = await tx.select().from(speakers).where(eq(speakers.id, data.mergeId)).limit(1);
      if (!keep || !merge) throw new DomainFailure({ code: "not_found", message: "No such speaker." });
      // each moved claim changes: its version goes up and it gets its own audit row, so an
      // editor open on it meets a conflict rather than saving the old speaker back
      const now = new Date().toISOString();
      const moved = await tx
        .update(claims)
        .set({ speakerId: keep.id, version: sql`${claims.version} + 1`, updatedAt: now })
        .where(eq(claims.speakerId, merge.id))
        .returning({ id: claims.id, version: claims.version });
      for (const claim of moved) {
        await audit({
          action: "claim.move_speaker",
          entity: "claim",
          entityId: claim.id,
          before: { speakerId: merge.id, version: claim.version - 1 },
          after: { speakerId: keep.id, version: claim.version },
        });
      }
      const movedClaims = moved.map((c) => c.id);
      // suggestions that named the merged speaker name the one kept
      await tx.update(claimSuggestions).set({ speakerId: keep.id }).where(eq(claimSuggestions.speakerId, merge.id));
      const aliases = await tx.select().from(speakerAliases).where(eq(speakerAliases.speakerId, merge.id));
      const movedAliases = await insertAliases(tx, keep, [merge.name, ...aliases.map((a) => a.alias)]);
      await tx.delete(speakers).where(eq(speakers.id, merge.id));
      await audit({
        action: "speaker.merge",
        entity: "speaker",
        entityId: keep.id,
        before: { kept: keep, merged: { ...merge, aliases: aliases.map((a) => a.alias) } },
        after: { keptId: keep.id, movedClaims, movedAliases },
      });
      return { keptId: keep.id, movedClaims, movedAliases };
    },
  });
}
