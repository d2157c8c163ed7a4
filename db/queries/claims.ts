import "server-only";
import { aliasedTable, and, asc, desc, eq, inArray, isNull, lt, sql, type SQL } from "drizzle-orm";
import { getDb } from "../client";
import { preparedPerShape } from "../prepared";
import { claims, evidence, sources, speakers, users, verdicts, type ClaimStatus, type ClaimType } from "../schema";

/** The claim as every API and page sees it. */
export const claimColumns = {
  id: claims.id,
  sourceId: claims.sourceId,
  quote: claims.quote,
  start: claims.startOffset,
  end: claims.endOffset,
  prefix: claims.prefix,
  suffix: claims.suffix,
  type: claims.type,
  proposition: claims.proposition,
  resolvesOn: claims.resolvesOn,
  status: claims.status,
  version: claims.version,
  orphaned: claims.orphaned,
  createdAt: claims.createdAt,
  updatedAt: claims.updatedAt,
  speaker: { id: speakers.id, name: speakers.name },
};

export type ClaimFilters = {
  status?: ClaimStatus;
  sourceId?: number;
  speakerId?: number;
  type?: ClaimType;
};

export const MAX_PAGE = 200;

const FILTER_KEYS = ["status", "sourceId", "speakerId", "type", "cursor"] as const;

/** The WHERE of a list: one prepared statement per combination of filters present (at most 32), with placeholders for their values. */
function listWhere(shape: string): SQL | undefined {
  const has = (key: (typeof FILTER_KEYS)[number]) => shape.split(",").includes(key);
  const where: SQL[] = [isNull(claims.deletedAt)];
  if (has("status")) where.push(eq(claims.status, sql.placeholder("status")));
  if (has("sourceId")) where.push(eq(claims.sourceId, sql.placeholder("sourceId")));
  if (has("speakerId")) where.push(eq(claims.speakerId, sql.placeholder("speakerId")));
  if (has("type")) where.push(eq(claims.type, sql.placeholder("type")));
  if (has("cursor")) where.push(lt(claims.id, sql.placeholder("cursor")));
  return and(...where);
}

const listStatement = preparedPerShape((db, shape: string) =>
  db
    .select(claimColumns)
    .from(claims)
    .innerJoin(speakers, eq(speakers.id, claims.speakerId))
    .where(listWhere(shape))
    .orderBy(desc(claims.id))
    .limit(sql.placeholder("limit"))
    .prepare(),
);

// the /claims page also names each claim's source; the API leaves that join out (sourceId is in every item)
const listWithSourceTitleStatement = preparedPerShape((db, shape: string) =>
  db
    .select({ ...claimColumns, sourceTitle: sources.title })
    .from(claims)
    .innerJoin(speakers, eq(speakers.id, claims.speakerId))
    .innerJoin(sources, eq(sources.id, claims.sourceId))
    .where(listWhere(shape))
    .orderBy(desc(claims.id))
    .limit(sql.placeholder("limit"))
    .prepare(),
);

type ListQuery = ClaimFilters & { limit?: number; cursor?: number };

async function listPage<T extends { id: number }>(f: ListQuery, run: (shape: string, values: Record<string, string | number>) => Promise<T[]>) {
  const limit = Math.min(Math.max(f.limit ?? 50, 1), MAX_PAGE);
  const values: Record<string, string | number> = { limit: limit + 1 };
  for (const key of FILTER_KEYS) if (f[key]) values[key] = f[key];
  const rows = await run(FILTER_KEYS.filter((key) => f[key]).join(","), values);
  const items = rows.slice(0, limit);
  const nextCursor = rows.length > limit ? items.at(-1)!.id : null;
  return { items, nextCursor };
}

/** Newest first, by keyset on id: `cursor` is the last id of the previous page. */
export async function listClaims(f: ListQuery) {
  return listPage(f, (shape, values) => listStatement(shape).all(values));
}

/** listClaims with each claim's source title, for the /claims page. */
export async function listClaimsWithSourceTitles(f: ListQuery) {
  return listPage(f, (shape, values) => listWithSourceTitleStatement(shape).all(values));
}

// the reader's query, on every page view and after every capture: prepared once
const claimsOfSourceStatement = preparedPerShape((db) =>
  db
    .select(claimColumns)
    .from(claims)
    .innerJoin(speakers, eq(speakers.id, claims.speakerId))
    .where(and(eq(claims.sourceId, sql.placeholder("sourceId")), isNull(claims.deletedAt)))
    .orderBy(asc(claims.startOffset), desc(claims.endOffset))
    .prepare(),
);

export async function listClaimsOfSource(sourceId: number) {
  return claimsOfSourceStatement("").all({ sourceId });
}

