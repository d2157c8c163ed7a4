/**
 * The desk's search on PostgreSQL (issue 12, item 4), over the indexes of pg
 * migrations 0002, 0004 and 0005: each searched table's stored
 * `search_words` tsvector of its unaccented text under the `claimdesk_words`
 * configuration (English stems for ASCII words, like SQLite's porter index)
 * for words, and pg_trgm (ILIKE) for Korean and other unspaced scripts. The query is parsed exactly as on SQLite
 * (lib/search/query.ts); only the index questions differ:
 *
 * - a word: `to_tsquery` of its runs of letters and digits, each a quoted
 *   lexeme (the same parser and stemmer as the text), followed one after the
 *   other (`<->`), the last with `:*` when the word is a prefix; a speaker's
 *   names: `phraseto_tsquery` of each, joined by `||`. User text reaches
 *   these functions only as a bound parameter, and what reaches the tsquery
 *   parser is letters and digits between quotes: `&`, `|`, `!`, `:*`, quotes
 *   and brackets typed by a reviewer are never operators.
 * - a trigram term: `column ILIKE '%…%'` on every indexed column, `%`, `_`
 *   and `\` escaped.
 *
 * Ranking: ts_rank among the newest 200 matches, as SQLite ranks by BM25
 * among its newest 200 (`Ranked` scores are lower-is-better, so ts_rank is
 * negated). The rows shown, their snippets and the grouping are the same
 * code as on SQLite (db/queries/search.ts).
 */
import type { Pool, PoolClient } from "pg";
import { nameKey } from "@/lib/text/name-key";
import { highlighterOf } from "@/lib/search/snippet";
import { namesToSearch, parseQueryAsking, resultLimit, type ParsedQuery } from "@/lib/search/query";
import { fail, ok, type Result } from "@/lib/result";
import {
  bestSpeakers,
  namesByKey,
  CLAIM_ROW_COLUMNS,
  CLAIM_ROW_FROM,
  EVIDENCE_ROW_SQL,
  shapeClaims,
  shapeSources,
  shapeSpeakers,
  shapeVerdicts,
  SOURCE_ROW_COLUMNS,
  SPEAKER_ROW_COLUMNS,
  VERDICT_ROW_SQL,
  type AliasRow,
  type ClaimRow,
  type EvidenceRow,
  type Expressions,
  type Ranked,
  type SearchKind,
  type SearchResults,
  type SourceRow,
  type SpeakerRow,
  type VerdictRow,
  WINDOW,
} from "../queries/search";
import { SEARCH_KINDS } from "../queries/search-kinds";

/** A pool, or one connection taken from it. */
export type Queryable = Pool | PoolClient;

/** The text search configuration of every word vector (pg migration 0004). */
export const WORDS_CONFIG = "'public.claimdesk_words'::regconfig";
const CONFIG = WORDS_CONFIG;

/** Each indexed table and its trigram columns; its words are the stored `search_words` vector (pg migration 0005). */
const INDEXES = {
  sources: { table: "sources", trigram: ["title", "body"] },
  claims: { table: "claims", trigram: ["quote", "proposition"] },
  speakers: { table: "speakers", trigram: ["name", "description"] },
  aliases: { table: "speaker_aliases", trigram: ["alias"] },
  verdicts: { table: "verdicts", trigram: ["rationale"] },
  evidence: { table: "evidence", trigram: ["note"] },
} as const;
type Stem = keyof typeof INDEXES;

const VECTOR = `"search_words"`;
const likeLiteral = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The tsquery and the trigram patterns of a parsed query, as SQL with numbered parameters. */
export function pgExpressions(query: ParsedQuery): { tsquery: string | null; patterns: string[]; params: string[] } {
  const params: string[] = [];
  const bind = (value: string) => `$${params.push(value)}`;
  const words: string[] = [];
  const patterns: string[] = [];
  for (const part of query.parts) {
    if (part.kind === "names") {
      words.push(`(${namesToSearch(part.names).map((n) => `phraseto_tsquery(${CONFIG}, public.f_unaccent(${bind(n)}))`).join(" || ")})`);
    } else if (part.term.route === "trigram") patterns.push(likeLiteral(part.term.text));
    else {
      // the word's letter runs, each a quoted lexeme (letters and digits only: no quote or backslash can
      // reach the tsquery parser), followed one after the other; a prefix applies to the last
      const runs = part.term.text.match(/[\p{L}\p{N}\p{M}]+/gu) ?? [];
      if (runs.length === 0) continue;
      const lexemes = runs.map((run) => `'${run}'`).join(" <-> ") + (part.term.prefix ? ":*" : "");
      words.push(`to_tsquery(${CONFIG}, public.f_unaccent(${bind(lexemes)}))`);
    }
  }
  return { tsquery: words.length ? words.join(" && ") : null, patterns, params };
}

