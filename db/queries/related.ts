import "server-only";
import type { Candidate } from "@/lib/related";
import { STOP_WORDS } from "@/lib/related/words";
import { nameKey } from "@/lib/text/name-key";
import { ftsString } from "@/lib/search/query";
import { sqliteStatement as prepare } from "../raw";

/**
 * Retrieval for "possibly the same claim" (lib/related scores what this
 * finds): the target claim, and candidates from other sources that are not
 * deleted, found three ways and merged:
 * - BM25 over the claims' unicode61 index (migration 0006), among the newest
 *   claims holding any of the target's most telling words (see
 *   retrievalExpression: any name of a speaker the target names, so "Choe"
 *   also searches "Choi", its capitalised words, its longest words);
 * - the newest claims of the same speaker;
 * - (the scorer reads dates, figures and names itself).
 * The statements here are SQLite's (raw better-sqlite3, made by `prepare`);
 * db/pg/related.ts asks the same of PostgreSQL.
 */
export const TEXT_CANDIDATES = 60;
/** BM25 is computed for the newest this many matches only: its cost stays flat however common the words. */
export const TEXT_WINDOW = 300;
export const SPEAKER_CANDIDATES = 30;
const MAX_TERMS = 8;

const placeholders = (n: number) => Array.from({ length: n }, () => "?").join(",");

export type ClaimRow = {
  id: number;
  sourceId: number;
  quote: string;
  proposition: string | null;
  type: string;
  resolvesOn: string | null;
  status: string;
  speakerId: number;
  speakerName: string;
  publishedAt: string;
  outlet: string;
  sourceTitle: string;
};

/** The claim's columns and joins, in SQL both engines read alike (quoted aliases keep their case on PostgreSQL). */
export const CLAIM_COLUMNS = `c.id, c.source_id as "sourceId", c.quote, c.proposition, c.type, c.resolves_on as "resolvesOn", c.status,
  s.id as "speakerId", s.name as "speakerName", src.published_at as "publishedAt", src.outlet, src.title as "sourceTitle"
  from claims c join speakers s on s.id = c.speaker_id join sources src on src.id = c.source_id`;

export type RelatedCandidate = Candidate & { status: string; sourceTitle: string };

function aliasesOf(speakerIds: number[]): Map<number, string[]> {
  if (speakerIds.length === 0) return new Map();
  const rows = prepare(`select speaker_id as speakerId, alias from speaker_aliases where speaker_id in (${placeholders(speakerIds.length)})`).all(
    speakerIds,
  ) as Array<{ speakerId: number; alias: string }>;
  return aliasesBySpeaker(rows);
}

/** Each speaker's aliases, in the order read. */
export function aliasesBySpeaker(rows: Array<{ speakerId: number; alias: string }>): Map<number, string[]> {
  const out = new Map<number, string[]>();
  for (const r of rows) (out.get(r.speakerId) ?? out.set(r.speakerId, []).get(r.speakerId)!).push(r.alias);
  return out;
}

/** Every name read (names before aliases) and each name key's canonical name, the first read winning. */
export function namesOfSpeakers(rows: Array<{ name: string; key: string; canonical: string }>): { aliasMap: Map<string, string>; names: string[] } {
  const aliasMap = new Map<string, string>();
  for (const r of rows) if (!aliasMap.has(r.key)) aliasMap.set(r.key, r.canonical);
  return { aliasMap, names: rows.map((r) => r.name) };
}

export function inputOf(row: ClaimRow, aliases: Map<number, string[]>, textScore?: number): RelatedCandidate {
  return {
    id: row.id,
    sourceId: row.sourceId,
    quote: row.quote,
    proposition: row.proposition,
    type: row.type,
    resolvesOn: row.resolvesOn,
    speaker: { id: row.speakerId, name: row.speakerName, aliases: aliases.get(row.speakerId) ?? [] },
    source: { publishedAt: row.publishedAt, outlet: row.outlet },
    status: row.status,
    sourceTitle: row.sourceTitle,
    ...(textScore === undefined ? {} : { textScore }),
  };
}