// every claim write answers with it: prepared once
const claimSummaryStatement = preparedPerShape((db) =>
  db
    .select(claimColumns)
    .from(claims)
    .innerJoin(speakers, eq(speakers.id, claims.speakerId))
    .where(eq(claims.id, sql.placeholder("id")))
    .prepare(),
);

/** One claim in the list shape (what a write answers with). */
export async function getClaimSummary(id: number) {
  return claimSummaryStatement("").get({ id });
}

const targetClaims = aliasedTable(claims, "target_claims");
const targetSources = aliasedTable(sources, "target_sources");
const citingClaims = aliasedTable(claims, "citing_claims");
const citingSources = aliasedTable(sources, "citing_sources");

export async function getClaim(id: number) {
  const db = getDb();
  const [claim] = await db
    .select({
      ...claimColumns,
      speaker: { id: speakers.id, name: speakers.name, description: speakers.description, kind: speakers.kind },
      source: { id: sources.id, title: sources.title, outlet: sources.outlet, publishedAt: sources.publishedAt, url: sources.url },
      createdBy: users.name,
      createdById: claims.createdBy,
    })
    .from(claims)
    .innerJoin(speakers, eq(speakers.id, claims.speakerId))
    .innerJoin(sources, eq(sources.id, claims.sourceId))
    .innerJoin(users, eq(users.id, claims.createdBy))
    .where(and(eq(claims.id, id), isNull(claims.deletedAt)))
    .limit(1);
  if (!claim) return null;

  const history = await db
    .select({
      id: verdicts.id,
      status: verdicts.status,
      rationale: verdicts.rationale,
      createdAt: verdicts.createdAt,
      reviewer: { id: users.id, name: users.name },
    })
    .from(verdicts)
    .innerJoin(users, eq(users.id, verdicts.reviewerId))
    .where(eq(verdicts.claimId, id))
    .orderBy(desc(verdicts.id));

  const cites = await db
    .select({
      id: evidence.id,
      verdictId: evidence.verdictId,
      stance: evidence.stance,
      note: evidence.note,
      url: evidence.url,
      createdAt: evidence.createdAt,
      targetClaim: { id: targetClaims.id, quote: targetClaims.quote, status: targetClaims.status, sourceId: targetClaims.sourceId },
      targetClaimSource: { id: targetSources.id, title: targetSources.title, outlet: targetSources.outlet },
      passageSourceId: evidence.targetSourceId,
      passageStart: evidence.targetStart,
      passageEnd: evidence.targetEnd,
      passageQuote: evidence.targetQuote,
      passageOrphaned: evidence.orphaned,
    })
    .from(evidence)
    .leftJoin(targetClaims, eq(targetClaims.id, evidence.targetClaimId))
    .leftJoin(targetSources, eq(targetSources.id, targetClaims.sourceId))
    .where(eq(evidence.claimId, id))
    .orderBy(asc(evidence.id));

  // passage targets name their source directly
  const passageSourceIds = cites.map((c) => c.passageSourceId).filter((s): s is number => s !== null);
  const passageSources = passageSourceIds.length
    ? await db.select({ id: sources.id, title: sources.title, outlet: sources.outlet }).from(sources).where(inArray(sources.id, passageSourceIds))
    : [];

  const citedBy = await db
    .select({
      id: evidence.id,
      stance: evidence.stance,
      note: evidence.note,
      claim: { id: citingClaims.id, quote: citingClaims.quote, status: citingClaims.status },
      source: { id: citingSources.id, title: citingSources.title, outlet: citingSources.outlet },
    })
    .from(evidence)
    .innerJoin(citingClaims, and(eq(citingClaims.id, evidence.claimId), isNull(citingClaims.deletedAt)))
    .innerJoin(citingSources, eq(citingSources.id, citingClaims.sourceId))
    .where(eq(evidence.targetClaimId, id))
    .orderBy(asc(evidence.id));

  return {
    ...claim,
    verdicts: history,
    evidence: cites.map((c) => ({
      id: c.id,
      verdictId: c.verdictId,
      stance: c.stance,
      note: c.note,
      createdAt: c.createdAt,
      target: c.targetClaim
        ? { kind: "claim" as const, claim: c.targetClaim, source: c.targetClaimSource! }
        : c.passageSourceId !== null
          ? {
              kind: "passage" as const,
              source: passageSources.find((s) => s.id === c.passageSourceId)!,
              start: c.passageStart!,
              end: c.passageEnd!,
              quote: c.passageQuote!,
              orphaned: c.passageOrphaned,
            }
          : { kind: "url" as const, url: c.url! },
    })),
    citedBy,
  };
}

export type ClaimDetail = NonNullable<Awaited<ReturnType<typeof getClaim>>>;
