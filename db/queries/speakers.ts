import "server-only";
import { and, asc, eq, inArray, isNull, like } from "drizzle-orm";
import { nameKey } from "@/lib/text/name-key";
import { getDb } from "../client";
import { rawGet } from "../raw";
import { statusTallyColumns } from "./tallies";
import { claims, speakerAliases, speakers } from "../schema";

export async function listSpeakers() {
  const db = getDb();
  const rows = await db
    .select({
      id: speakers.id,
      name: speakers.name,
      description: speakers.description,
      kind: speakers.kind,
      ...statusTallyColumns,
    })
    .from(speakers)
    .leftJoin(claims, and(eq(claims.speakerId, speakers.id), isNull(claims.deletedAt)))
    .groupBy(speakers.id)
    .orderBy(asc(speakers.name));
  const aliases = await db
    .select({ speakerId: speakerAliases.speakerId, alias: speakerAliases.alias })
    .from(speakerAliases)
    .orderBy(asc(speakerAliases.alias));
  // grouped in one pass: a filter per speaker would be speakers × aliases
  const bySpeaker = new Map<number, string[]>();
  for (const a of aliases) (bySpeaker.get(a.speakerId) ?? bySpeaker.set(a.speakerId, []).get(a.speakerId)!).push(a.alias);
  return rows.map((r) => ({ ...r, aliases: bySpeaker.get(r.id) ?? [] }));
}

/**
 * Speakers whose name or an alias matches the query, ignoring case, hyphens,
 * spacing and diacritics: exact key matches first, then prefixes, then
 * substrings.
 */
export async function findSpeakers(query: string, limit = 10) {
  const key = nameKey(query);
  if (!key) return [];
  const db = getDb();
  const pattern = `%${key.replace(/[%_]/g, "")}%`;
  const byName = await db
    .select({ id: speakers.id, key: speakers.nameKey })
    .from(speakers)
    .where(like(speakers.nameKey, pattern));
  const byAlias = await db
    .select({ id: speakerAliases.speakerId, key: speakerAliases.aliasKey })
    .from(speakerAliases)
    .where(like(speakerAliases.aliasKey, pattern));
  const rank = (k: string) => (k === key ? 0 : k.startsWith(key) ? 1 : 2);
  const best = new Map<number, number>();
  for (const m of [...byName, ...byAlias]) best.set(m.id, Math.min(best.get(m.id) ?? 3, rank(m.key)));
  if (best.size === 0) return [];
  const found = await db
    .select({ id: speakers.id, name: speakers.name, description: speakers.description, kind: speakers.kind })
    .from(speakers)
    .where(inArray(speakers.id, [...best.keys()]));
  return found
    .sort((a, b) => best.get(a.id)! - best.get(b.id)! || a.name.localeCompare(b.name))
    .slice(0, limit);
}

export async function listSpeakerOptions() {
  return await getDb().select({ id: speakers.id, name: speakers.name }).from(speakers).orderBy(asc(speakers.name));
}


export async function getSpeaker(id: number) {
  const speaker = await getSpeakerSummary(id);
  if (!speaker) return null;
  const db = getDb();
  const aliases = await db
    .select({ id: speakerAliases.id, alias: speakerAliases.alias })
    .from(speakerAliases)
    .where(eq(speakerAliases.speakerId, id))
    .orderBy(asc(speakerAliases.alias));
  const [tally] = await db
    .select(statusTallyColumns)
    .from(claims)
    .where(and(eq(claims.speakerId, id), isNull(claims.deletedAt)));
  return { ...speaker, aliases, tally: tally ?? { pending: 0, corroborated: 0, contradicted: 0 } };
}

/** Every speaker with its aliases, as claim suggestions match names against them. */
export async function listSpeakerBook() {
  const db = getDb();
  const aliases = await db.select({ speakerId: speakerAliases.speakerId, alias: speakerAliases.alias }).from(speakerAliases);
  const bySpeaker = new Map<number, string[]>();
  for (const a of aliases) (bySpeaker.get(a.speakerId) ?? bySpeaker.set(a.speakerId, []).get(a.speakerId)!).push(a.alias);
  const rows = await db.select({ id: speakers.id, name: speakers.name, description: speakers.description }).from(speakers);
  return rows.map((s) => ({ ...s, aliases: bySpeaker.get(s.id) ?? [] }));
}

/** Changes whenever a speaker or an alias is added, merged away or removed: the key of a cached speaker book. */
export async function speakerBookVersion(): Promise<string> {
  const row = (await rawGet<{ s: number; si: number | null; a: number; ai: number | null }>(
    "select cast((select count(*) from speakers) as integer) as s, (select max(id) from speakers) as si, " +
      "cast((select count(*) from speaker_aliases) as integer) as a, (select max(id) from speaker_aliases) as ai",
  ))!;
  return `${row.s}:${row.si}:${row.a}:${row.ai}`;
}

/** A speaker's name and description without aliases or tallies (a filter naming the chosen speaker). */
export async function getSpeakerSummary(id: number) {
  const [speaker] = await getDb()
    .select({ id: speakers.id, name: speakers.name, description: speakers.description, kind: speakers.kind })
    .from(speakers)
    .where(eq(speakers.id, id))
    .limit(1);
  return speaker ?? null;
}