/** Runs of one to three capitalised words: what could be a name, as name keys. */
export function nameKeysIn(text: string): string[] {
  const words = text.match(/[\p{Lu}][\p{L}’'-]*(?:\s+[\p{Lu}][\p{L}’'-]*){0,2}/gu) ?? [];
  const keys = new Set<string>();
  for (const run of words) {
    const parts = run.split(/\s+/).map((w) => w.replace(/[’']s$/u, ""));
    for (let i = 0; i < parts.length; i++) {
      for (let j = i + 1; j <= parts.length; j++) {
        const key = nameKey(parts.slice(i, j).join(" "));
        if (key.length >= 2) keys.add(key);
      }
    }
  }
  return [...keys];
}

/** Every name of the speakers whose name or alias some key spells: key -> canonical name, and the names. */
function namesFor(keys: string[]): { aliasMap: Map<string, string>; names: string[] } {
  const aliasMap = new Map<string, string>();
  const names: string[] = [];
  const wanted = keys.slice(0, 400);
  if (wanted.length === 0) return { aliasMap, names };
  const ids = prepare(
    `select id from speakers where name_key in (${placeholders(wanted.length)})
     union select speaker_id from speaker_aliases where alias_key in (${placeholders(wanted.length)})`,
  )
    .pluck()
    .all([...wanted, ...wanted]) as number[];
  if (ids.length === 0) return { aliasMap, names };
  const rows = prepare(
    `select s.id, s.name, s.name_key as key, s.name as canonical from speakers s where s.id in (${placeholders(ids.length)})
     union all select a.speaker_id, a.alias, a.alias_key, s.name from speaker_aliases a join speakers s on s.id = a.speaker_id where a.speaker_id in (${placeholders(ids.length)})`,
  ).all([...ids, ...ids]) as Array<{ id: number; name: string; key: string; canonical: string }>;
  return namesOfSpeakers(rows);
}

/**
 * The target's most telling words (letters and digits only), to be ORed: every word of
 * the names of the people it names (all their names, so "Choe" also brings
 * "Choi"), then the capitalised words of its text (places, bodies), then its
 * longest other content words; at most MAX_TERMS, each an exact token. Exact
 * tokens, not prefixes: FTS5 reads a prefix term's whole merged doclist
 * before it can answer, and each term costs a seek into every index segment,
 * so a few exact terms walked newest first are what keeps this within a few
 * milliseconds on a 100,000-claim desk. (Inflections the words miss are
 * caught by the same speaker's claims and, in the score, by the stemmed words.)
 */
export function retrievalTerms(text: string, names: string[]): string[] {
  const terms: string[] = [];
  const seen = new Set<string>();
  const add = (word: string) => {
    const w = word.normalize("NFC").toLowerCase();
    if (terms.length >= MAX_TERMS || seen.has(w) || w.length < 2 || STOP_WORDS.has(w) || !/\p{L}/u.test(w)) return;
    seen.add(w);
    terms.push(w);
  };
  for (const name of names) for (const w of name.match(/[\p{L}\p{N}]+/gu) ?? []) add(w);
  const words = text.normalize("NFC").match(/[\p{L}][\p{L}\p{N}]*/gu) ?? [];
  for (const w of words) if (/^\p{Lu}/u.test(w) && w.length >= 3) add(w);
  for (const w of [...words].filter((w) => w.length >= 4).sort((a, b) => b.length - a.length)) add(w);
  return terms;
}

/** The retrieval terms as one FTS5 OR expression (null: none). */
export function retrievalExpression(text: string, names: string[]): string | null {
  const terms = retrievalTerms(text, names);
  return terms.length === 0 ? null : terms.map(ftsString).join(" OR ");
}

export type RelatedQuery = { target: RelatedCandidate; candidates: RelatedCandidate[]; entityAliases: Map<string, string> };

/** The target (null when there is no such live claim) and its candidates from other sources. */
export async function relatedCandidates(claimId: number): Promise<RelatedQuery | null> {
  const row = prepare(`select ${CLAIM_COLUMNS} where c.id = ? and c.deleted_at is null`).get(claimId) as ClaimRow | undefined;
  if (!row) return null;
  const text = `${row.quote} ${row.proposition ?? ""}`;
  const named = namesFor(nameKeysIn(text));
  const expression = retrievalExpression(text, named.names);

  // the newest matches walked in the index's own order, scored, the best kept; claims of the
  // target's own source are dropped with the rows below (a few spare places cover them)
  const scored = expression
    ? newestTextMatches(expression)
        .filter((s) => s.id !== row.id)
        .sort((a, b) => a.score - b.score)
        .slice(0, TEXT_CANDIDATES + 10)
    : [];
  const sameSpeaker = prepare(
    `select id from claims where speaker_id = ? and source_id <> ? and deleted_at is null order by id desc limit ${SPEAKER_CANDIDATES}`,
  )
    .pluck()
    .all(row.speakerId, row.sourceId) as number[];

  const scores = new Map(scored.map((s) => [s.id, s.score]));
  const ids = [...new Set([...scored.map((s) => s.id), ...sameSpeaker])];
  const rows = ids.length
    ? (prepare(`select ${CLAIM_COLUMNS} where c.deleted_at is null and c.source_id <> ? and c.id in (${placeholders(ids.length)})`).all(
        row.sourceId,
        ids,
      ) as ClaimRow[])
    : [];
  const aliases = aliasesOf([...new Set([row.speakerId, ...rows.map((r) => r.speakerId)])]);
  // every name of the people the target names: "Choi" in a candidate is Choe's when the desk says so
  return {
    target: inputOf(row, aliases),
    candidates: rows.map((r) => inputOf(r, aliases, scores.get(r.id))),
    entityAliases: named.aliasMap,
  };
}

/** SQLite only (FTS5 MATCH, bm25 over `claims_fts`): the newest TEXT_WINDOW claims matching the expression, with their scores. */
function newestTextMatches(expression: string): Array<{ id: number; score: number }> {
  return prepare(`select rowid as id, bm25(claims_fts) as score from claims_fts where claims_fts match ? order by rowid desc limit ${TEXT_WINDOW}`).all(
    expression,
  ) as Array<{ id: number; score: number }>;
}
