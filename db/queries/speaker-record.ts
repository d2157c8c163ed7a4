import "server-only";
import { and, count, desc, eq, isNull, sql } from "drizzle-orm";
import { preparedPerShape } from "../prepared";
import { CLAIM_STATUSES, claims, sources, verdicts, type ClaimStatus } from "../schema";
import { countWhere, statusTallyColumns } from "./tallies";

export type StatusCounts = Record<ClaimStatus, number>;

export type SpeakerRecord = {
  /** the speaker's live claims (deleted ones left out) */
  total: number;
  counts: StatusCounts;
  /** each status's share of `total`, in whole percent (0 when there are no claims) */
  shares: StatusCounts;
  predictions: {
    total: number;
    /** resolved: corroborated */
    cameTrue: number;
    /** resolved: contradicted */
    cameFalse: number;
    /** still pending */
    open: number;
    /** still pending although their resolves-on date has passed */
    overdue: number;
  };
};

export type VerdictMonth = StatusCounts & { month: string; total: number };

const zero = (): StatusCounts => ({ pending: 0, corroborated: 0, contradicted: 0 });

/** Whole-percent shares; a speaker with no claims has 0 of everything, not NaN. */
export function sharesOf(counts: StatusCounts, total: number): StatusCounts {
  const share = (n: number) => (total > 0 ? Math.round((n / total) * 100) : 0);
  return { pending: share(counts.pending), corroborated: share(counts.corroborated), contradicted: share(counts.contradicted) };
}

const prediction = sql`${claims.type} = 'prediction'`;

// one pass over the speaker's claims through claims_speaker_idx (speaker_id, id)
const recordStatement = preparedPerShape((db) =>
  db
    .select({
      total: count(),
      ...statusTallyColumns,
      predictions: countWhere(prediction),
      cameTrue: countWhere(sql`${prediction} and ${claims.status} = 'corroborated'`),
      cameFalse: countWhere(sql`${prediction} and ${claims.status} = 'contradicted'`),
      open: countWhere(sql`${prediction} and ${claims.status} = 'pending'`),
      overdue: countWhere(sql`${prediction} and ${claims.status} = 'pending' and ${claims.resolvesOn} < ${sql.placeholder("today")}`),
    })
    .from(claims)
    .where(and(eq(claims.speakerId, sql.placeholder("speakerId")), isNull(claims.deletedAt)))
    .prepare(),
);

export type SpeakerRecordOptions = {
  speakerId: number;
  /** YYYY-MM-DD: predictions resolving before this day and still pending are overdue (default: today, UTC) */
  today?: string;
};

/** How a speaker's claims stand: counts and shares by status, and how their predictions turned out. */
export async function getSpeakerRecord({ speakerId, today = new Date().toISOString().slice(0, 10) }: SpeakerRecordOptions): Promise<SpeakerRecord> {
  const row = await recordStatement("").get({ speakerId, today });
  const counts: StatusCounts = { pending: row?.pending ?? 0, corroborated: row?.corroborated ?? 0, contradicted: row?.contradicted ?? 0 };
  const total = row?.total ?? 0;
  return {
    total,
    counts,
    shares: sharesOf(counts, total),
    predictions: {
      total: row?.predictions ?? 0,
      cameTrue: row?.cameTrue ?? 0,
      cameFalse: row?.cameFalse ?? 0,
      open: row?.open ?? 0,
      overdue: row?.overdue ?? 0,
    },
  };
}

// the speaker's claims through claims_speaker_idx, each claim's verdicts through
// verdicts_claim_idx (claim_id, id); grouped by month in SQL, so at most
// months × 3 rows come back however many verdicts there are
const monthsStatement = preparedPerShape((db) => {
  const month = sql<string>`substr(${verdicts.createdAt}, 1, 7)`;
  return db
    .select({ month, status: verdicts.status, count: count() })
    .from(claims)
    .innerJoin(verdicts, eq(verdicts.claimId, claims.id))
    .where(and(eq(claims.speakerId, sql.placeholder("speakerId")), isNull(claims.deletedAt)))
    .groupBy(month, verdicts.status)
    .orderBy(month)
    .prepare();
});