type PgQuery = ReturnType<typeof pgExpressions>;

/**
 * The newest WINDOW matches of one table, with their scores. The tsquery is
 * written into the condition itself, not only taken from the subquery that
 * ranks with it: the planner then reads the query's words when it estimates
 * how many rows match (a subquery's value is unknown to it, and it assumes
 * 0.5% of the table, so for a word no row holds it would walk 200,000
 * verdicts backwards, 35-50 ms, instead of asking the GIN index).
 */
async function rankIn(db: Queryable, stem: Stem, q: PgQuery, limit: number): Promise<Ranked[]> {
  if (!q.tsquery && q.patterns.length === 0) return [];
  const { table, trigram } = INDEXES[stem];
  const params = [...q.params];
  const filters = q.patterns.map((pattern) => {
    const at = `$${params.push(pattern)}`;
    return `(${trigram.map((column) => `"${column}" ILIKE ${at}`).join(" OR ")})`;
  });
  const sql = q.tsquery
    ? `select id, -ts_rank(${VECTOR}, query) as score from "${table}", (select ${q.tsquery} as query) as q
       where ${VECTOR} @@ (${q.tsquery})${filters.map((f) => ` and ${f}`).join("")} order by id desc limit ${WINDOW}`
    : `select id, 0 as score from "${table}" where ${filters.join(" and ")} order by id desc limit ${WINDOW}`;
  const { rows } = await db.query<{ id: number; score: number }>(sql, params);
  return rows.map((r) => ({ id: r.id, score: Number(r.score) })).sort((a, b) => a.score - b.score || b.id - a.id).slice(0, limit);
}

const ids = (ranked: Ranked[]) => ranked.map((r) => r.id);

async function searchClaims(db: Queryable, q: PgQuery, e: Expressions, limit: number) {
  const ranked = await rankIn(db, "claims", q, limit + 5);
  if (ranked.length === 0) return [];
  const { rows } = await db.query<ClaimRow>(`select ${CLAIM_ROW_COLUMNS} from ${CLAIM_ROW_FROM} and c.id = any($1)`, [ids(ranked)]);
  return shapeClaims(rows, ranked, e, limit);
}

async function searchSources(db: Queryable, q: PgQuery, e: Expressions, limit: number) {
  const ranked = await rankIn(db, "sources", q, limit);
  if (ranked.length === 0) return [];
  const { rows } = await db.query<SourceRow>(`select ${SOURCE_ROW_COLUMNS} from sources where id = any($1)`, [ids(ranked)]);
  return shapeSources(rows, ranked, e);
}

async function searchSpeakers(db: Queryable, q: PgQuery, e: Expressions, limit: number) {
  const byName = await rankIn(db, "speakers", q, limit);
  const byAlias = await rankIn(db, "aliases", q, limit);
  const aliasOwners = byAlias.length
    ? (await db.query<AliasRow>(`select id, speaker_id as "speakerId", alias from speaker_aliases where id = any($1)`, [ids(byAlias)])).rows
    : [];
  const found = bestSpeakers(byName, byAlias, aliasOwners, e, limit);
  if (found.ranked.length === 0) return [];
  const { rows } = await db.query<SpeakerRow>(`select ${SPEAKER_ROW_COLUMNS} from speakers where id = any($1)`, [ids(found.ranked)]);
  return shapeSpeakers(rows, found, e);
}

