import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { claimSuggestions, claims, speakerAliases, speakers } from "@/db/schema";
import { domainWrite } from "@/lib/domain-write";
import type { ActorRef } from "@/lib/auth/actor";
import { DomainFailure } from "@/lib/result";
import { nameKey } from "@/lib/text/name-key";
import { addAliasInput, createSpeakerInput, mergeSpeakersInput, removeAliasInput } from "@/lib/validation/speakers";
import type { Tx } from "@/lib/audit";

function insertAlias(tx: Tx, speakerId: number, alias: string) {
  const aliasKey = nameKey(alias);
  const existing = tx
    .select({ id: speakerAliases.id })
    .from(speakerAliases)
    .where(and(eq(speakerAliases.speakerId, speakerId), eq(speakerAliases.aliasKey, aliasKey)))
    .get();
  if (existing) return null;
  return tx.insert(speakerAliases).values({ speakerId, alias, aliasKey }).returning().get();
}

export function createSpeaker(actor: ActorRef, input: unknown) {
  return domainWrite({
    actor,
    role: "reviewer",
    schema: createSpeakerInput,
    input,
    run: ({ tx, input: data, audit }) => {
      const row = tx
        .insert(speakers)
        .values({ name: data.name, nameKey: nameKey(data.name), description: data.description, kind: data.kind })
        .returning()
        .get();
      const aliases = data.aliases
        .filter((alias) => nameKey(alias) !== row.nameKey)
        .map((alias) => insertAlias(tx, row.id, alias)?.alias)
        .filter((alias): alias is string => Boolean(alias));
      audit({ action: "speaker.create", entity: "speaker", entityId: row.id, after: { ...row, aliases } });
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
    run: ({ tx, input: data, audit }) => {
      const speaker = tx.select({ id: speakers.id }).from(speakers).where(eq(speakers.id, data.speakerId)).get();
      if (!speaker) throw new DomainFailure({ code: "not_found", message: "No such speaker." });
      const row = insertAlias(tx, data.speakerId, data.alias);
      if (!row) {
        throw new DomainFailure({
          code: "conflict",
          message: `"${data.alias}" is already an alias of this speaker.`,
          fields: { alias: "This speaker has that alias already." },
        });
      }
      audit({ action: "speaker.add_alias", entity: "speaker", entityId: data.speakerId, after: row });
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
    run: ({ tx, input: data, audit }) => {
      const alias = tx
        .select()
        .from(speakerAliases)
        .where(and(eq(speakerAliases.id, data.aliasId), eq(speakerAliases.speakerId, data.speakerId)))
        .get();
      if (!alias) throw new DomainFailure({ code: "not_found", message: "No such alias of this speaker." });
      tx.delete(speakerAliases).where(eq(speakerAliases.id, alias.id)).run();
      audit({ action: "speaker.remove_alias", entity: "speaker", entityId: data.speakerId, before: alias });
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
    run: ({ tx, input: data, audit }) => {
      const keep = tx.select().from(speakers).where(eq(speakers.id, data.keepId)).get();
      const merge = tx.select().from(speakers).where(eq(speakers.id, data.mergeId)).get();
      if (!keep || !merge) throw new DomainFailure({ code: "not_found", message: "No such speaker." });
      // each moved claim changes: its version goes up and it gets its own audit row, so an
      // editor open on it meets a conflict rather than saving the old speaker back
      const now = new Date().toISOString();
      const moved = tx
        .update(claims)
        .set({ speakerId: keep.id, version: sql`${claims.version} + 1`, updatedAt: now })
        .where(eq(claims.speakerId, merge.id))
        .returning({ id: claims.id, version: claims.version })
        .all();
      for (const claim of moved) {
        audit({
          action: "claim.move_speaker",
          entity: "claim",
          entityId: claim.id,
          before: { speakerId: merge.id, version: claim.version - 1 },
          after: { speakerId: keep.id, version: claim.version },
        });
      }
      const movedClaims = moved.map((c) => c.id);
      // suggestions that named the merged speaker name the one kept
      tx.update(claimSuggestions).set({ speakerId: keep.id }).where(eq(claimSuggestions.speakerId, merge.id)).run();
      const aliases = tx.select().from(speakerAliases).where(eq(speakerAliases.speakerId, merge.id)).all();
      const movedAliases = [merge.name, ...aliases.map((a) => a.alias)]
        .filter((alias) => nameKey(alias) !== keep.nameKey)
        .map((alias) => insertAlias(tx, keep.id, alias)?.alias)
        .filter((alias): alias is string => Boolean(alias));
      tx.delete(speakers).where(eq(speakers.id, merge.id)).run();
      audit({
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
