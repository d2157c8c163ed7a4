import "server-only";
import type { ClaimStatus, ClaimType, SpeakerKind, Stance } from "../schema";
import { rawAll, rawGet } from "../raw";
import type { ReportFilters } from "@/lib/reports/filters";

/** One claim as every report format sees it. */
export type ReportClaim = {
  id: number;
  status: ClaimStatus;
  quote: string;
  proposition: string | null;
  type: ClaimType;
  resolvesOn: string | null;
  version: number;
  createdAt: string;
  speaker: { id: number; name: string; kind: SpeakerKind };
  source: { id: number; title: string; outlet: string; publishedAt: string; url: string | null };
  latestVerdict: ReportVerdict | null;
  verdicts: ReportVerdict[];
  evidence: ReportEvidence[];
};
export type ReportVerdict = { id: number; status: ClaimStatus; rationale: string; createdAt: string; reviewer: { id: number; name: string } };
export type ReportEvidence = {
  id: number;
  verdictId: number | null;
  stance: Stance;
  note: string;
  target:
    | { kind: "claim"; claimId: number; quote: string; sourceTitle: string }
    | { kind: "passage"; sourceId: number; sourceTitle: string; start: number; end: number; quote: string }
    | { kind: "url"; url: string };
};

const CHUNK = 500;

/**
 * The claims a filter selects, in report order: by source (newest first), then status, then place in the text.
 * SQL both engines read (db/raw.ts): `?` placeholders, and the day after `to` worked out here.
 */
function where(f: ReportFilters): { sql: string; args: Array<string | number> } {
  const conditions: Array<[string, string | number | undefined]> = [
    ["c.status = ?", f.status],
    ["c.type = ?", f.type],
    ["c.source_id = ?", f.sourceId],
    ["c.speaker_id = ?", f.speakerId],
    ["lv.reviewer_id = ?", f.reviewerId],
    ["lv.created_at >= ?", f.from && `${f.from}T00:00:00.000Z`],
    ["lv.created_at < ?", f.to && dayAfter(f.to)],
  ];
  const used = conditions.filter((c): c is [string, string | number] => c[1] !== undefined && c[1] !== "");
  return { sql: ["c.deleted_at is null", ...used.map((c) => c[0])].join(" and "), args: used.map((c) => c[1]) };
}