async function searchVerdicts(db: Queryable, q: PgQuery, e: Expressions, limit: number) {
  const verdictIds = await rankIn(db, "verdicts", q, limit);
  const evidenceIds = await rankIn(db, "evidence", q, limit);
  const verdictRows = verdictIds.length ? (await db.query<VerdictRow>(`${VERDICT_ROW_SQL} and v.id = any($1)`, [ids(verdictIds)])).rows : [];
  const evidenceRows = evidenceIds.length ? (await db.query<EvidenceRow>(`${EVIDENCE_ROW_SQL} and e.id = any($1)`, [ids(evidenceIds)])).rows : [];
  return shapeVerdicts(verdictRows, evidenceRows, verdictIds, evidenceIds, e, limit);
}

/** The speakers some run of the query's words names (by name or alias key), with all their names. */
async function speakersNamed(db: Queryable, keys: string[]) {
  const out = new Map<string, { said: string; names: string[] }>();
  if (keys.length === 0) return out;
  const { rows: hits } = await db.query<{ speakerId: number; key: string }>(
    `select id as "speakerId", name_key as key from speakers where name_key = any($1)
     union select speaker_id, alias_key from speaker_aliases where alias_key = any($1)`,
    [keys],
  );
  const speakerIds = [...new Set(hits.map((h) => h.speakerId))];
  if (speakerIds.length === 0) return out;
  const { rows: names } = await db.query<{ speakerId: number; name: string }>(
    `select id as "speakerId", name from speakers where id = any($1) union all select speaker_id, alias from speaker_aliases where speaker_id = any($1)`,
    [speakerIds],
  );
  return namesByKey(hits, names);
}

/**
 * Which words some word index holds (stemmed as it stems its text). The GIN
 * indexes answer this from their own entries; a plan that reads rows until
 * the first hit (which the planner picks for EXISTS when it expects a hit
 * soon) reads whole tables for a word no row holds: 150 ms on a
 * 100,000-claim desk. So it runs on a connection of its own, read-only, with
 * sequential and plain index scans discouraged for that transaction only.
 */
async function wordsOfDesk(pool: Pool, words: string[]) {
  const known = new Set<string>();
  if (words.length === 0) return known;
  const client = await pool.connect();
  try {
    await client.query("BEGIN READ ONLY");
    await client.query("SET LOCAL enable_seqscan = off");
    await client.query("SET LOCAL enable_indexscan = off");
    for (const word of words) {
      const tests = (["claims", "sources", "speakers", "aliases"] as const).map(
        (stem) => `exists(select 1 from "${INDEXES[stem].table}" where ${VECTOR} @@ plainto_tsquery(${CONFIG}, public.f_unaccent($1)))`,
      );
      const { rows } = await client.query<{ holds: boolean }>(`select ${tests.join(" or ")} as holds`, [word]);
      if (rows[0]?.holds) known.add(word);
    }
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
  return known;
}

/** searchEverything (lib/search) on PostgreSQL: the same parse, the same groups and snippets. */
export async function searchEverythingPg(
  db: Pool,
  text: string,
  options: { kinds?: readonly SearchKind[]; limit?: number } = {},
): Promise<Result<SearchResults & { query: string }>> {
  const parsed = await parseQueryAsking(text, (keys) => speakersNamed(db, keys), nameKey, (words) => wordsOfDesk(db, words));
  if (!parsed.ok) return fail("invalid", parsed.message, { q: parsed.message });
  const q = pgExpressions(parsed.query);
  const empty: SearchResults = { claims: [], sources: [], speakers: [], verdicts: [] };
  if (!q.tsquery && q.patterns.length === 0) return ok({ ...empty, query: text });
  const e: Expressions = { word: null, trigram: null, highlight: highlighterOf(parsed.query) };
  const kinds = options.kinds ?? SEARCH_KINDS;
  const limit = resultLimit(options.limit);
  const want = (k: SearchKind) => kinds.includes(k);
  // the kinds are independent reads: asked at once, each on a connection of the pool
  const [claims, sources, speakers, verdicts] = await Promise.all([
    want("claims") ? searchClaims(db, q, e, limit) : [],
    want("sources") ? searchSources(db, q, e, limit) : [],
    want("speakers") ? searchSpeakers(db, q, e, limit) : [],
    want("verdicts") ? searchVerdicts(db, q, e, limit) : [],
  ]);
  return ok({ claims, sources, speakers, verdicts, query: text });
}
