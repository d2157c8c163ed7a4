/**
 * Retrieval for "possibly the same claim" on PostgreSQL (issue 12, item 4):
 * what db/queries/related.ts finds on SQLite, asked of the pg indexes. The
 * target's most telling words (`retrievalTerms`: letters and digits only,
 * each a quoted lexeme) are ORed into one tsquery under the
 * `claimdesk_words` configuration, the newest 300 claims holding any of them
 * are ranked by ts_rank (negated: lower is better, as BM25 is), and the same
 * speaker's newest claims are added. lib/related scores the candidates the
 * same way on both engines.
 */
import { WORDS_CONFIG as CONFIG, type Queryable } from "./search";
import {
  aliasesBySpeaker,
  CLAIM_COLUMNS,
  inputOf,
  nameKeysIn,
  namesOfSpeakers,
  retrievalTerms,
  SPEAKER_CANDIDATES,
  TEXT_CANDIDATES,
  TEXT_WINDOW,
  type ClaimRow,
  type RelatedQuery,
} from "../queries/related";

/** the claims' stored word vector (pg migration 0005) */
const CLAIM_VECTOR = `"search_words"`;

async function aliasesOf(db: Queryable, speakerIds: number[]) {
  if (speakerIds.length === 0) return new Map<number, string[]>();
  const { rows } = await db.query<{ speakerId: number; alias: string }>(
    `select speaker_id as "speakerId", alias from speaker_aliases where speaker_id = any($1) order by id`,
    [speakerIds],
  );
  return aliasesBySpeaker(rows);
}

async function namesFor(db: Queryable, keys: string[]) {
  const none = { aliasMap: new Map<string, string>(), names: [] as string[] };
  const wanted = keys.slice(0, 400);
  if (wanted.length === 0) return none;
  const { rows: idRows } = await db.query<{ id: number }>(
    `select id from speakers where name_key = any($1) union select speaker_id from speaker_aliases where alias_key = any($1)`,
    [wanted],
  );
  const ids = idRows.map((r) => r.id);
  if (ids.length === 0) return none;
  const { rows } = await db.query<{ id: number; name: string; key: string; canonical: string }>(
    `select * from (select s.id, s.name, s.name_key as key, s.name as canonical, 0 as kind, s.id as row_id from speakers s where s.id = any($1)
     union all select a.speaker_id, a.alias, a.alias_key, s.name, 1, a.id from speaker_aliases a join speakers s on s.id = a.speaker_id where a.speaker_id = any($1)) as n
     order by kind, row_id`,
    [ids],
  );
  return namesOfSpeakers(rows);
}

/** The target (null when there is no such live claim) and its candidates from other sources. */
export async function relatedCandidatesPg(db: Queryable, claimId: number): Promise<RelatedQuery | null> {
  const { rows: found } = await db.query<ClaimRow>(`select ${CLAIM_COLUMNS} where c.id = $1 and c.deleted_at is null`, [claimId]);
  const row = found[0];
  if (!row) return null;
  const text = `${row.quote} ${row.proposition ?? ""}`;
  const named = await namesFor(db, nameKeysIn(text));
  const terms = retrievalTerms(text, named.names);

  const scored = terms.length
    ? (
        await db.query<{ id: number; score: number }>(
          // the tsquery in the condition too, so the planner estimates from its words (see db/pg/search.ts)
          `select id, -ts_rank(${CLAIM_VECTOR}, query) as score from claims, (select to_tsquery(${CONFIG}, public.f_unaccent($1)) as query) as q
           where ${CLAIM_VECTOR} @@ to_tsquery(${CONFIG}, public.f_unaccent($1)) order by id desc limit ${TEXT_WINDOW}`,
          [terms.map((t) => `'${t}'`).join(" | ")],
        )
      ).rows
        .map((s) => ({ id: s.id, score: Number(s.score) }))
        .filter((s) => s.id !== row.id)
        .sort((a, b) => a.score - b.score)
        .slice(0, TEXT_CANDIDATES + 10)
    : [];
  const { rows: sameSpeaker } = await db.query<{ id: number }>(
    `select id from claims where speaker_id = $1 and source_id <> $2 and deleted_at is null order by id desc limit ${SPEAKER_CANDIDATES}`,
    [row.speakerId, row.sourceId],
  );

  const scores = new Map(scored.map((s) => [s.id, s.score]));
  const ids = [...new Set([...scored.map((s) => s.id), ...sameSpeaker.map((r) => r.id)])];
  const rows = ids.length
    ? (await db.query<ClaimRow>(`select ${CLAIM_COLUMNS} where c.deleted_at is null and c.source_id <> $1 and c.id = any($2) order by c.id`, [row.sourceId, ids])).rows
    : [];
  const aliases = await aliasesOf(db, [...new Set([row.speakerId, ...rows.map((r) => r.speakerId)])]);
  return {
    target: inputOf(row, aliases),
    candidates: rows.map((r) => inputOf(r, aliases, scores.get(r.id))),
    entityAliases: named.aliasMap,
  };
}
