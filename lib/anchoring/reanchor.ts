import approxSearch from "approx-string-match";
import { anchorAt, occurrencesOf, type Anchor } from "./anchor";

/**
 * Finds a claim's quote again in an edited body, in the manner of
 * Hypothesis: the old position first, then the exact quote anywhere (the
 * occurrence whose context fits best), then an approximate match scored on
 * quote, prefix, suffix and distance from the old position. A quote that is
 * gone, or changed past recognition, is orphaned: null, never a guess.
 */
export type Reanchored = Anchor & { method: "position" | "exact" | "fuzzy"; score: number };

/** At most this share of a quote's characters may differ for a fuzzy match. */
export const MAX_ERROR_RATE = 0.25;
/** Below this combined score a fuzzy match is not trusted. */
export const MIN_FUZZY_SCORE = 0.75;

const WEIGHTS = { quote: 50, prefix: 20, suffix: 20, position: 2 };

/** How well text matches str, 0..1 (1 = identical), by edit distance. */
function closeness(text: string, str: string): number {
  if (!str) return 1;
  if (!text) return 0;
  const best = approxSearch(text, str, str.length).reduce((min, m) => Math.min(min, m.errors), str.length);
  return 1 - best / str.length;
}

function score(body: string, old: Anchor, start: number, end: number, errors: number): number {
  const quote = 1 - errors / Math.max(1, old.quote.length);
  const prefix = closeness(body.slice(Math.max(0, start - old.prefix.length), start), old.prefix);
  const suffix = closeness(body.slice(end, end + old.suffix.length), old.suffix);
  const position = 1 - Math.abs(start - old.start) / Math.max(1, body.length);
  const total = WEIGHTS.quote + WEIGHTS.prefix + WEIGHTS.suffix + WEIGHTS.position;
  return (WEIGHTS.quote * quote + WEIGHTS.prefix * prefix + WEIGHTS.suffix * suffix + WEIGHTS.position * position) / total;
}

export function reanchor(body: string, old: Anchor): Reanchored | null {
  if (old.end <= body.length && body.slice(old.start, old.end) === old.quote) {
    return { ...anchorAt(body, old.start, old.end), method: "position", score: 1 };
  }

  const exact = occurrencesOf(body, old.quote)
    .map((start) => ({ start, score: score(body, old, start, start + old.quote.length, 0) }))
    .sort((a, b) => b.score - a.score);
  if (exact[0]) return { ...anchorAt(body, exact[0].start, exact[0].start + old.quote.length), method: "exact", score: exact[0].score };

  const maxErrors = Math.floor(old.quote.length * MAX_ERROR_RATE);
  if (maxErrors < 1) return null;
  const fuzzy = approxSearch(body, old.quote, maxErrors)
    .filter((m) => m.end > m.start)
    .map((m) => ({ ...m, score: score(body, old, m.start, m.end, m.errors) }))
    .sort((a, b) => b.score - a.score);
  const best = fuzzy[0];
  if (!best || best.score < MIN_FUZZY_SCORE) return null;
  // trim the whitespace a fuzzy edge can pick up
  let { start, end } = best;
  while (start < end && /\s/.test(body[start]!)) start++;
  while (end > start && /\s/.test(body[end - 1]!)) end--;
  return { ...anchorAt(body, start, end), method: "fuzzy", score: best.score };
}
