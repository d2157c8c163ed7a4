import "server-only";
import { eq, inArray, sql } from "drizzle-orm";
import { preparedPerShape } from "@/db/prepared";
import { sourceBands, sources, type Source } from "@/db/schema";
import type { Tx } from "@/lib/audit";
import { duplicateFingerprint, exactJaccard, DUPLICATE_JACCARD, type Fingerprint } from "@/lib/import/duplicates";
import type { z } from "zod";
import type { createSourceInput } from "@/lib/validation/sources";

export type SourceValues = z.output<typeof createSourceInput>;
type Reader = Pick<Tx, "select" | "selectDistinct">;

/**
 * Inserts one source with its duplicate fingerprint (the normalised body's
 * hash and its MinHash bands), inside the transaction of the door that calls
 * it: every source, seeded, imported or bulk-loaded, can be found again.
 */
export async function insertSource(
  tx: Tx,
  values: SourceValues,
  ctx: { createdBy: number; rawHash?: string | null; fingerprint?: Fingerprint },
): Promise<Source> {
  const fingerprint = ctx.fingerprint ?? duplicateFingerprint(values.body);
  const row = (
    await tx
      .insert(sources)
      .values({ ...values, contentHash: fingerprint.contentHash, rawHash: ctx.rawHash ?? null, createdBy: ctx.createdBy })
      .returning()
  )[0]!;
  const addBand = insertBand("", tx);
  for (const band of new Set(fingerprint.bands)) await addBand.run({ band, sourceId: row.id });
  return row;
}

// 32 bands for every source saved: one statement, prepared once per connection, run for each
const insertBand = preparedPerShape((db) =>
  db.insert(sourceBands).values({ band: sql.placeholder("band"), sourceId: sql.placeholder("sourceId") }).onConflictDoNothing().prepare(),
);

export type Duplicate = {
  /** "same": the same text once normalised (or the same file); "near": the same article with small changes */
  kind: "same" | "near";
  jaccard: number;
  source: { id: number; title: string; outlet: string; publishedAt: string };
};

const summary = { id: sources.id, title: sources.title, outlet: sources.outlet, publishedAt: sources.publishedAt };

/**
 * The source already on the desk that this body repeats: the same normalised
 * text, or (wire copy under another outlet) a body sharing a MinHash band
 * whose exact shingle overlap is at least 0.9. Candidates are few (a band is
 * four matching minima), so their bodies are compared exactly.
 */
export async function findDuplicate(
  db: Reader,
  body: string,
  options: { rawHash?: string | null; fingerprint?: Fingerprint } = {},
): Promise<Duplicate | null> {
  if (options.rawHash) {
    const [raw] = await db.select(summary).from(sources).where(eq(sources.rawHash, options.rawHash)).limit(1);
    if (raw) return { kind: "same", jaccard: 1, source: raw };
  }
  const fingerprint = options.fingerprint ?? duplicateFingerprint(body);
  const [same] = await db.select(summary).from(sources).where(eq(sources.contentHash, fingerprint.contentHash)).limit(1);
  if (same) return { kind: "same", jaccard: 1, source: same };
  const banded = await db
    .selectDistinct({ id: sourceBands.sourceId })
    .from(sourceBands)
    .where(inArray(sourceBands.band, [...new Set(fingerprint.bands)]))
    .limit(50);
  const candidates = banded.map((r) => r.id);
  if (candidates.length === 0) return null;
  let best: Duplicate | null = null;
  for (const candidate of await db.select({ ...summary, body: sources.body }).from(sources).where(inArray(sources.id, candidates))) {
    const jaccard = exactJaccard(body, candidate.body);
    if (jaccard >= DUPLICATE_JACCARD && (!best || jaccard > best.jaccard)) {
      best = { kind: "near", jaccard, source: { id: candidate.id, title: candidate.title, outlet: candidate.outlet, publishedAt: candidate.publishedAt } };
    }
  }
  return best;
}
