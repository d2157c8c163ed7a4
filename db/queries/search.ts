import "server-only";
import { sqliteStatement as prepare } from "../raw";

/**
 * One search over the desk's full-text indexes (migration 0006): source
 * titles and bodies, claim quotes and propositions, speaker names and
 * aliases, verdict rationales and evidence notes. Each kind is ranked by
 * BM25 among its newest matches (the window below), and only the rows shown
 * get a snippet (lib/search/snippet.ts), the matching words marked with
 * \u0001 … \u0002 (control characters no text in the desk holds; the page
 * turns them into <mark> after escaping everything else).
 *
 * The statements here are SQLite's (FTS5 through raw better-sqlite3, every
 * one made by `prepare` below); db/pg/search.ts asks the same of PostgreSQL
 * and shapes its rows with the functions exported here.
 */
import type { SearchKind } from "./search-kinds";
import { ftsString } from "@/lib/search/query";
import { bestSnippet, snippetOf, type Highlighter } from "@/lib/search/snippet";

export { SEARCH_KINDS, type SearchKind } from "./search-kinds";
/** The FTS5 expression for each index (either may be null), and what the snippets mark. */
export type Expressions = { word: string | null; trigram: string | null; highlight: Highlighter };

/**
 * BM25 is computed for every row a query matches before the best few are
 * kept; a frequent word matches tens of thousands of claims. Ranking runs
 * among the newest WINDOW matches of each index instead: the newest are what
 * a desk looks for most, and the cost stays flat however common the word.
 */
export const WINDOW = 200;
export { MARK_CLOSE, MARK_OPEN } from "@/lib/search/marks";

/** A row's id and its score: lower is better (BM25 as FTS5 gives it, negated on engines that give higher-is-better). */
export type Ranked = { id: number; score: number };


/**
 * SQLite only (FTS5 MATCH, bm25): the best rows of one index pair
 * (`<stem>_fts`, `<stem>_tri`) for the expressions: ranked by the unicode61
 * index when the query has words for it, else by the trigram one; the other
 * side, when present, filters.
 */
function rankIn(stem: string, e: Expressions, limit: number): Ranked[] {
  const main = e.word ? `${stem}_fts` : `${stem}_tri`;
  const mainExpr = e.word ?? e.trigram;
  if (!mainExpr) return [];
  const filter = e.word && e.trigram ? ` and rowid in (select rowid from ${stem}_tri where ${stem}_tri match @trigram)` : "";
  // one pass: FTS5 walks the matches newest first and stops at the window, scoring only those
  const sql = `select rowid as id, bm25(${main}) as score from ${main} where ${main} match @main${filter} order by rowid desc limit ${WINDOW}`;
  const rows = prepare(sql).all({ main: mainExpr, ...(filter ? { trigram: e.trigram } : {}) }) as Ranked[];
  return rows.sort((a, b) => a.score - b.score || b.id - a.id).slice(0, limit);
}

const placeholders = (n: number) => Array.from({ length: n }, () => "?").join(",");
const byRank = <T extends { id: number }>(rows: T[], ranked: Ranked[]) => {
  const order = new Map(ranked.map((r, i) => [r.id, i]));
  return rows.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
};

export type ClaimRow = {
  id: number; quote: string; proposition: string | null; status: string; type: string; speakerId: number; speakerName: string; sourceId: number; sourceTitle: string; outlet: string;
};
/** The columns every engine reads for a claim shown (its ids in `ids`, its live rows only). */
export const CLAIM_ROW_COLUMNS = `c.id, c.quote, c.proposition, c.status, c.type, s.id as "speakerId", s.name as "speakerName", src.id as "sourceId", src.title as "sourceTitle", src.outlet as outlet`;
export const CLAIM_ROW_FROM = `claims c join speakers s on s.id = c.speaker_id join sources src on src.id = c.source_id where c.deleted_at is null`;

/** Claims as search shows them, in rank order, each with its snippet. */
export function shapeClaims(rows: ClaimRow[], ranked: Ranked[], e: Expressions, limit: number) {
  return byRank(rows, ranked)
    .slice(0, limit)
    .map((r) => ({
      id: r.id,
      quote: r.quote,
      status: r.status,
      type: r.type,
      speaker: { id: r.speakerId, name: r.speakerName },
      source: { id: r.sourceId, title: r.sourceTitle, outlet: r.outlet },
      snippet: bestSnippet([r.quote, r.proposition], e.highlight),
    }));
}

export async function searchClaims(e: Expressions, limit: number) {
  // deleted claims stay in the index (their verdicts do): fetch a few more, drop them
  const ranked = rankIn("claims", e, limit + 5);
  if (ranked.length === 0) return [];
  const rows = prepare(`select ${CLAIM_ROW_COLUMNS} from ${CLAIM_ROW_FROM} and c.id in (${placeholders(ranked.length)})`).all(ranked.map((r) => r.id)) as ClaimRow[];
  return shapeClaims(rows, ranked, e, limit);
}

