/**
 * Date expressions resolved against the article's publication date. chrono-node
 * reads "Feb. 23 next year" as two dates and resolves a bare weekday backwards,
 * which is wrong for the future-tense sentences a prediction lives in; these
 * rules read the whole phrase and resolve forwards:
 * - a bare month-day is the next one on/after publication ("Jan. 1" in December
 *   is next January); "next year"/"last year"/a year after it fixes the year;
 * - a weekday is the next one on/after publication ("on Wednesday" in a Tuesday
 *   paper is tomorrow); "next Wednesday" is strictly after; "last …" goes back;
 * - periods ("next summer", "later this year", "by 2030", "the first half of
 *   next year", "next week", "December 2026") are ranges, never a guessed day;
 * - "by/until …" is a deadline: the range from publication to the period's end.
 * Seasons are the northern meteorological ones (summer = June to August).
 */
import {
  type Day, type Range, addDays, addMonths, compare, daysInMonth, iso, isValidDay, monthRange, monthsRange,
  mondayOf, parsePublished, weekday, yearRange,
} from "./calendar";

export type DateValue = { date: string } | { range: { from: string; to: string } };
export type DateExpression = { start: number; end: number; text: string; value: DateValue; past: boolean };

/** `recent`: a bare month-day just before publication, rolled into next year; more likely the recent past */
type Value = ({ day: Day } | { range: Range }) & { recent?: boolean };
type Rule = { re: RegExp; resolve: (m: RegExpExecArray, pub: Day, before: string) => Value | null };

const MONTH = String.raw`(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)\b|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b\.?)`;
const WEEKDAY = String.raw`(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)`;
const NUMBER = String.raw`(?:\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty)`;
const NUMBER_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, fifteen: 15, twenty: 20, thirty: 30,
};
const SEASONS: Record<string, [number, number]> = { spring: [3, 5], summer: [6, 8], fall: [9, 11], autumn: [9, 11], winter: [12, 14] };

const monthOf = (s: string) => ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"].indexOf(s.slice(0, 3).toLowerCase()) + 1;
const weekdayOf = (s: string) => ["sun", "mon", "tue", "wed", "thu", "fri", "sat"].indexOf(s.slice(0, 3).toLowerCase());
const count = (s: string) => NUMBER_WORDS[s.toLowerCase()] ?? Number(s);
const lastWord = (s: string) => /(\w+)[\s-]*$/.exec(s)?.[1]?.toLowerCase() ?? "";

/** The next month-day on/after publication, unless a year or "next/last/this year" pins it. */
function monthDay(pub: Day, m: number, d: number, year?: string, relative?: string): Value | null {
  let y = year ? Number(year) : pub.y;
  if (relative === "next") y = pub.y + 1;
  else if (relative === "last") y = pub.y - 1;
  if (!isValidDay(y, m, d)) return null;
  if (!year && !relative && compare({ y, m, d }, pub) < 0) {
    const recent = compare(addDays({ y, m, d }, 120), pub) >= 0;
    y++;
    return isValidDay(y, m, d) ? { day: { y, m, d }, recent } : null;
  }
  return isValidDay(y, m, d) ? { day: { y, m, d } } : null;
}

/** The season's months in the year it starts; "next" is the first one starting after publication. */
function season(pub: Day, name: string, which: string, year?: number): Value {
  const [first, last] = SEASONS[name.toLowerCase()]!;
  const at = (y: number) => monthsRange(y, first, last);
  if (year !== undefined) return { range: at(year) };
  if (which === "last") {
    let y = pub.y;
    while (compare(at(y).to, pub) >= 0) y--;
    return { range: at(y) };
  }
  let y = pub.y - 1;
  const test = which === "next" ? (r: Range) => compare(r.from, pub) > 0 : (r: Range) => compare(r.to, pub) >= 0;
  while (!test(at(y))) y++;
  return { range: at(y) };
}

function period(pub: Day, unit: string, which: string): Value {
  const shift = which === "next" ? 1 : which === "last" ? -1 : 0;
  switch (unit) {
    case "week": {
      const monday = addDays(mondayOf(pub), 7 * shift);
      return { range: { from: monday, to: addDays(monday, 6) } };
    }
    case "weekend": {
      const saturday = addDays(mondayOf(pub), 5 + 7 * shift);
      return { range: { from: saturday, to: addDays(saturday, 1) } };
    }
    case "month": {
      const month = addMonths({ ...pub, d: 1 }, shift);
      return { range: monthRange(month.y, month.m) };
    }
    case "quarter": {
      const q = Math.floor((pub.m - 1) / 3) + shift;
      const first = addMonths({ y: pub.y, m: 1, d: 1 }, q * 3);
      return { range: monthsRange(first.y, first.m, first.m + 2) };
    }
    case "year":
      return { range: yearRange(pub.y + shift) };
    default:
      return season(pub, unit, which);
  }
}

