/**
 * Text similarity between the target and each candidate: TF-IDF cosine over
 * content words of quote + proposition, with IDF taken over this one batch
 * (target and candidates). A batch-local IDF needs no corpus statistics and
 * nothing cached between calls; its smoothing (+1) keeps a word shared by
 * every retrieved candidate from weighing nothing, which matters because
 * retrieval picked those candidates for sharing the target's words.
 *
 * When FTS gave a BM25 score it scales the cosine by 0.85..1.15, by its ratio
 * to the best score of the batch: BM25 magnitudes depend on the query's
 * length, so only that ratio means anything, and the best of a batch of
 * unrelated claims is still unrelated, so BM25 may reorder near ties but
 * never make words shared that are not.
 */
import type { EntitySpan } from "./entities";
import type { ScanToken } from "./tokens";
import type { Vocabulary } from "./vocabulary";

/** surfaces: the first spelling of each term, kept for the target only (it is the one whose words are shown). */
export type Bag = { counts: Map<string, number>; surfaces: Map<string, string> | null };

/** Name terms carry half their weight here: entities are scored on their own, words tell what was said of them. */
const NAME_SHARE = 0.5;
const NAME_MARK = "@";

const BM25_SPREAD = 0.3;
const MAX_SHOWN = 6;

/**
 * A name is one term, its canonical key: "Russian President Vladimir Putin"
 * is one shared word with "Putin", not four, and "Moscow" meets "Russia".
 * Without this a long name outweighs the predicate ("arrived", "signed")
 * that tells one claim from another about the same people.
 */
export function bagOf(tokens: ScanToken[], info: Vocabulary, names: EntitySpan[] = [], keepSurfaces = false): Bag {
  const counts = new Map<string, number>();
  const surfaces = keepSurfaces ? new Map<string, string>() : null;
  const add = (term: string, surface: string) => {
    const c = counts.get(term);
    counts.set(term, c === undefined ? 1 : c + 1);
    if (c === undefined) surfaces?.set(term, surface);
  };
  for (const n of names) add(NAME_MARK + n.key, n.surface);
  let i = 0;
  for (const t of tokens) {
    if (!t.word) continue;
    while (i < names.length && names[i]!.end <= t.start) i++;
    if (i < names.length && names[i]!.start <= t.start) continue;
    for (const p of info(t).parts) add(p.stem, p.surface);
  }
  return { counts, surfaces };
}

export type Idf = (stem: string) => number;

/** Smoothed IDF over the bags of one call (names discounted), worked out once per term. */
export function idfOf(bags: Bag[]): Idf {
  const df = new Map<string, number>();
  for (const bag of bags) for (const s of bag.counts.keys()) df.set(s, (df.get(s) ?? 0) + 1);
  const n = bags.length;
  const idf = new Map<string, number>();
  for (const [s, count] of df) idf.set(s, (Math.log((n + 1) / (count + 1)) + 1) * (s.startsWith(NAME_MARK) ? NAME_SHARE : 1));
  const unseen = Math.log(n + 1) + 1;
  return (s) => idf.get(s) ?? unseen;
}

function weight(count: number, idf: number): number {
  return (1 + Math.log(count)) * idf;
}

export type Norms = { length: number; total: number };

/** Euclidean length of a bag's weights (for the cosine), and the plain sum of its words' weights, names left out (for containment). */
export function norm(bag: Bag, idf: Idf): Norms {
  let squares = 0;
  let total = 0;
  for (const [s, c] of bag.counts) {
    const w = weight(c, idf(s));
    squares += w * w;
    if (!s.startsWith(NAME_MARK)) total += w;
  }
  return { length: Math.sqrt(squares), total };
}

/**
 * Half cosine, half containment (the shared weight over the shorter text's,
 * counted as at least a third of the longer's): a short report whose words
 * all recur in a long claim is possibly that claim, which the cosine alone,
 * diluted by the long claim's other words, would not say. The floor keeps
 * a one-word text from being "contained" in everything that uses its word.
 * Containment counts words only, not names: two claims naming the same
 * people are the entities' business; what is said of them is the words'.
 */
export function compareBags(target: Bag, targetNorms: Norms, other: Bag, otherNorms: Norms, idf: Idf): number {
  if (targetNorms.length === 0 || otherNorms.length === 0) return 0;
  let dot = 0;
  let overlap = 0;
  const [small, large] = target.counts.size <= other.counts.size ? [target, other] : [other, target];
  for (const [s, c] of small.counts) {
    const d = large.counts.get(s);
    if (d === undefined) continue;
    const i = idf(s);
    dot += weight(c, i) * weight(d, i);
    if (!s.startsWith(NAME_MARK)) overlap += weight(Math.min(c, d), i);
  }
  const cosine = dot / (targetNorms.length * otherNorms.length);
  const shorter = Math.max(Math.min(targetNorms.total, otherNorms.total), Math.max(targetNorms.total, otherNorms.total) / 3, 1e-9);
  return Math.min(1, (cosine + overlap / shorter) / 2);
}

/** The shared words as the target writes them, heaviest first (only for the claims shown). */
export function sharedWords(target: Bag, other: Bag, idf: Idf): string[] {
  const shared: Array<{ stem: string; value: number }> = [];
  for (const [s, c] of target.counts) {
    const d = other.counts.get(s);
    if (d !== undefined) shared.push({ stem: s, value: weight(c, idf(s)) * weight(d, idf(s)) });
  }
  shared.sort((a, b) => b.value - a.value);
  return shared.slice(0, MAX_SHOWN).map((c) => target.surfaces?.get(c.stem) ?? c.stem);
}

/** The best (most negative) BM25 score of the batch, or null when FTS gave none. */
export function bestTextScore(scores: Array<number | undefined>): number | null {
  let best: number | null = null;
  for (const s of scores) if (s !== undefined && Number.isFinite(s) && s < 0 && (best === null || s < best)) best = s;
  return best;
}

/** Similarity, scaled by the candidate's BM25 relative to the batch's best when there is one. */
export function textSimilarity(cosine: number, textScore: number | undefined, best: number | null): number {
  if (best === null || textScore === undefined || !Number.isFinite(textScore)) return cosine;
  const relative = textScore < 0 ? Math.min(1, textScore / best) : 0;
  return Math.min(1, cosine * (1 - BM25_SPREAD / 2 + BM25_SPREAD * relative));
}
