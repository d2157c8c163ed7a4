/**
 * Our chrono-node refiners, run in this order after chrono's own. Each fixes
 * one thing chrono gets wrong for news copy or has no notion of; see the
 * comment on each.
 */
import type * as chrono from "chrono-node";
import { type Day, addDays, compare, isValidDay, mondayOf, weekday } from "./calendar";
import { type Part, type Which, narrow, narrowPart, period, plus } from "./date-periods";
import { TAG, dayOf, extendLeft, pubOf, setValue, valueOf } from "./date-components";

type Refine = (context: chrono.ParsingContext, results: chrono.ParsingResult[]) => chrono.ParsingResult[];
const refiner = (refine: Refine): chrono.Refiner => ({ refine });

const before = (context: chrono.ParsingContext, r: chrono.ParsingResult, chars = 40) => context.text.slice(Math.max(0, r.index - chars), r.index);
const after = (context: chrono.ParsingContext, r: chrono.ParsingResult) => context.text.slice(r.index + r.text.length, r.index + r.text.length + 3);
const possessive = (context: chrono.ParsingContext, r: chrono.ParsingResult) => /^['’]s\b/.test(after(context, r));

const WEEKDAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];
const WEEKDAY = "(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";
const NUMBER_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
};
const NUMBER = String.raw`(\d{1,4}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)`;
const UNIT = String.raw`(day|week|month|year)s?`;

const MONTH_NAME = /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}/;
const CASUAL = /^(?:today|tonight|tomorrow|yesterday|the day after tomorrow)$/i;
const RELATIVE = /^(this|next|last)\s+(week|weekend|month|quarter|year)$/i;
// a part of the day is not a clock time: "by Thursday morning" is Thursday
const WEEKDAY_TEXT = new RegExp(String.raw`^(?:(this|next|last|past|coming)\s+)?${WEEKDAY}(?:\s+(?:of\s+)?(this|last|next)\s+week)?(?:\s+(?:morning|afternoon|evening|night))?$`, "i");
const WEEKDAY_RANGE = new RegExp(String.raw`^(?:(this|next|last|past|coming)\s+)?${WEEKDAY}\s*(?:to|-|–|until|through|till)\s*${WEEKDAY}$`, "i");
// "in two weeks", "within four months", "after 10 days", "three weeks ago", "two years from now"
const DURATION = new RegExp(String.raw`^(?:(in|within|after)\s+)?${NUMBER}\s+${UNIT}(?:\s+(ago|from\s+now))?$`, "i");
// "over the next two years": chrono reads "next two years"
const NEXT_UNITS = new RegExp(String.raw`^next\s+${NUMBER}\s+${UNIT}$`, "i");
const NEXT_LEAD = /\b(?:over|in|for|during|within)\s+the\s+$/i;
// "his first in 24 years", "the highest in a decade": a span looking back, not a date ahead
const LOOKING_BACK = /\b(?:first|last|only|most|least|\w+est)\s+$/i;
// the words that make a month alone a time ("in March", "by July", "since November"), not a name or an adjective
const MONTH_WORDS = new Set(["in", "by", "until", "till", "before", "through", "since", "from", "during", "of", "next", "last", "this", "early", "late", "mid"]);

const count = (word: string) => NUMBER_WORDS[word.toLowerCase()] ?? Number(word);
const unitOf = (word: string) => word.toLowerCase().replace(/s$/, "");

/**
 * 1. Spans as the desk shows them: chrono's weekday parser takes in "on" and
 * a trailing comma, its month parser a trailing "of". Its own "end of"
 * refiner turns "the end of April" into April 30; "the end of" is read by
 * `partOfPeriod` below, as the period's last part, so it is undone here.
 */
export const normalize = refiner((context, results) => {
  for (const r of results) {
    const tags = r.tags();
    if (tags.has("refiner/ENEndOfPeriodRefiner")) {
      const m = /^end\s+of\s+(?:the\s+)?/i.exec(r.text);
      if (m) {
        r.index += m[0].length;
        r.text = r.text.slice(m[0].length);
        if (tags.has("parser/ENMonthNameParser")) {
          r.start.delete("day");
          r.start.imply("day", 1);
        }
      }
    }
    const lead = tags.has(TAG.lead) ? /^\S+[\s-]/.exec(r.text) : /^(?:[,(（]\s*)?(?:on\s+)?/i.exec(r.text);
    if (lead && lead[0].length > 0 && lead[0].length < r.text.length) {
      r.index += lead[0].length;
      r.text = r.text.slice(lead[0].length);
    }
    r.text = r.text.replace(/(?:\s+of)?[\s,)）]*$/i, "");
  }
  return results.filter((r) => r.text.length > 0);
});

/**
 * 2. Only the shapes we know how to read: calendar dates, ISO dates, named
 * weekdays, today/tomorrow/…, this/next/last week|month|quarter|year, and
 * durations counted from publication. chrono also reads "a year", "for 31
 * years", "the year before", "four years later" (relative to the story, not
 * to publication), "last night", "past year": none of these is a date.
 */
