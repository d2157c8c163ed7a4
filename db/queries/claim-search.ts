import "server-only";
import { and, desc, eq, isNull, ne, or, sql, type SQL } from "drizzle-orm";
import { ftsString } from "@/lib/search/query";
import { getDb } from "../client";
import { claims, sources, speakers } from "../schema";
import { engine } from "../engine";
import { containsPattern, likeAnyCase } from "../sql";

export const MAX_SEARCH = 50;


/**
 * Claims whose quote or proposition contains the text (ignoring ASCII case),
 * for citing one claim as evidence for another. `excludeSourceId` leaves out
 * the claims of the article being reviewed.
 */
export async function searchClaims({ text, excludeSourceId, limit = 10 }: { text: string; excludeSourceId?: number; limit?: number }) {
  const needle = text.normalize("NFC").trim();
  if (!needle) return [];
  const pattern = containsPattern(needle);
  // three characters or more: the trigram index finds the substring (in quote or proposition) without
  // reading every claim; the LIKE below only confirms. Shorter text is read the slow way. On PostgreSQL
  // the ILIKE itself is answered from the trigram index (pg_trgm, claims_tri).
  const indexed = [...needle].length >= 3;
  const where: SQL[] = [
    isNull(claims.deletedAt),
    or(likeAnyCase(claims.quote, pattern), likeAnyCase(claims.proposition, pattern))!,
  ];
  // the newest 500 containing it are plenty for a list of ten, however common the words
  if (indexed && engine() === "sqlite") where.push(newestTrigramMatches(needle));
  if (excludeSourceId) where.push(ne(claims.sourceId, excludeSourceId));
  return await getDb()
    .select({
      id: claims.id,
      quote: claims.quote,
      proposition: claims.proposition,
      status: claims.status,
      speaker: { id: speakers.id, name: speakers.name },
      source: { id: sources.id, title: sources.title, outlet: sources.outlet },
    })
    .from(claims)
    .innerJoin(speakers, eq(speakers.id, claims.speakerId))
    .innerJoin(sources, eq(sources.id, claims.sourceId))
    .where(and(...where))
    .orderBy(desc(claims.id))
    .limit(Math.min(Math.max(limit, 1), MAX_SEARCH));
}

/** SQLite only (FTS5 `claims_tri`, migration 0006): the ids of the newest 500 claims whose quote or proposition holds the text. */
function newestTrigramMatches(needle: string): SQL {
  return sql`${claims.id} in (select rowid from claims_tri where claims_tri match ${ftsString(needle)} order by rowid desc limit 500)`;
}

export type ClaimSearchHit = Awaited<ReturnType<typeof searchClaims>>[number];
