import "server-only";
import { and, ne } from "drizzle-orm";
import { getDb } from "../client";
import { sources } from "../schema";
import { holdsText } from "../sql";

export type PassageHit = {
  source: { id: number; title: string; outlet: string };
  start: number;
  end: number;
  quote: string;
  /** the words around it, so the reviewer can tell occurrences apart */
  before: string;
  after: string;
};

/** Where the exact text stands in other sources' bodies: every occurrence, a few sources at most. */
export async function searchPassages({ text, excludeSourceId, limit = 5 }: { text: string; excludeSourceId?: number; limit?: number }): Promise<PassageHit[]> {
  const rows = await getDb()
    .select({ id: sources.id, title: sources.title, outlet: sources.outlet, body: sources.body })
    .from(sources)
    .where(and(bodyHolds(text), excludeSourceId ? ne(sources.id, excludeSourceId) : undefined))
    .limit(limit);
  return rows.flatMap((row) => {
    const hits: PassageHit[] = [];
    for (let at = row.body.indexOf(text); at !== -1 && hits.length < 5; at = row.body.indexOf(text, at + 1)) {
      hits.push({
        source: { id: row.id, title: row.title, outlet: row.outlet },
        start: at,
        end: at + text.length,
        quote: text,
        before: row.body.slice(Math.max(0, at - 40), at),
        after: row.body.slice(at + text.length, at + text.length + 40),
      });
    }
    return hits;
  });
}

/** The source's body holds the exact text, case and all. */
const bodyHolds = (text: string) => holdsText(sources.body, text);