export const readable = refiner((context, results) =>
  results.filter((r) => {
    if (r.tags().has(TAG.ours)) return true;
    const text = r.text;
    if (r.start.isCertain("month") && MONTH_NAME.test(text)) return true;
    if (ISO_DATE.test(text) || CASUAL.test(text)) return true;
    if (WEEKDAY_TEXT.test(text) || RELATIVE.test(text)) return !possessive(context, r);
    if (WEEKDAY_RANGE.test(text)) return true;
    return DURATION.test(text) || (NEXT_UNITS.test(text) && NEXT_LEAD.test(before(context, r)));
  }),
);

/**
 * 3. "Feb. 23 next year", "September of last year", "March next year": chrono
 * returns the month(-day) and "next year" as two results, the first in the
 * wrong year; one result, in the year named.
 */
export const mergeRelativeYear = refiner((context, results) => {
  const out: chrono.ParsingResult[] = [];
  for (let i = 0; i < results.length; i++) {
    const a = results[i]!;
    const b = results[i + 1];
    const year = b && /^(next|last|this)\s+year$/i.exec(b.text);
    const between = b ? context.text.slice(a.index + a.text.length, b.index) : "";
    if (b && year && a.start.isCertain("month") && !a.start.isCertain("year") && /^\s*,?\s*(?:of\s+)?$/i.test(between)) {
      const y = pubOf(context).y + ({ next: 1, last: -1 }[year[1]!.toLowerCase()] ?? 0);
      a.start.assign("year", y);
      a.end?.assign("year", y);
      a.text = context.text.slice(a.index, b.index + b.text.length);
      i++;
    }
    out.push(a);
  }
  return out;
});

/**
 * 4. A weekday is the next one on or after publication ("on Wednesday" in a
 * Tuesday paper is tomorrow; "Thursday morning" is Thursday), "next Wednesday" the next one strictly after,
 * "last Wednesday" the one before; "Monday next week" is in that ISO week.
 * chrono's forward dating also moves "last Wednesday" forward.
 */
function resolveWeekday(pub: Day, target: number, which: string, week?: string): Day {
  if (week) {
    const shift = { next: 1, last: -1 }[week.toLowerCase()] ?? 0;
    return addDays(mondayOf(pub), 7 * shift + ((target + 6) % 7));
  }
  const delta = (target - weekday(pub) + 7) % 7;
  if (which === "last" || which === "past") return addDays(pub, delta === 0 ? -7 : delta - 7);
  return addDays(pub, which === "next" && delta === 0 ? 7 : delta);
}

export const weekdays = refiner((context, results) => {
  const pub = pubOf(context);
  for (const r of results) {
    const weekdayOnly = r.start.isOnlyWeekdayComponent() || (r.start.isCertain("weekday") && !r.start.isCertain("day") && !r.start.isCertain("month"));
    if (!weekdayOnly || /weekend/i.test(r.text)) continue;
    const one = WEEKDAY_TEXT.exec(r.text);
    const two = one ? null : WEEKDAY_RANGE.exec(r.text);
    const m = one ?? two;
    if (!m) continue;
    const day = resolveWeekday(pub, WEEKDAYS.indexOf(m[2]!.toLowerCase()), m[1]?.toLowerCase() ?? "", one?.[3]);
    if (two && r.end?.isOnlyWeekdayComponent()) {
      // "Monday to Friday": the end is the first such weekday on or after the start
      const end = addDays(day, (WEEKDAYS.indexOf(two[3]!.toLowerCase()) - weekday(day) + 7) % 7);
      setValue(context, r, { range: { from: day, to: end } });
    } else setValue(context, r, { day });
  }
  return results;
});

/**
 * 5. A month alone ("in March", "by July", "since November"): only after a
 * word that makes it a time, and in the year that word points to. chrono
 * forward-dates "in March" said in March to next March and ignores "last".
 */
export const monthYear = refiner((context, results) => {
  const pub = pubOf(context);
  return results.filter((r) => {
    if (!r.start.isCertain("month") || r.start.isCertain("day") || r.start.isCertain("year")) return true;
    const word = /(\w+)[\s-]*$/.exec(before(context, r, 24))?.[1]?.toLowerCase() ?? "";
    if (!MONTH_WORDS.has(word)) return false;
    const month = r.start.get("month")!;
    let y = pub.y;
    if (word === "last" || word === "since" || word === "from") {
      if (month >= pub.m) y--;
    } else if (month < pub.m || (word === "next" && month === pub.m)) y++;
    r.start.assign("year", y);
    if (r.end && r.end.isCertain("month") && !r.end.isCertain("year")) r.end.assign("year", r.end.get("month")! < month ? y + 1 : y);
    return true;
  });
});

/** 6. "next week", "this month", "last quarter", "next weekend": chrono names a day in them; they are ranges (weeks run Monday to Sunday). */
export const periods = refiner((context, results) => {
  for (const r of results) {
    const m = RELATIVE.exec(r.text);
    if (m) setValue(context, r, { range: period(pubOf(context), m[2]!, m[1]!.toLowerCase() as Which) });
  }
  return results;
});

