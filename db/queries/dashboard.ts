import "server-only";
import { and, asc, count, desc, eq, gte, isNull, lt, lte, sql } from "drizzle-orm";
import { preparedPerShape } from "../prepared";
import { claims, sources, speakers, users, verdicts } from "../schema";

/**
 * The desk's daily view: what waits for whom, what is overdue. Every list
 * reads through an index (claims_creator_idx, claims_status_idx,
 * claims_live_due_idx, the verdicts' primary key) and stops at its limit; the
 * counts are read from claims_live_status_idx alone (migration 0008).
 */
const row = {
  id: claims.id,
  quote: claims.quote,
  type: claims.type,
  status: claims.status,
  resolvesOn: claims.resolvesOn,
  createdAt: claims.createdAt,
  speaker: speakers.name,
  source: sources.title,
};

const mine = preparedPerShape((db) =>
  db
    .select(row)
    .from(claims)
    .innerJoin(speakers, eq(speakers.id, claims.speakerId))
    .innerJoin(sources, eq(sources.id, claims.sourceId))
    .where(and(eq(claims.createdBy, sql.placeholder("userId")), eq(claims.status, "pending"), isNull(claims.deletedAt)))
    .orderBy(desc(claims.id))
    .limit(sql.placeholder("limit"))
    .prepare(),
);

const queue = preparedPerShape((db) =>
  db
    .select(row)
    .from(claims)
    .innerJoin(speakers, eq(speakers.id, claims.speakerId))
    .innerJoin(sources, eq(sources.id, claims.sourceId))
    .where(and(eq(claims.status, "pending"), isNull(claims.deletedAt)))
    .orderBy(asc(claims.id))
    .limit(sql.placeholder("limit"))
    .prepare(),
);

const predictionsBetween = preparedPerShape((db) =>
  db
    .select(row)
    .from(claims)
    .innerJoin(speakers, eq(speakers.id, claims.speakerId))
    .innerJoin(sources, eq(sources.id, claims.sourceId))
    .where(
      and(
        eq(claims.type, "prediction"),
        eq(claims.status, "pending"),
        gte(claims.resolvesOn, sql.placeholder("from")),
        lte(claims.resolvesOn, sql.placeholder("to")),
        isNull(claims.deletedAt),
      ),
    )
    .orderBy(asc(claims.resolvesOn), asc(claims.id))
    .limit(sql.placeholder("limit"))
    .prepare(),
);

const overdueCount = preparedPerShape((db) =>
  db
    .select({ n: count() })
    .from(claims)
    .where(and(eq(claims.type, "prediction"), eq(claims.status, "pending"), lt(claims.resolvesOn, sql.placeholder("today")), isNull(claims.deletedAt)))
    .prepare(),
);

const recent = preparedPerShape((db) =>
  db
    .select({
      id: verdicts.id,
      status: verdicts.status,
      rationale: verdicts.rationale,
      createdAt: verdicts.createdAt,
      reviewer: users.name,
      claimId: claims.id,
      quote: claims.quote,
    })
    .from(verdicts)
    .innerJoin(users, eq(users.id, verdicts.reviewerId))
    .innerJoin(claims, eq(claims.id, verdicts.claimId))
    .where(isNull(claims.deletedAt))
    .orderBy(desc(verdicts.id))
    .limit(sql.placeholder("limit"))
    .prepare(),
);

const statusCounts = preparedPerShape((db) =>
  db
    .select({ status: claims.status, n: count() })
    .from(claims)
    .where(isNull(claims.deletedAt))
    .groupBy(claims.status)
    .prepare(),
);

export type DashboardRow = Awaited<ReturnType<ReturnType<typeof queue>["all"]>>[number];

/** `today` is the desk's date (YYYY-MM-DD): a prediction resolving on it is due, not overdue. */
export async function dashboard(options: { userId: number; today: string; limit?: number }) {
  const limit = options.limit ?? 8;
  const in30 = new Date(Date.parse(`${options.today}T00:00:00Z`) + 30 * 86_400_000).toISOString().slice(0, 10);
  const yesterday = new Date(Date.parse(`${options.today}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  // independent reads: asked at once (on PostgreSQL each on a connection of the pool; SQLite answers them in turn)
  const [byStatus, mineRows, queueRows, overdue, overdueRow, dueSoon, recentRows] = await Promise.all([
    statusCounts("").all(),
    mine("").all({ userId: options.userId, limit }),
    queue("").all({ limit }),
    predictionsBetween("").all({ from: "0000-00-00", to: yesterday, limit }),
    overdueCount("").get({ today: options.today }),
    predictionsBetween("").all({ from: options.today, to: in30, limit }),
    recent("").all({ limit }),
  ]);
  const counts = { pending: 0, corroborated: 0, contradicted: 0 };
  for (const c of byStatus) counts[c.status] = c.n;
  return { mine: mineRows, queue: queueRows, overdue, overdueTotal: overdueRow?.n ?? 0, dueSoon, recent: recentRows, counts };
}

export type Dashboard = Awaited<ReturnType<typeof dashboard>>;
