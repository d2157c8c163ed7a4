/**
 * How the dates of two claims agree. The same day is the strongest sign
 * two reports tell one event; the same month (when either names only a
 * month) a weaker one; overlapping periods weaker still, the more so the
 * wider they are. Two claims that each name days, none of which agree or
 * overlap, most likely tell different events (arrived on the 30th, met on
 * the 1st): that is a conflict the score pays for. A prediction's window
 * that holds the day or month a later report names is as telling as the
 * same month: it is how a prediction comes true ("will visit after March" in
 * January, "the visit in June" in November).
 */
import type { ClaimDate } from "./dates";

export type DateMatch = { score: number; detail: string | null; conflict: boolean };

const SAME_DAY = 1;
const SAME_MONTH = 0.7;
const OVERLAP_MAX = 0.5;
const FULFILS_WINDOW = 0.85;
const MS_PER_DAY = 86_400_000;

const days = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / MS_PER_DAY) + 1;
const quoted = (d: ClaimDate) => (d.text.startsWith("resolves by") ? d.text : `'${d.text}' in a ${d.published} article`);
const label = (d: ClaimDate) => (d.precision === "day" ? d.from : d.precision === "month" ? d.from.slice(0, 7) : `${d.from} to ${d.to}`);

/** b names a day or month inside a's prediction window and was published after a. */
function fulfils(a: ClaimDate, b: ClaimDate): boolean {
  return a.window && b.precision !== "range" && b.published > a.published && a.from <= b.from && b.to <= a.to;
}

function pairScore(a: ClaimDate, b: ClaimDate): { score: number; detail: string } | null {
  if (a.to < b.from || b.to < a.from) return null;
  if (fulfils(a, b) || fulfils(b, a)) {
    const [w, e] = fulfils(a, b) ? [a, b] : [b, a];
    return { score: FULFILS_WINDOW, detail: `within the predicted window: ${label(e)} (${quoted(e)}) falls in ${label(w)} (${quoted(w)})` };
  }
  if (a.precision === "day" && b.precision === "day") return { score: SAME_DAY, detail: `same date: ${a.from} (${quoted(a)}; ${quoted(b)})` };
  const month = a.from.slice(0, 7);
  const oneMonth = (d: ClaimDate) => d.from.slice(0, 7) === month && d.to.slice(0, 7) === month;
  if ((a.precision === "month" || b.precision === "month") && oneMonth(a) && oneMonth(b)) {
    return { score: SAME_MONTH, detail: `same month: ${month} (${quoted(a)}; ${quoted(b)})` };
  }
  const overlap = days(a.from > b.from ? a.from : b.from, a.to < b.to ? a.to : b.to);
  const ratio = overlap / Math.max(days(a.from, a.to), days(b.from, b.to));
  return { score: OVERLAP_MAX * Math.sqrt(ratio), detail: `overlapping dates: ${label(a)} (${quoted(a)}) and ${label(b)} (${quoted(b)})` };
}

/**
 * The most a claim with these dates can get from any other claim's dates:
 * a day can meet the same day, a month the same month or a prediction's
 * window, a window a day inside it; plain periods only overlap. Lets the
 * caller skip reading the dates of claims that could not reach the
 * threshold even so.
 */
export function bestPossible(dates: ClaimDate[]): number {
  let best = 0;
  for (const d of dates) {
    const score = d.precision === "day" ? SAME_DAY : d.precision === "month" || d.window ? FULFILS_WINDOW : OVERLAP_MAX;
    if (score > best) best = score;
  }
  return best;
}

/** The best-agreeing pair of dates (the first of equals), or whether the two claims conflict. */
export function matchDates(a: ClaimDate[], b: ClaimDate[]): DateMatch {
  let best: { score: number; detail: string } | null = null;
  for (const x of a) {
    for (const y of b) {
      const p = pairScore(x, y);
      if (p && (!best || p.score > best.score)) best = p;
    }
  }
  if (best) return { score: best.score, detail: best.detail, conflict: false };
  const namesDay = (list: ClaimDate[]) => list.some((d) => d.precision === "day");
  return { score: 0, detail: null, conflict: namesDay(a) && namesDay(b) };
}
