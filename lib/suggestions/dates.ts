/**
 * Date expressions resolved against the article's publication date, read by
 * chrono-node (`chrono.en.casual`, forward dating) with parsers and refiners
 * of ours where chrono is wrong for the future-tense sentences a prediction
 * lives in, or silent.
 *
 * chrono does: finding and reading calendar dates in all their spellings
 * ("Feb. 23", "Monday, March 17", "16 February 2024", "Dec. 10, 2025",
 * "2025-03-01", "March 3-5", "December 2026"), weekdays, today/tomorrow/
 * yesterday, "next week|month|year", "in two weeks", "three weeks ago", and
 * forward dating: a bare month-day is the next one on or after publication
 * ("Jan. 1" in December is next January).
 *
 * Ours (date-parsers.ts, date-refiners.ts; the reason is on each):
 * - parsers for what chrono has no notion of: seasons ("next summer", "in the
 *   fall"), halves and quarters ("the first half of next year", "Q3 2025"),
 *   a bare year after a preposition ("by 2030"), "the coming week", "by May",
 *   "the weekend" (the coming Saturday–Sunday), public holidays ("by Memorial
 *   Day", "before Christmas": date-holidays.ts);
 * - a gate on chrono's parsers: no clock times, "now", bare numerals, lowercase
 *   "march"/"sun", and a filter keeping only the shapes we read ("a year",
 *   "four years later", "for 31 years" are not dates);
 * - refiners: "Feb. 23 next year" is one date, not two; weekdays: "next
 *   Wednesday" strictly after, "last Wednesday" backwards (chrono's forward
 *   dating moves it ahead); a month alone in the year its preposition points
 *   to; periods are ranges, never a guessed day ("next week" Monday to Sunday,
 *   "next year", "within four months" from publication); early/mid/late, "later
 *   this year", "the end of"; "by/until/before …" a deadline from publication
 *   to the period's end; the `recent` flag on a month-day that chrono rolled
 *   into next year but was under 120 days before publication.
 *
 * Dates resolve against the publisher's local date (the date part of
 * `publishedAt` as written, with its offset), never today. chrono runs only
 * on text with a date-ish token, in windows of at most 600 characters, so
 * long text stays linear.
 */
import * as chrono from "chrono-node";
import { type Day, compare, iso, parsePublished } from "./calendar";
import type { Value } from "./date-periods";
import { TAG, referenceFor, valueOf } from "./date-components";
import { OUR_PARSERS, gated } from "./date-parsers";
import { OUR_REFINERS } from "./date-refiners";

export type DateValue = { date: string } | { range: { from: string; to: string } };
export type DateExpression = { start: number; end: number; text: string; value: DateValue; past: boolean };

const reader = chrono.en.casual.clone();
reader.parsers = [...reader.parsers.map(gated), ...OUR_PARSERS];
reader.refiners = [...reader.refiners, ...OUR_REFINERS];

// one cheap pass first, on the text and on each window: most sentences have no date-ish token at all
// (every shape we read has one: a capitalised month or weekday, a year, a unit of time, Q3/H1)
const NAME_TOKEN = /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun|[QH][1-4]\b|(?:19|20|21)\d\d\b)/;
const WORD_TOKEN = /\b(?:today|tonight|tomorrow|yesterday|days?|weeks?|weekend|months?|years?|summer|winter|spring|fall|autumn|half|quarter|Christmas|Thanksgiving|Halloween|Easter|Juneteenth|New Year['’]s)\b/i;
const dateish = (text: string) => NAME_TOKEN.test(text) || WORD_TOKEN.test(text);
const PAST_WORDS = /\b(last|yesterday|ago|earlier|since|previous|past)\b/i;
const MAX_WINDOW = 600;
const MIN_WINDOW = 200;

/** Windows of at most MAX_WINDOW characters, cut after a sentence end if there is one, else at a space. */
function windows(text: string): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  for (let start = 0; start < text.length; ) {
    let end = Math.min(text.length, start + MAX_WINDOW);
    if (end < text.length) {
      let sentence = -1;
      let space = -1;
      for (let i = end; i > start + MIN_WINDOW && sentence === -1; i--) {
        if (!/\s/.test(text[i]!)) continue;
        if (space === -1) space = i;
        if (/[.;!?\n]/.test(text[i - 1]!) && (text[i] === "\n" || /^\s+["“‘'\p{Lu}]/u.test(text.slice(i, i + 3)))) sentence = i;
      }
      end = sentence !== -1 ? sentence : space !== -1 ? space : end;
    }
    out.push({ start, end });
    start = end;
  }
  return out;
}

function toDateValue(value: Value): DateValue {
  return "day" in value ? { date: iso(value.day) } : { range: { from: iso(value.range.from), to: iso(value.range.to) } };
}

function toExpression(text: string, at: number, result: chrono.ParsedResult, pub: Day): DateExpression | null {
  const value = valueOf(result);
  if (!value) return null;
  const start = at + result.index;
  const end = start + result.text.length;
  const spanText = text.slice(start, end);
  const last = "day" in value ? value.day : value.range.to;
  const past = PAST_WORDS.test(spanText) || compare(last, pub) < 0 || result.tags().has(TAG.recent);
  // a future period already under way starts at publication: a prediction cannot resolve before it is made
  const clipped = !past && "range" in value && compare(value.range.from, pub) < 0 ? { range: { from: pub, to: value.range.to } } : value;
  return { start, end, text: spanText, value: toDateValue(clipped), past };
}

/**
 * The same sentence is read several times per article (as a claim, as the
 * context of another, for a dated event): chrono is slow enough next to the
 * rest of the pipeline to keep the last few hundred answers.
 */
const CACHE_SIZE = 500;
const CACHE_MAX_TEXT = 2_000;
const cache = new Map<string, DateExpression[]>();

function copy(d: DateExpression, offset: number): DateExpression {
  const value = "date" in d.value ? { date: d.value.date } : { range: { ...d.value.range } };
  return { ...d, start: d.start + offset, end: d.end + offset, value };
}

function read(text: string, pub: Day): DateExpression[] {
  const reference = referenceFor(pub);
  const out: DateExpression[] = [];
  for (const w of windows(text)) {
    const slice = text.slice(w.start, w.end);
    if (!dateish(slice)) continue;
    for (const result of reader.parse(slice, reference, { forwardDate: true })) {
      const found = toExpression(text, w.start, result, pub);
      if (found) out.push(found);
    }
  }
  return out;
}

/**
 * Every date expression in text, resolved against publishedAt, in order.
 * `offset` is added to the returned positions (for text cut out of a body).
 */
export function findDateExpressions(text: string, publishedAt: string, offset = 0): DateExpression[] {
  if (!dateish(text)) return [];
  const pub = parsePublished(publishedAt);
  if (text.length > CACHE_MAX_TEXT) return read(text, pub).map((d) => copy(d, offset));
  const key = `${iso(pub)} ${text}`;
  let found = cache.get(key);
  if (!found) {
    found = read(text, pub);
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
    cache.set(key, found);
  }
  return found.map((d) => copy(d, offset));
}

/** The first date expression in text, resolved forwards from the publication date. */
export function resolveFutureDate(text: string, publishedAt: string): DateValue | null {
  const [first] = findDateExpressions(text, publishedAt);
  return first ? first.value : null;
}