/** The start of the day after a YYYY-MM-DD day, as stored times are written (UTC, milliseconds). */
function dayAfter(day: string): string {
  const next = new Date(`${day}T00:00:00.000Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString();
}

const LATEST = `left join verdicts lv on lv.id = (select max(v.id) from verdicts v where v.claim_id = c.id)`;
const STATUS_ORDER = `case c.status when 'contradicted' then 0 when 'corroborated' then 1 else 2 end`;

type Selection = ReturnType<typeof where>;

export async function countReportClaims(f: ReportFilters): Promise<number> {
  return countSelected(where(f));
}

/** How many claims the selection holds. */
async function countSelected(w: Selection): Promise<number> {
  const row = await rawGet<{ n: number }>(`select cast(count(*) as integer) as n from claims c ${LATEST} where ${w.sql}`, w.args);
  return row?.n ?? 0;
}

/** Counts by status, by source and by speaker, for a report's summary. */
export async function summarizeReport(f: ReportFilters) {
  const w = where(f);
  const bySource = await tallySelected(w, "s.id", "s.title");
  const total = bySource.reduce((sum, r) => sum + r.total, 0);
  const byStatus = {
    corroborated: bySource.reduce((sum, r) => sum + r.corroborated, 0),
    contradicted: bySource.reduce((sum, r) => sum + r.contradicted, 0),
    pending: bySource.reduce((sum, r) => sum + r.pending, 0),
  };
  return { total, byStatus, bySource, bySpeaker: await tallySelected(w, "sp.id", "sp.name") };
}

/** A report's summary: its totals, and its counts by source and by speaker. */
export type ReportSummary = Awaited<ReturnType<typeof summarizeReport>>;

/** The selection's counts by status, grouped by `key`, the largest groups first. */
function tallySelected(w: Selection, key: string, label: string) {
  const counted = (status: string) => `cast(count(*) filter (where c.status = '${status}') as integer) as ${status}`;
  return rawAll<{ id: number; label: string; corroborated: number; contradicted: number; pending: number; total: number }>(
    `select ${key} as id, ${label} as label, ${counted("corroborated")}, ${counted("contradicted")}, ${counted("pending")},
       cast(count(*) as integer) as total
     from claims c ${LATEST} join sources s on s.id = c.source_id join speakers sp on sp.id = c.speaker_id
     where ${w.sql} group by ${key}, ${label} order by total desc, label`,
    w.args,
  );
}

type Row = {
  id: number; status: ClaimStatus; quote: string; proposition: string | null; type: ClaimType; resolves_on: string | null;
  version: number; created_at: string; speaker_id: number; speaker_name: string; speaker_kind: SpeakerKind;
  source_id: number; source_title: string; outlet: string; published_at: string; url: string | null;
};

/**
 * The selected claims, chunk by chunk: the ordered ids first (a few bytes a
 * claim), then each chunk's rows, verdicts and evidence in three indexed
 * queries. Memory stays flat whatever the number of claims, and no statement
 * is held open between chunks, so writes carry on while a report streams.
 */
export async function* iterateReportClaims(f: ReportFilters, options: { limit?: number } = {}): AsyncGenerator<ReportClaim[]> {
  const ids = await selectedIds(where(f), options.limit);
  for (let at = 0; at < ids.length; at += CHUNK) {
    const chunk = ids.slice(at, at + CHUNK);
    yield shapeChunk(chunk, await readChunk(chunk));
  }
}

/** The selected claims' ids, in report order, the first `limit` when given. */
async function selectedIds(w: Selection, limit: number | undefined): Promise<number[]> {
  const rows = await rawAll<{ id: number }>(
    `select c.id from claims c ${LATEST} join sources s on s.id = c.source_id
     where ${w.sql} order by s.published_at desc, s.id, ${STATUS_ORDER}, c.start_offset, c.id
     ${limit ? "limit ?" : ""}`,
    [...w.args, ...(limit ? [limit] : [])],
  );
  return rows.map((r) => r.id);
}

/**
 * The three statements that read a chunk, written for a full chunk: a shorter
 * last chunk repeats its last id (IN ignores repeats), so every chunk of every
 * report runs the same three prepared statements.
 */
const MARKS = Array.from({ length: CHUNK }, () => "?").join(",");
const CHUNK_SQL = {
  rows: `select c.id, c.status, c.quote, c.proposition, c.type, c.resolves_on, c.version, c.created_at,
     sp.id as speaker_id, sp.name as speaker_name, sp.kind as speaker_kind,
     s.id as source_id, s.title as source_title, s.outlet, s.published_at, s.url
   from claims c join sources s on s.id = c.source_id join speakers sp on sp.id = c.speaker_id
   where c.id in (${MARKS})`,
  verdicts: `select v.id, v.claim_id, v.status, v.rationale, v.created_at, u.id as reviewer_id, u.name as reviewer_name
   from verdicts v join users u on u.id = v.reviewer_id where v.claim_id in (${MARKS}) order by v.id desc`,
  evidence: `select e.id, e.claim_id, e.verdict_id, e.stance, e.note, e.url, e.target_claim_id, tc.quote as target_claim_quote,
     tcs.title as target_claim_source, e.target_source_id, ts.title as target_source_title, e.target_start, e.target_end, e.target_quote
   from evidence e
   left join claims tc on tc.id = e.target_claim_id left join sources tcs on tcs.id = tc.source_id
   left join sources ts on ts.id = e.target_source_id
   where e.claim_id in (${MARKS}) order by e.id`,
};

type VerdictRow = { id: number; claim_id: number; status: ClaimStatus; rationale: string; created_at: string; reviewer_id: number; reviewer_name: string };
type EvidenceRow = {
  id: number; claim_id: number; verdict_id: number | null; stance: Stance; note: string; url: string | null;
  target_claim_id: number | null; target_claim_quote: string | null; target_claim_source: string | null;
  target_source_id: number | null; target_source_title: string | null; target_start: number | null; target_end: number | null; target_quote: string | null;
};
type ChunkRows = { rows: Row[]; verdicts: VerdictRow[]; evidence: EvidenceRow[] };

/** A chunk's claims, their verdicts (newest first) and their evidence, read one after another. */
async function readChunk(ids: number[]): Promise<ChunkRows> {
  const padded = [...ids, ...Array.from({ length: CHUNK - ids.length }, () => ids.at(-1)!)];
  return {
    rows: await rawAll<Row>(CHUNK_SQL.rows, padded),
    verdicts: await rawAll<VerdictRow>(CHUNK_SQL.verdicts, padded),
    evidence: await rawAll<EvidenceRow>(CHUNK_SQL.evidence, padded),
  };
}

/** A chunk's rows as the reports see its claims, in the order of `ids`. */
function shapeChunk(ids: number[], { rows, verdicts, evidence }: ChunkRows): ReportClaim[] {
  const verdictsOf = new Map<number, ReportVerdict[]>();
  for (const v of verdicts) {
    const list = verdictsOf.get(v.claim_id) ?? [];
    list.push({ id: v.id, status: v.status, rationale: v.rationale, createdAt: v.created_at, reviewer: { id: v.reviewer_id, name: v.reviewer_name } });
    verdictsOf.set(v.claim_id, list);
  }
  const evidenceOf = new Map<number, ReportEvidence[]>();
  for (const e of evidence) {
    const target: ReportEvidence["target"] =
      e.target_claim_id !== null
        ? { kind: "claim", claimId: e.target_claim_id, quote: e.target_claim_quote ?? "", sourceTitle: e.target_claim_source ?? "" }
        : e.target_source_id !== null
          ? { kind: "passage", sourceId: e.target_source_id, sourceTitle: e.target_source_title ?? "", start: e.target_start ?? 0, end: e.target_end ?? 0, quote: e.target_quote ?? "" }
          : { kind: "url", url: e.url ?? "" };
    const list = evidenceOf.get(e.claim_id) ?? [];
    list.push({ id: e.id, verdictId: e.verdict_id, stance: e.stance, note: e.note, target });
    evidenceOf.set(e.claim_id, list);
  }

  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => {
    const r = byId.get(id)!;
    const history = verdictsOf.get(id) ?? [];
    return {
      id: r.id,
      status: r.status,
      quote: r.quote,
      proposition: r.proposition,
      type: r.type,
      resolvesOn: r.resolves_on,
      version: r.version,
      createdAt: r.created_at,
      speaker: { id: r.speaker_id, name: r.speaker_name, kind: r.speaker_kind },
      source: { id: r.source_id, title: r.source_title, outlet: r.outlet, publishedAt: r.published_at, url: r.url },
      latestVerdict: history[0] ?? null,
      verdicts: history,
      evidence: evidenceOf.get(id) ?? [],
    };
  });
}
