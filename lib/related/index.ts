/**
 * "Possibly the same claim": which of the retrieved candidates from other
 * sources assert what the target asserts, and why. Pure: no database, no
 * clock; kept between calls only what is bounded and does not depend on the
 * desk: the date reader's cache (lib/suggestions/dates.ts, 500 texts) and
 * what each word is (vocabulary.ts, 20,000 words).
 *
 * Score (0..1): a weighted sum of five agreements, each 0..1 (score.ts):
 *   text 0.35 (TF-IDF cosine and containment, BM25-scaled; text.ts),
 *   entities 0.25 (entities.ts), date 0.20 (dates.ts, date-match.ts),
 *   speaker 0.10 (speakers.ts), numbers 0.10 (numbers.ts);
 * times 0.6 when both claims name days and none agree (different events);
 * a candidate whose figures of one unit disagree ("$2.3 billion" against
 * "$3.2 billion") is dropped outright. Claims at or above RELATED_THRESHOLD
 * (0.35) are returned, best first, at most `limit` (5).
 *
 * Why 0.35: it takes two kinds of agreement. Wording alone reaches it only
 * verbatim; the same people and places alone (0.25) do not, nor any date or
 * speaker alone; the same people with the same date, a prediction's window
 * or some shared wording do. On the seeded desk the pairs that tell one
 * event or fulfil one prediction score 0.37-0.78; the closest pairs that do
 * not stay under 0.33.
 *
 * Speed: words, names and figures cost a few tens of microseconds per
 * candidate; reading dates (chrono) costs far more, so it runs last, only
 * for the candidates whose score could still reach the threshold and the
 * top `limit`, best upper bound first.
 */
import { claimDates } from "./dates";
import { type DateMatch, bestPossible, matchDates } from "./date-match";
import { newContext, prepare } from "./prepare";
import { type Parts, WEIGHTS, reasonsFor, scoreParts } from "./score";
import { bestTextScore, compareBags, idfOf, norm, textSimilarity } from "./text";
import type { Candidate, RelateOptions, RelatedClaim, RelatedInput } from "./types";

export type { Candidate, Reason, RelateOptions, RelatedClaim, RelatedInput } from "./types";
export { WEIGHTS } from "./score";

export const RELATED_THRESHOLD = 0.35;
export const DEFAULT_LIMIT = 5;
/** Both name days, none agree: most likely two events (arrived on the 30th, met on the 1st). */
const DATE_CONFLICT_FACTOR = 0.6;

const round = (x: number) => Math.round(Math.min(1, Math.max(0, x)) * 1000) / 1000;

/** Candidates of other sources, each once, never the target itself. */
function poolOf(target: RelatedInput, candidates: Candidate[]): Candidate[] {
  const seen = new Set<number>([target.id]);
  return candidates.filter((c) => {
    if (c.sourceId === target.sourceId || seen.has(c.id)) return false;
    seen.add(c.id);
    return true;
  });
}

export function relateClaims(target: RelatedInput, candidates: Candidate[], options: RelateOptions = {}): RelatedClaim[] {
  const limit = options.limit ?? DEFAULT_LIMIT;
  const pool = poolOf(target, candidates);
  if (limit <= 0 || pool.length === 0) return [];

  const ctx = newContext([target, ...pool], options.entityAliases);
  const me = prepare(target, ctx, true);
  ctx.figures = me.figures.length > 0;
  const others = pool.map((c) => prepare(c, ctx));
  const idf = idfOf([me.bag, ...others.map((o) => o.bag)]);
  const myNorms = norm(me.bag, idf);
  const best = bestTextScore(pool.map((c) => c.textScore));

  // the target's dates are read once, and bound what any candidate's dates can add
  const myDates = claimDates(target);
  const dateBonus = WEIGHTS.date * bestPossible(myDates);
  const hopeful: Parts[] = [];
  for (const other of others) {
    const text = textSimilarity(compareBags(me.bag, myNorms, other.bag, norm(other.bag, idf), idf), other.claim.textScore, best);
    const parts = scoreParts(me, other, text);
    if (parts && parts.partial + dateBonus >= RELATED_THRESHOLD) hopeful.push(parts);
  }
  hopeful.sort((a, b) => b.partial - a.partial);

  // candidates' dates last, best upper bound first; stop once no upper bound can beat the limit-th result
  const found: Array<{ parts: Parts; dates: DateMatch | null; score: number }> = [];
  for (const parts of hopeful) {
    if (found.length >= limit && parts.partial + dateBonus < found[limit - 1]!.score) break;
    const dates = myDates.length > 0 ? matchDates(myDates, claimDates(parts.other.claim)) : null;
    let score = parts.partial + WEIGHTS.date * (dates?.score ?? 0);
    if (dates?.conflict) score *= DATE_CONFLICT_FACTOR;
    if (score < RELATED_THRESHOLD) continue;
    found.push({ parts, dates, score });
    found.sort((a, b) => b.score - a.score);
  }
  return found.slice(0, limit).map(({ parts, dates, score }) => ({
    claim: parts.other.claim,
    score: round(score),
    reasons: reasonsFor(me, parts, dates, idf),
  }));
}
