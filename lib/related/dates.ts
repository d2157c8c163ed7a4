/**
 * The dates a claim names, each resolved against its own source's publication
 * date, so "Wednesday" in a Tuesday 2024-10-29 paper and "October 30" in a
 * 2024-11-04 paper are both 2024-10-30. findDateExpressions (chrono-node with
 * our refiners) reads forwards, as suits predictions; here the tense of the
 * clause decides for the shapes that carry no year of their own: a weekday,
 * a month-day or a month alone in a past-tense clause is the last one on or
 * before publication ("arrived on Monday", "was signed in June"); with no
 * tense near it ("a summit with Kim in June"), the one nearer publication,
 * except in a prediction, which looks ahead.
 * Explicit years and relative words ("next", "last", "ago") are left as read.
 */
import { boundedCache } from "./bounded-cache";
import { findDateExpressions, type DateExpression } from "@/lib/suggestions/dates";
import { type Day, addDays, addMonths, daysInMonth, iso, parsePublished } from "@/lib/suggestions/calendar";
import { tenseAt } from "./tense";
import type { RelatedInput } from "./types";

export type Precision = "day" | "month" | "range";

export type ClaimDate = {
  from: string;
  to: string;
  precision: Precision;
  /** as written ("Wednesday"), or "resolves by 2024-12-31" */
  text: string;
  /** the publication date it was read against */
  published: string;
  /** a prediction's period ahead of its publication: an event reported later inside it fulfils it */
  window: boolean;
};

const MONTH = String.raw`(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?`;
const WEEKDAY_ONLY = /^(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day$/i;
const MONTH_DAY = new RegExp(String.raw`^(?:${MONTH}\s+\d{1,2}(?:st|nd|rd|th)?|\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?${MONTH})$`, "i");
const MONTH_ONLY = new RegExp(String.raw`^${MONTH}$`, "i");

const toDay = (s: string): Day => parsePublished(s);

function valueRange(e: DateExpression): { from: string; to: string } {
  return "date" in e.value ? { from: e.value.date, to: e.value.date } : { from: e.value.range.from, to: e.value.range.to };
}

function precisionOf(from: string, to: string): Precision {
  if (from === to) return "day";
  const f = toDay(from);
  return from.slice(0, 7) === to.slice(0, 7) && f.d === 1 && toDay(to).d === daysInMonth(f.y, f.m) ? "month" : "range";
}

/** The same shape one period earlier: a week for a weekday, a year for a month-day or a month. */
function stepBack(e: DateExpression, from: string, to: string): { from: string; to: string } | null {
  const text = e.text.trim();
  if (WEEKDAY_ONLY.test(text)) return { from: iso(addDays(toDay(from), -7)), to: iso(addDays(toDay(to), -7)) };
  if (MONTH_DAY.test(text) || MONTH_ONLY.test(text)) {
    const f = addMonths(toDay(from), -12);
    const t = toDay(to);
    const last = { y: t.y - 1, m: t.m, d: Math.min(t.d, daysInMonth(t.y - 1, t.m)) };
    return { from: iso(f), to: iso(last) };
  }
  return null;
}

const distance = (a: string, b: string) => Math.abs(Date.parse(a) - Date.parse(b));

function datesOf(text: string, publishedAt: string, published: string, prediction: boolean): ClaimDate[] {
  const out: ClaimDate[] = [];
  for (const e of findDateExpressions(text, publishedAt)) {
    let { from, to } = valueRange(e);
    if (from > published) {
      const tense = tenseAt(text, e.start, e.end);
      const back = tense === "future" ? null : stepBack(e, from, to);
      // told in the past, or the reader's own "recent" judgement; no tense at all: the nearer one, unless the claim is a prediction
      const nearer = !prediction && back !== null && distance(back.to, published) < distance(from, published);
      const take = back !== null && back.to <= published && (tense === "past" || e.past || nearer);
      if (take) ({ from, to } = back);
    }
    const precision = precisionOf(from, to);
    out.push({ from, to, precision, text: e.text, published, window: prediction && precision === "range" && from >= published });
  }
  return out;
}

/**
 * Dates of the quote (else of the proposition: it restates the quote's
 * dates more often than not, and each reading costs a chrono pass), then a
 * prediction's window (publication to resolvesOn) when the text gave no
 * date equal to it.
 * Parsing is the slow part of relating claims (chrono), so callers ask for
 * it only for candidates that can still make the threshold, and a claim's
 * dates are kept (keyed by everything they are read from, so an edited claim
 * is read afresh): the same claims come up as candidates again and again.
 */
export function claimDates(claim: RelatedInput): ClaimDate[] {
  const key = `${claim.type}\u0000${claim.source.publishedAt}\u0000${claim.resolvesOn ?? ""}\u0000${claim.quote}\u0000${claim.proposition ?? ""}`;
  return known.get(key) ?? known.set(key, readClaimDates(claim));
}

/** At most this many claims' dates are kept (about 5 MB). */
const MAX_CLAIMS = 10_000;
const known = boundedCache<ClaimDate[]>(MAX_CLAIMS);

function readClaimDates(claim: RelatedInput): ClaimDate[] {
  const published = iso(parsePublished(claim.source.publishedAt));
  const prediction = claim.type === "prediction";
  const out = datesOf(claim.quote, claim.source.publishedAt, published, prediction);
  if (out.length === 0 && claim.proposition) out.push(...datesOf(claim.proposition, claim.source.publishedAt, published, prediction));
  const resolves = claim.resolvesOn?.slice(0, 10);
  if (resolves && /^\d{4}-\d{2}-\d{2}$/.test(resolves) && resolves >= published && !out.some((d) => d.from === resolves && d.to === resolves)) {
    const precision = precisionOf(published, resolves);
    out.push({ from: published, to: resolves, precision, text: `resolves by ${resolves}`, published, window: precision === "range" });
  }
  return out;
}
