import "server-only";
import { and, asc, count, desc, eq, gt, inArray, isNull, lt, lte, gte, or, type SQL } from "drizzle-orm";
import { getDb } from "../client";
import { containsPattern, likeAnyCase } from "../sql";
import { statusTallyColumns } from "./tallies";
import { claims, sources } from "../schema";
import { listClaimsOfSource } from "./claims";

export const sourceSummaryColumns = {
  id: sources.id,
  title: sources.title,
  outlet: sources.outlet,
  byline: sources.byline,
  url: sources.url,
  publishedAt: sources.publishedAt,
  publishedPrecision: sources.publishedPrecision,
  language: sources.language,
};

export async function listSources() {
  return await getDb()
    .select({
      ...sourceSummaryColumns,
      claimCount: count(claims.id),
      ...statusTallyColumns,
    })
    .from(sources)
    .leftJoin(claims, and(eq(claims.sourceId, sources.id), isNull(claims.deletedAt)))
    .groupBy(sources.id)
    .orderBy(desc(sources.publishedAt), desc(sources.id));
}

export async function getSource(id: number) {
  const [source] = await getDb()
    .select({
      ...sourceSummaryColumns,
      body: sources.body,
      translationNote: sources.translationNote,
      caption: sources.caption,
      createdAt: sources.createdAt,
      updatedAt: sources.updatedAt,
    })
    .from(sources)
    .where(eq(sources.id, id))
    .limit(1);
  if (!source) return null;
  return { ...source, claims: await listClaimsOfSource(id) };
}

export async function listSourceOptions() {
  return await getDb().select({ id: sources.id, title: sources.title, outlet: sources.outlet }).from(sources).orderBy(sources.title);
}


/** A source's metadata without its body or claims (is there such a source, and what is it called). */
export async function getSourceSummary(id: number) {
  const [source] = await getDb().select(sourceSummaryColumns).from(sources).where(eq(sources.id, id)).limit(1);
  return source ?? null;
}

/** The source imported from exactly this input before (its SHA-256), if any: a bulk re-run skips it unread. */
export async function findSourceByRawHash(rawHash: string) {
  const [source] = await getDb().select({ id: sources.id, title: sources.title }).from(sources).where(eq(sources.rawHash, rawHash)).limit(1);
  return source ?? null;
}

export const SOURCE_SORTS = ["published-desc", "published-asc"] as const;
export type SourceSort = (typeof SOURCE_SORTS)[number];

/** Where a page of sources ends: the keyset (published_at, id) of its last or first row. */
export type SourceCursor = { publishedAt: string; id: number };

export function encodeSourceCursor(cursor: SourceCursor): string {
  return Buffer.from(`source:${cursor.id}:${cursor.publishedAt}`).toString("base64url");
}

/** A cursor this desk issued, or null (a cursor is opaque: anything else is refused, not guessed at). */
export function decodeSourceCursor(raw: string): SourceCursor | null {
  if (raw.length > 200) return null;
  const m = /^source:([1-9]\d{0,15}):(\d{4}-\d{2}-\d{2}T[\d:.]{5,15}(?:Z|[+-]\d{2}:\d{2}))$/.exec(Buffer.from(raw, "base64url").toString("utf8"));
  return m ? { id: Number(m[1]), publishedAt: m[2]! } : null;
}

export type SourcesPageOptions = {
  sort?: SourceSort;
  /** rows per page, 1–200 */
  limit?: number;
  /** the rows after this one (the next page) */
  after?: SourceCursor | null;
  /** the rows before this one (the previous page); ignored when `after` is given */
  before?: SourceCursor | null;
  /** title or outlet contains these characters (ASCII case ignored) */
  q?: string;
};


/**
 * One page of sources by published date, by keyset on (published_at, id):
 * sources_published_idx holds the id beside the date (SQLite keeps the rowid
 * in every index), so a page is a range read of 51 index entries whatever the
 * page number. Claim counts are read for that page's sources only.
 */
export async function listSourcesPage({ sort = "published-desc", limit = 50, after = null, before = null, q }: SourcesPageOptions = {}) {
  const size = Math.min(Math.max(Math.trunc(limit), 1), 200);
  const cursor = after ?? before;
  const backwards = !after && Boolean(before);
  // reading backwards is reading in the other order from the cursor, then turning the rows round
  const ascending = (sort === "published-asc") !== backwards;
  const where: SQL[] = [];
  if (cursor) {
    // the first term is the index range; the second settles ties on the date by id
    where.push(
      ascending
        ? and(gte(sources.publishedAt, cursor.publishedAt), or(gt(sources.publishedAt, cursor.publishedAt), gt(sources.id, cursor.id)))!
        : and(lte(sources.publishedAt, cursor.publishedAt), or(lt(sources.publishedAt, cursor.publishedAt), lt(sources.id, cursor.id)))!,
    );
  }
  const text = q?.trim();
  if (text) {
    const pattern = containsPattern(text);
    where.push(or(likeAnyCase(sources.title, pattern), likeAnyCase(sources.outlet, pattern))!);
  }
  const order = ascending ? [asc(sources.publishedAt), asc(sources.id)] : [desc(sources.publishedAt), desc(sources.id)];
  const rows = await getDb()
    .select(sourceSummaryColumns)
    .from(sources)
    .where(where.length ? and(...where) : undefined)
    .orderBy(...order)
    .limit(size + 1);
  const beyond = rows.length > size;
  const page = rows.slice(0, size);
  if (backwards) page.reverse();
  const first = page[0];
  const last = page.at(-1);
  const key = (s: { publishedAt: string; id: number } | undefined) => (s ? { publishedAt: s.publishedAt, id: s.id } : null);
  return {
    items: await withClaimCounts(page),
    // forwards, a next page exists when a row was left over; backwards, we came from it
    nextCursor: backwards ? key(last) : beyond ? key(last) : null,
    prevCursor: backwards ? (beyond ? key(first) : null) : cursor ? key(first) : null,
  };
}

/** Claim counts by status for these sources only: one grouped read through claims_source_idx. */
async function withClaimCounts<T extends { id: number }>(page: T[]) {
  const ids = page.map((s) => s.id);
  const counts = ids.length
    ? await getDb()
        .select({ sourceId: claims.sourceId, claimCount: count(), ...statusTallyColumns })
        .from(claims)
        .where(and(inArray(claims.sourceId, ids), isNull(claims.deletedAt)))
        .groupBy(claims.sourceId)
    : [];
  const bySource = new Map(counts.map(({ sourceId, ...c }) => [sourceId, c]));
  return page.map((s) => ({ ...s, ...(bySource.get(s.id) ?? { claimCount: 0, pending: 0, corroborated: 0, contradicted: 0 }) }));
}

export type SourceRow = Awaited<ReturnType<typeof listSourcesPage>>["items"][number];