export type SourceRow = { id: number; title: string; outlet: string; publishedAt: string; body: string };
export const SOURCE_ROW_COLUMNS = `id, title, outlet, published_at as "publishedAt", body`;

export function shapeSources(rows: SourceRow[], ranked: Ranked[], e: Expressions) {
  return byRank(rows, ranked).map(({ body, ...r }) => ({ ...r, snippet: bestSnippet([body, r.title], e.highlight, 18) }));
}

export async function searchSources(e: Expressions, limit: number) {
  const ranked = rankIn("sources", e, limit);
  if (ranked.length === 0) return [];
  const rows = prepare(`select ${SOURCE_ROW_COLUMNS} from sources where id in (${placeholders(ranked.length)})`).all(ranked.map((r) => r.id)) as SourceRow[];
  return shapeSources(rows, ranked, e);
}

export type AliasRow = { id: number; speakerId: number; alias: string };
export type SpeakerRow = { id: number; name: string; description: string | null; kind: string };
export const SPEAKER_ROW_COLUMNS = "id, name, description, kind";

/** The best speakers by their names' and their aliases' ranks, with the best-ranked matching alias of each. */
export function bestSpeakers(byName: Ranked[], byAlias: Ranked[], aliasOwners: AliasRow[], e: Expressions, limit: number) {
  const aliasMarked = new Map(aliasOwners.map((a) => [a.id, bestSnippet([a.alias], e.highlight, 8)]));
  const best = new Map<number, { score: number; alias?: string }>();
  for (const r of byName) best.set(r.id, { score: r.score });
  const aliasScore = new Map(byAlias.map((r) => [r.id, r.score]));
  for (const a of aliasOwners) {
    const score = aliasScore.get(a.id)!;
    const prior = best.get(a.speakerId);
    if (!prior || score < prior.score) best.set(a.speakerId, { score, alias: aliasMarked.get(a.id) });
  }
  const ranked = [...best.entries()].map(([id, v]) => ({ id, score: v.score })).sort((a, b) => a.score - b.score).slice(0, limit);
  return { ranked, best };
}

/** A speaker's snippet is its name, marked; "also known as …" only when the name itself does not match (found by an alias). */
export function shapeSpeakers(rows: SpeakerRow[], found: ReturnType<typeof bestSpeakers>, e: Expressions) {
  const { ranked, best } = found;
  return byRank(rows, ranked).map((r) => {
    const alias = best.get(r.id)?.alias;
    const name = snippetOf(r.name, e.highlight, 8);
    return { ...r, snippet: name ?? (alias ? `also known as ${alias}` : bestSnippet([r.name], e.highlight, 8)) };
  });
}

export async function searchSpeakers(e: Expressions, limit: number) {
  const byName = rankIn("speakers", e, limit);
  const byAlias = rankIn("aliases", e, limit);
  const aliasOwners = byAlias.length
    ? (prepare(`select id, speaker_id as speakerId, alias from speaker_aliases where id in (${placeholders(byAlias.length)})`).all(byAlias.map((r) => r.id)) as AliasRow[])
    : [];
  const found = bestSpeakers(byName, byAlias, aliasOwners, e, limit);
  if (found.ranked.length === 0) return [];
  const rows = prepare(`select ${SPEAKER_ROW_COLUMNS} from speakers where id in (${placeholders(found.ranked.length)})`).all(found.ranked.map((r) => r.id)) as SpeakerRow[];
  return shapeSpeakers(rows, found, e);
}

export type VerdictRow = { id: number; status: string; createdAt: string; rationale: string | null; reviewer: string; claimId: number; claimQuote: string };
export type EvidenceRow = { id: number; stance: string; createdAt: string; note: string | null; claimId: number; claimQuote: string };
export const VERDICT_ROW_SQL = `select v.id, v.status, v.created_at as "createdAt", v.rationale, u.name as reviewer, c.id as "claimId", c.quote as "claimQuote"
  from verdicts v join users u on u.id = v.reviewer_id join claims c on c.id = v.claim_id where c.deleted_at is null`;
export const EVIDENCE_ROW_SQL = `select e.id, e.stance, e.created_at as "createdAt", e.note, c.id as "claimId", c.quote as "claimQuote"
  from evidence e join claims c on c.id = e.claim_id where c.deleted_at is null`;

