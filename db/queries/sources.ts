import "server-only";
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { getDb } from "../client";
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

export function listSources() {
  return getDb()
    .select({
      ...sourceSummaryColumns,
      claimCount: sql<number>`count(${claims.id})`,
      ...statusTallyColumns,
    })
    .from(sources)
    .leftJoin(claims, and(eq(claims.sourceId, sources.id), isNull(claims.deletedAt)))
    .groupBy(sources.id)
    .orderBy(desc(sources.publishedAt), desc(sources.id))
    .all();
}

export function getSource(id: number) {
  const source = getDb()
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
    .get();
  if (!source) return null;
  return { ...source, claims: listClaimsOfSource(id) };
}

export function listSourceOptions() {
  return getDb().select({ id: sources.id, title: sources.title, outlet: sources.outlet }).from(sources).orderBy(sources.title).all();
}


/** A source's metadata without its body or claims (is there such a source, and what is it called). */
export function getSourceSummary(id: number) {
  return getDb().select(sourceSummaryColumns).from(sources).where(eq(sources.id, id)).get() ?? null;
}

/** The source imported from exactly this input before (its SHA-256), if any: a bulk re-run skips it unread. */
export function findSourceByRawHash(rawHash: string) {
  return getDb().select({ id: sources.id, title: sources.title }).from(sources).where(eq(sources.rawHash, rawHash)).get() ?? null;
}