/** "2024-11" → "2024-12"; "2024-12" → "2025-01". */
export function nextMonth(month: string): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
}

export type VerdictMonths = {
  /** consecutive months, oldest first, the empty ones included, at most `maxMonths` */
  months: VerdictMonth[];
  /** verdicts in months older than the first one shown */
  earlier: VerdictMonth | null;
  total: number;
};

/**
 * Monthly buckets from (month, status, count) rows: every month from the
 * first to the last verdict, gaps as zeros, the most recent `maxMonths` kept
 * and what came before summed into `earlier`.
 */
export function bucketMonths(rows: ReadonlyArray<{ month: string; status: ClaimStatus; count: number }>, maxMonths = 36): VerdictMonths {
  if (rows.length === 0) return { months: [], earlier: null, total: 0 };
  const byMonth = new Map<string, VerdictMonth>();
  for (const r of rows) {
    const bucket = byMonth.get(r.month) ?? { month: r.month, ...zero(), total: 0 };
    bucket[r.status] += r.count;
    bucket.total += r.count;
    byMonth.set(r.month, bucket);
  }
  const keys = [...byMonth.keys()].sort();
  const all: VerdictMonth[] = [];
  // keys are "YYYY-MM" strings, so string order is time order
  for (let m = keys[0]!; m <= keys.at(-1)!; m = nextMonth(m)) all.push(byMonth.get(m) ?? { month: m, ...zero(), total: 0 });
  const months = all.slice(-maxMonths);
  const older = all.slice(0, all.length - months.length);
  const earlier = older.length
    ? older.reduce<VerdictMonth>(
        (sum, m) => {
          for (const s of CLAIM_STATUSES) sum[s] += m[s];
          sum.total += m.total;
          return sum;
        },
        { month: older[0]!.month, ...zero(), total: 0 },
      )
    : null;
  return { months, earlier, total: all.reduce((n, m) => n + m.total, 0) };
}

/** The verdicts recorded on a speaker's claims, by month and status. */
export async function listSpeakerVerdictMonths({ speakerId, maxMonths = 36 }: { speakerId: number; maxMonths?: number }): Promise<VerdictMonths> {
  return bucketMonths(await monthsStatement("").all({ speakerId }), maxMonths);
}

export const SPEAKER_CLAIMS_CAP = 200;

const claimsStatement = preparedPerShape((db, shape: "capped" | "all") => {
  const query = db
    .select({
      id: claims.id,
      quote: claims.quote,
      type: claims.type,
      status: claims.status,
      resolvesOn: claims.resolvesOn,
      sourceId: sources.id,
      sourceTitle: sources.title,
      outlet: sources.outlet,
      publishedAt: sources.publishedAt,
      publishedPrecision: sources.publishedPrecision,
    })
    .from(claims)
    .innerJoin(sources, eq(sources.id, claims.sourceId))
    .where(and(eq(claims.speakerId, sql.placeholder("speakerId")), isNull(claims.deletedAt)))
    // claims_speaker_idx (speaker_id, id) read backwards: newest first, no sort step
    .orderBy(desc(claims.id));
  return shape === "capped" ? query.limit(sql.placeholder("limit")).prepare() : query.prepare();
});

export type SpeakerClaimsOptions = {
  speakerId: number;
  /** every claim instead of the newest SPEAKER_CLAIMS_CAP */
  all?: boolean;
};

/** A speaker's claims, newest first, with their source's title and date; `more` when the cap cut some off. */
export async function listSpeakerClaims({ speakerId, all = false }: SpeakerClaimsOptions) {
  if (all) return { items: await claimsStatement("all").all({ speakerId }), more: false };
  const rows = await claimsStatement("capped").all({ speakerId, limit: SPEAKER_CLAIMS_CAP + 1 });
  return { items: rows.slice(0, SPEAKER_CLAIMS_CAP), more: rows.length > SPEAKER_CLAIMS_CAP };
}

export type SpeakerClaim = Awaited<ReturnType<typeof listSpeakerClaims>>["items"][number];