/** "the first half of next year", "the third quarter", "Q3 2025": of the year given, else this year or next if past. */
function part(pub: Day, ordinal: string, unit: string, yearSpec?: string): Value | null {
  const n = { first: 1, "1st": 1, second: 2, "2nd": 2, third: 3, "3rd": 3, fourth: 4, "4th": 4, final: 0, last: 0 }[ordinal.toLowerCase()];
  if (n === undefined) return null;
  const size = unit.toLowerCase() === "half" ? 6 : 3;
  const index = n === 0 ? 12 / size : n;
  if (index > 12 / size) return null;
  const spec = yearSpec?.toLowerCase();
  let y = spec === "next year" ? pub.y + 1 : spec === "last year" ? pub.y - 1 : spec && /^\d{4}$/.test(spec) ? Number(spec) : pub.y;
  const build = (year: number) => monthsRange(year, (index - 1) * size + 1, index * size);
  if (!spec && compare(build(y).to, pub) < 0) y++;
  return { range: build(y) };
}

function plus(pub: Day, n: number, unit: string): Day {
  if (unit === "day") return addDays(pub, n);
  if (unit === "week") return addDays(pub, 7 * n);
  return addMonths(pub, unit === "month" ? n : 12 * n);
}

const RULES: Rule[] = [
  {
    // "Monday, March 17", "Feb. 23 next year", "December 10, 2025"
    re: new RegExp(String.raw`\b(?:${WEEKDAY},?\s+)?(${MONTH})\s+(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(\d{4})\b)?(?:,?\s+(next|this|last)\s+year\b)?`, "g"),
    resolve: (m, pub) => monthDay(pub, monthOf(m[1]!), Number(m[2]), m[3], m[4]?.toLowerCase()),
  },
  {
    // "16 February 2024", "the 5th of March"
    re: new RegExp(String.raw`\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(${MONTH})(?:,?\s+(\d{4})\b)?`, "g"),
    resolve: (m, pub) => monthDay(pub, monthOf(m[2]!), Number(m[1]), m[3]),
  },
  { re: /\b(\d{4})-(\d{2})-(\d{2})\b/g, resolve: (m) => (isValidDay(+m[1]!, +m[2]!, +m[3]!) ? { day: { y: +m[1]!, m: +m[2]!, d: +m[3]! } } : null) },
  {
    re: new RegExp(String.raw`\b(${MONTH}),?\s+(\d{4})\b`, "g"),
    resolve: (m) => ({ range: monthRange(Number(m[2]), monthOf(m[1]!)) }),
  },
  {
    // a weekday, not its possessive ("Monday’s trip" names a past event)
    re: new RegExp(String.raw`\b(?:(next|last|this|coming)\s+)?(${WEEKDAY})\b(?!['’]s)`, "g"),
    resolve: (m, pub) => {
      const which = m[1]?.toLowerCase();
      const delta = (weekdayOf(m[2]!) - weekday(pub) + 7) % 7;
      if (which === "last") return { day: addDays(pub, delta === 0 ? -7 : delta - 7) };
      return { day: addDays(pub, which === "next" && delta === 0 ? 7 : delta) };
    },
  },
  {
    re: /\b(the day after tomorrow|tomorrow|today|tonight|yesterday)\b/gi,
    resolve: (m, pub) => ({ day: addDays(pub, { "the day after tomorrow": 2, tomorrow: 1, today: 0, tonight: 0, yesterday: -1 }[m[1]!.toLowerCase()] ?? 0) }),
  },
  {
    // not the possessive: "this year’s 75th anniversary" names an occasion, not a time
    re: /\b(?:(later|earlier|early|late|mid)[\s-])?(this|next|last|the coming|coming|the following)\s+(week|weekend|month|quarter|year|summer|winter|spring|fall|autumn)\b(?!['’]s)/gi,
    resolve: (m, pub) => {
      const which = m[2]!.toLowerCase().replace(/^the /, "");
      const value = period(pub, m[3]!.toLowerCase(), which === "coming" || which === "following" ? "next" : which);
      const part = m[1]?.toLowerCase();
      return part === "early" || part === "mid" || part === "late" ? narrow(value, part === "early" ? "start" : part === "mid" ? "middle" : "end") : value;
    },
  },
  {
    re: /\b(?:the\s+)?(first|second|third|fourth|final|last|1st|2nd|3rd|4th)\s+(half|quarter)(?:\s+of\s+(this year|next year|last year|\d{4}))?\b/gi,
    resolve: (m, pub) => part(pub, m[1]!, m[2]!, m[3]),
  },
  { re: /\b([QH])([1-4])\s*(\d{4})?\b/g, resolve: (m, pub) => part(pub, ["first", "second", "third", "fourth"][Number(m[2]) - 1]!, m[1] === "H" ? "half" : "quarter", m[3]) },
  {
    re: /\b(early|mid|late)[\s-](\d{4})\b/gi,
    resolve: (m) => narrow({ range: yearRange(Number(m[2])) }, m[1]!.toLowerCase() === "early" ? "start" : m[1]!.toLowerCase() === "mid" ? "middle" : "end"),
  },
  {
    // a bare year only after a preposition: "in 2026", "by 2030" ("the 2030 target" is not a date)
    re: /(?<=\b(?:in|by|until|till|through|before|during|since|from|after|of|for)\s)((?:19|20|21)\d\d)\b(?![.,]\d)(?!\s*(?:%|percent|per\s+cent))/gi,
    resolve: (m) => ({ range: yearRange(Number(m[1])) }),
  },
  {
    re: /\b(?:(?:in|during|next|last|this)\s+)?(?:the\s+)?(summer|winter|spring|fall|autumn)(?:\s+(?:of\s+)?(\d{4}))?\b/gi,
    resolve: (m, pub, before) => {
      const prefix = /\b(next|last|this)\s/i.exec(m[0])?.[1]?.toLowerCase() ?? (/\bthe\s/i.test(m[0]) || /\b(in|during|by|until|before)\s*$/i.test(before) ? "" : null);
      if (prefix === null && !m[2]) return null; // "fall" the verb
      return season(pub, m[1]!, prefix ?? "", m[2] ? Number(m[2]) : undefined);
    },
  },
  {
    // "September of last year", "March next year"
    re: new RegExp(String.raw`\b(${MONTH})\s+(?:of\s+)?(last|this|next)\s+year\b`, "g"),
    resolve: (m, pub) => ({ range: monthRange(pub.y + ({ last: -1, this: 0, next: 1 }[m[2]!.toLowerCase()] ?? 0), monthOf(m[1]!)) }),
  },
  {
    // a month alone, after a word that makes it a time: "in March", "by July", "since November"
    re: new RegExp(String.raw`(?<=\b(?:in|by|until|till|before|through|since|from|during|of|next|last|this|early|late|mid)[\s-])(${MONTH})(?!\s*\d)`, "g"),
    resolve: (m, pub, before) => {
      const month = monthOf(m[1]!);
      const which = lastWord(before);
      let y = pub.y;
      if (which === "last" || which === "since" || which === "from") {
        if (month >= pub.m) y--;
      } else if (month < pub.m || (which === "next" && month === pub.m)) y++;
      return { range: monthRange(y, month) };
    },
  },
  {
    re: new RegExp(String.raw`\b(in|within|after|over the next|in the next|for the next)\s+(${NUMBER})\s+(day|week|month|year)s?\b`, "gi"),
    resolve: (m, pub, before) => {
      const n = count(m[2]!);
      // "his first in 24 years", "the highest in a decade": a span looking back, not a date ahead
      if (!Number.isFinite(n) || /\b(?:first|last|only|most|least|\w+est)\s*$/i.test(before)) return null;
      const end = plus(pub, n, m[3]!.toLowerCase());
      return m[1]!.toLowerCase() === "in" || m[1]!.toLowerCase() === "after" ? { day: end } : { range: { from: pub, to: end } };
    },
  },
  {
    re: new RegExp(String.raw`\b(${NUMBER})\s+(day|week|month|year)s?\s+ago\b`, "gi"),
    resolve: (m, pub) => (Number.isFinite(count(m[1]!)) ? { day: plus(pub, -count(m[1]!), m[2]!.toLowerCase()) } : null),
  },
];

/** The end (start, middle) part of a period: a year's last four months (Dec. for "the end of"), a quarter's last month, a month's last ten days. */
function narrow(value: Value, which: "start" | "middle" | "end"): Value {
  if ("day" in value) return value;
  const { from, to } = value.range;
  const months = (to.y - from.y) * 12 + (to.m - from.m) + 1;
  if (months >= 12) {
    const [a, b] = which === "start" ? [1, 4] : which === "middle" ? [5, 8] : [9, 12];
    return { range: monthsRange(from.y, a, b) };
  }
  if (months > 1) {
    const at = addMonths({ ...from, d: 1 }, which === "start" ? 0 : which === "middle" ? Math.floor(months / 2) : months - 1);
    return { range: monthRange(at.y, at.m) };
  }
  const last = daysInMonth(from.y, from.m);
  const [a, b] = which === "start" ? [1, 10] : which === "middle" ? [11, 20] : [21, last];
  return { range: { from: { ...from, d: Math.max(a, from.d) }, to: { ...from, d: Math.min(b, last) } } };
}

/** "the end of 2025" is its December; "early 2025" (narrow) is January to April. */
function narrowPart(value: Value, which: "start" | "middle" | "end"): Value {
  if ("range" in value) {
    const { from, to } = value.range;
    if ((to.y - from.y) * 12 + (to.m - from.m) + 1 >= 12 && which !== "middle") {
      return { range: monthRange(which === "end" ? to.y : from.y, which === "end" ? 12 : 1) };
    }
  }
  return narrow(value, which);
}

const TRIGGER = /\d|\b(?:today|tonight|tomorrow|yesterday|week|weekend|month|year|summer|winter|spring|fall|autumn|half|quarter|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun)/i;
const PREFIX = /(?:\b(by|until|till|through|before|no later than)\s+)?(?:(?:\bthe\s+)?\b(end|start|beginning|middle)\s+of\s+)?(?:\bthe\s+)?$/i;
const PAST_WORDS = /\b(last|yesterday|ago|earlier|since|previous|past)\b/i;

function toDateValue(value: Value): DateValue {
  return "day" in value ? { date: iso(value.day) } : { range: { from: iso(value.range.from), to: iso(value.range.to) } };
}

/**
 * Every date expression in text, resolved against publishedAt, in order.
 * `offset` is added to the returned positions (for text cut out of a body).
 */
export function findDateExpressions(text: string, publishedAt: string, offset = 0): DateExpression[] {
  // one cheap pass first: most sentences have no date word at all
  if (!TRIGGER.test(text)) return [];
  const pub = parsePublished(publishedAt);
  const found: Array<{ start: number; end: number; value: Value }> = [];
  for (const rule of RULES) {
    rule.re.lastIndex = 0;
    for (let m = rule.re.exec(text); m; m = rule.re.exec(text)) {
      if (m[0].length === 0) {
        rule.re.lastIndex++;
        continue;
      }
      const value = rule.resolve(m, pub, text.slice(Math.max(0, m.index - 24), m.index));
      if (value) found.push({ start: m.index, end: m.index + m[0].length, value });
    }
  }
  // earliest first, longest first at one start; drop any that overlap a kept one
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: DateExpression[] = [];
  let lastEnd = -1;
  for (const f of found) {
    if (f.start < lastEnd) continue;
    lastEnd = f.end;
    const window = text.slice(Math.max(0, f.start - 40), f.start);
    const prefix = PREFIX.exec(window);
    let value = f.value;
    let start = f.start;
    if (prefix && prefix[0].length > 0) {
      const which = prefix[2]?.toLowerCase();
      if (which) value = narrowPart(value, which === "end" ? "end" : which === "middle" ? "middle" : "start");
      const deadline = prefix[1]?.toLowerCase();
      if (deadline) {
        const to = "day" in value ? value.day : deadline === "before" ? addDays(value.range.from, -1) : value.range.to;
        value = { range: { from: pub, to: deadline === "before" && "day" in value ? addDays(to, -1) : to } };
      }
      start = f.start - prefix[0].length;
    }
    const spanText = text.slice(start, f.end);
    const end = "day" in value ? value.day : value.range.to;
    const past = PAST_WORDS.test(spanText) || compare(end, pub) < 0 || f.value.recent === true;
    // a future period already under way starts at publication: a prediction cannot resolve before it is made
    if (!past && "range" in value && compare(value.range.from, pub) < 0) value = { range: { from: pub, to: value.range.to } };
    out.push({ start: start + offset, end: f.end + offset, text: spanText, value: toDateValue(value), past });
  }
  return out;
}

/** The first date expression in text, resolved forwards from the publication date. */
export function resolveFutureDate(text: string, publishedAt: string): { date: string } | { range: { from: string; to: string } } | null {
  const [first] = findDateExpressions(text, publishedAt);
  return first ? first.value : null;
}