/** Verdicts and evidence notes in one list, best first. */
export function shapeVerdicts(verdictRows: VerdictRow[], evidenceRows: EvidenceRow[], verdictIds: Ranked[], evidenceIds: Ranked[], e: Expressions, limit: number) {
  const vScore = new Map(verdictIds.map((r) => [r.id, r.score]));
  const eScore = new Map(evidenceIds.map((r) => [r.id, r.score]));
  return [
    ...verdictRows.map(({ rationale, ...r }) => ({ kind: "verdict" as const, ...r, score: vScore.get(r.id)!, snippet: bestSnippet([rationale], e.highlight, 18) })),
    ...evidenceRows.map(({ note, ...r }) => ({ kind: "evidence" as const, ...r, score: eScore.get(r.id)!, snippet: bestSnippet([note], e.highlight, 18) })),
  ]
    .sort((a, b) => a.score - b.score || b.id - a.id)
    .slice(0, limit)
    .map(({ score: _score, ...rest }) => rest);
}

export async function searchVerdicts(e: Expressions, limit: number) {
  const verdictIds = rankIn("verdicts", e, limit);
  const evidenceIds = rankIn("evidence", e, limit);
  const verdictRows = verdictIds.length ? (prepare(`${VERDICT_ROW_SQL} and v.id in (${placeholders(verdictIds.length)})`).all(verdictIds.map((r) => r.id)) as VerdictRow[]) : [];
  const evidenceRows = evidenceIds.length ? (prepare(`${EVIDENCE_ROW_SQL} and e.id in (${placeholders(evidenceIds.length)})`).all(evidenceIds.map((r) => r.id)) as EvidenceRow[]) : [];
  return shapeVerdicts(verdictRows, evidenceRows, verdictIds, evidenceIds, e, limit);
}

export type SearchResults = {
  claims: Awaited<ReturnType<typeof searchClaims>>;
  sources: Awaited<ReturnType<typeof searchSources>>;
  speakers: Awaited<ReturnType<typeof searchSpeakers>>;
  verdicts: Awaited<ReturnType<typeof searchVerdicts>>;
};

export async function searchDesk(e: Expressions, options: { kinds: readonly SearchKind[]; limit: number }): Promise<SearchResults> {
  const want = (k: SearchKind) => options.kinds.includes(k);
  // the kinds are independent reads, asked at once
  const [claims, sources, speakers, verdicts] = await Promise.all([
    want("claims") ? searchClaims(e, options.limit) : [],
    want("sources") ? searchSources(e, options.limit) : [],
    want("speakers") ? searchSpeakers(e, options.limit) : [],
    want("verdicts") ? searchVerdicts(e, options.limit) : [],
  ]);
  return { claims, sources, speakers, verdicts };
}

/**
 * Which of the words are words of the desk: a token some word index holds
 * (each index stems the word as it stems its text, so "missiles" is a word of
 * a desk that says "missile"). One lookup of one token per index and word.
 */
export async function wordsOfDesk(words: string[]): Promise<Set<string>> {
  return new Set(words.filter(wordIndexesHold));
}

/** SQLite only (FTS5 MATCH): whether some word index (claims, sources, speakers, aliases) holds the word's token. */
function wordIndexesHold(word: string): boolean {
  const holds = prepare(
    `select exists(select 1 from claims_fts where claims_fts match @w) or exists(select 1 from sources_fts where sources_fts match @w)
       or exists(select 1 from speakers_fts where speakers_fts match @w) or exists(select 1 from aliases_fts where aliases_fts match @w)`,
  ).pluck();
  return Boolean(holds.get({ w: ftsString(word) }));
}

/** The speakers some run of the query's words names (by name or alias key), with all their names. */
export async function speakersNamed(keys: string[]): Promise<Map<string, { said: string; names: string[] }>> {
  const out = new Map<string, { said: string; names: string[] }>();
  if (keys.length === 0) return out;
  const hits = prepare(
    `select id as speakerId, name_key as key from speakers where name_key in (${placeholders(keys.length)})
     union select speaker_id, alias_key from speaker_aliases where alias_key in (${placeholders(keys.length)})`,
  ).all([...keys, ...keys]) as Array<{ speakerId: number; key: string }>;
  const ids = [...new Set(hits.map((h) => h.speakerId))];
  if (ids.length === 0) return out;
  const names = prepare(
    `select id as speakerId, name from speakers where id in (${placeholders(ids.length)})
     union all select speaker_id, alias from speaker_aliases where speaker_id in (${placeholders(ids.length)})`,
  ).all([...ids, ...ids]) as Array<{ speakerId: number; name: string }>;
  return namesByKey(hits, names);
}

/**
 * Each lookup key a speaker's name or alias spells, with every name of the
 * speakers it spells (a name two speakers share searches both speakers' names).
 */
export function namesByKey(hits: Array<{ speakerId: number; key: string }>, names: Array<{ speakerId: number; name: string }>) {
  const owners = new Map<string, Set<number>>();
  for (const h of hits) (owners.get(h.key) ?? owners.set(h.key, new Set()).get(h.key)!).add(h.speakerId);
  const out = new Map<string, { said: string; names: string[] }>();
  for (const [key, speakerIds] of owners) out.set(key, { said: key, names: names.filter((n) => speakerIds.has(n.speakerId)).map((n) => n.name) });
  return out;
}