/**
 * 7. Durations from publication: "in two weeks" and "after 10 days" are a
 * day, "within four months" and "over the next two years" a range from
 * publication. A bare "three years" is a length, not a date; months are
 * counted with the day clamped (chrono runs Jan. 31 + 1 month into March).
 */
export const durations = refiner((context, results) => {
  const pub = pubOf(context);
  return results.filter((r) => {
    const m = DURATION.exec(r.text);
    const next = m ? null : NEXT_UNITS.exec(r.text);
    if (!m && !next) return true;
    if (LOOKING_BACK.test(before(context, r, 24))) return false;
    if (next) {
      extendLeft(context, r, r.index - NEXT_LEAD.exec(before(context, r))![0].length);
      setValue(context, r, { range: { from: pub, to: plus(pub, count(next[1]!), unitOf(next[2]!)) } });
      return true;
    }
    const [, lead, n, unit, tail] = m!;
    if (!lead && !tail) return false;
    if (tail?.toLowerCase() === "ago") setValue(context, r, { day: plus(pub, -count(n!), unitOf(unit!)) });
    else {
      const end = plus(pub, count(n!), unitOf(unit!));
      setValue(context, r, lead?.toLowerCase() === "within" ? { range: { from: pub, to: end } } : { day: end });
    }
    return true;
  });
});

/**
 * 8. A bare month-day is the next one on or after publication (chrono's
 * forward dating); when that rolled it into next year but the day was under
 * 120 days before publication, it is more likely the recent past
 * ("the launch on October 31" in a November paper): tagged `recent`.
 */
const RECENT_DAYS = 120;
export const recent = refiner((context, results) => {
  const pub = pubOf(context);
  for (const r of results) {
    if (!r.start.isCertain("month") || !r.start.isCertain("day") || r.start.isCertain("year")) continue;
    const day = dayOf(r.start);
    const lastYear = { ...day, y: day.y - 1 };
    if (day.y > pub.y && isValidDay(lastYear.y, lastYear.m, lastYear.d) && compare(lastYear, pub) < 0 && compare(addDays(lastYear, RECENT_DAYS), pub) >= 0) {
      r.addTag(TAG.recent);
    }
  }
  return results;
});

const PART_WORDS: Record<string, Part> = { early: "start", mid: "middle", late: "end", start: "start", beginning: "start", middle: "middle", end: "end" };

/**
 * 9. The part of a period: "early next year" (January to April), "mid-2026",
 * "later this year" (the period itself, from publication), "the end of
 * April" (its last ten days), "the end of 2025" (its December).
 */
export const partOfPeriod = refiner((context, results) => {
  for (const r of results) {
    let value = valueOf(r);
    if (!value || !("range" in value)) continue;
    const soft = /\b(later|earlier|early|late|mid)[\s-]$/i.exec(before(context, r));
    if (soft) {
      const part = PART_WORDS[soft[1]!.toLowerCase()];
      if (part) value = narrow(value, part);
      extendLeft(context, r, r.index - soft[0].length);
    }
    const of = /(?:\bthe\s+)?\b(end|start|beginning|middle)\s+of\s+(?:the\s+)?$/i.exec(before(context, r));
    if (of) {
      value = narrowPart(value, PART_WORDS[of[1]!.toLowerCase()]!);
      extendLeft(context, r, r.index - of[0].length);
    }
    if (soft || of) setValue(context, r, value);
  }
  return results;
});

/** 10. "by 2030", "until June 2028", "before the summer": a deadline, the range from publication to the period's end. */
export const deadline = refiner((context, results) => {
  const pub = pubOf(context);
  for (const r of results) {
    const m = /\b(by|until|till|through|before|no\s+later\s+than)\s+$/i.exec(before(context, r));
    const value = m && valueOf(r);
    if (!m || !value) continue;
    const isBefore = m[1]!.toLowerCase() === "before";
    const to = "day" in value ? addDays(value.day, isBefore ? -1 : 0) : isBefore ? addDays(value.range.from, -1) : value.range.to;
    setValue(context, r, { range: { from: pub, to } });
    extendLeft(context, r, r.index - m[0].length);
  }
  return results;
});

/** 11. Our refiners widened spans to the left: the earliest, then the longest, wins. */
export const dropOverlaps = refiner((_context, results) => {
  const sorted = [...results].sort((a, b) => a.index - b.index || b.text.length - a.text.length);
  const out: chrono.ParsingResult[] = [];
  let end = -1;
  for (const r of sorted) {
    if (r.index < end) continue;
    out.push(r);
    end = r.index + r.text.length;
  }
  return out;
});

export const OUR_REFINERS: chrono.Refiner[] = [normalize, readable, mergeRelativeYear, weekdays, monthYear, periods, durations, recent, partOfPeriod, deadline, dropOverlaps];
