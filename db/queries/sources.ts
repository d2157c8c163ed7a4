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

