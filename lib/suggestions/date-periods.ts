/**
 * The periods news copy names that chrono-node has no notion of, as plain
 * calendar arithmetic on the publication date: seasons, halves and quarters,
 * ISO weeks and weekends, and the early/middle/late part of a period.
 * Seasons are the northern meteorological ones (summer = June to August).
 */
import { type Day, type Range, addDays, addMonths, compare, daysInMonth, monthRange, monthsRange, mondayOf, yearRange } from "./calendar";

/** A resolved expression: one day or a range of days. */
export type Value = { day: Day } | { range: Range };
export type Which = "this" | "next" | "last" | "";
export type Part = "start" | "middle" | "end";

const SEASONS: Record<string, [number, number]> = { spring: [3, 5], summer: [6, 8], fall: [9, 11], autumn: [9, 11], winter: [12, 14] };

export const isSeason = (word: string): boolean => word.toLowerCase() in SEASONS;

/**
 * The season's months in the year it starts; "" is the current or next one;
 * "next" is the first one starting after publication, except in the month
 * just before a season starts (February for spring, May for summer): that
 * season is "this spring" to the writer, and "next spring" the one a year on.
 */
export function season(pub: Day, name: string, which: Which, year?: number): Range {
  const [first, last] = SEASONS[name.toLowerCase()]!;
  const at = (y: number) => monthsRange(y, first, last);
  if (year !== undefined) return at(year);
  if (which === "last") {
    let y = pub.y;
    while (compare(at(y).to, pub) >= 0) y--;
    return at(y);
  }
  let y = pub.y - 1;
  const test = which === "next" ? (r: Range) => compare(r.from, pub) > 0 : (r: Range) => compare(r.to, pub) >= 0;
  while (!test(at(y))) y++;
  const from = at(y).from;
  if (which === "next" && (from.y - pub.y) * 12 + from.m - pub.m === 1) y++;
  return at(y);
}

/** "this/next/last week|weekend|month|quarter|year" or a season; weeks run Monday to Sunday. */
export function period(pub: Day, unit: string, which: Which): Range {
  const shift = which === "next" ? 1 : which === "last" ? -1 : 0;
  switch (unit.toLowerCase()) {
    case "week": {
      const monday = addDays(mondayOf(pub), 7 * shift);
      return { from: monday, to: addDays(monday, 6) };
    }
    case "weekend": {
      const saturday = addDays(mondayOf(pub), 5 + 7 * shift);
      return { from: saturday, to: addDays(saturday, 1) };
    }
    case "month": {
      const month = addMonths({ ...pub, d: 1 }, shift);
      return monthRange(month.y, month.m);
    }
    case "quarter": {
      const q = Math.floor((pub.m - 1) / 3) + shift;
      const first = addMonths({ y: pub.y, m: 1, d: 1 }, q * 3);
      return monthsRange(first.y, first.m, first.m + 2);
    }
    case "year":
      return yearRange(pub.y + shift);
    default:
      return season(pub, unit, which);
  }
}

const ORDINALS: Record<string, number> = { first: 1, "1st": 1, second: 2, "2nd": 2, third: 3, "3rd": 3, fourth: 4, "4th": 4, final: 0, last: 0 };

/** "the first half of next year", "the third quarter", "Q3 2025": of the year given, else this year, or next if this one's is over. */
export function yearPart(pub: Day, ordinal: string, unit: string, yearSpec?: string): Range | null {
  const n = ORDINALS[ordinal.toLowerCase()];
  if (n === undefined) return null;
  const size = unit.toLowerCase() === "half" ? 6 : 3;
  const index = n === 0 ? 12 / size : n;
  if (index > 12 / size) return null;
  const spec = yearSpec?.toLowerCase().replace(/\s+/g, " ");
  let y = spec === "next year" ? pub.y + 1 : spec === "last year" ? pub.y - 1 : spec && /^\d{4}$/.test(spec) ? Number(spec) : pub.y;
  const build = (year: number) => monthsRange(year, (index - 1) * size + 1, index * size);
  if (!spec && compare(build(y).to, pub) < 0) y++;
  return build(y);
}

/** A count of days, weeks, months (clamped: Jan. 31 + 1 month = Feb. 28/29) or years from a day. */
export function plus(day: Day, n: number, unit: string): Day {
  if (unit === "day") return addDays(day, n);
  if (unit === "week") return addDays(day, 7 * n);
  return addMonths(day, unit === "month" ? n : 12 * n);
}

/** Early/mid/late part of a period: a year's four-month thirds, a quarter's (or season's) month, a month's ten days; a week stays whole. */
export function narrow(value: Value, which: Part): Value {
  if ("day" in value) return value;
  const { from, to } = value.range;
  if (compare(to, addDays(from, 27)) < 0) return value;
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

/** "the end of 2025" is its December (the start, its January); anything shorter narrows as "late"/"early". */
export function narrowPart(value: Value, which: Part): Value {
  if ("range" in value) {
    const { from, to } = value.range;
    if ((to.y - from.y) * 12 + (to.m - from.m) + 1 >= 12 && which !== "middle") {
      return { range: monthRange(which === "end" ? to.y : from.y, which === "end" ? 12 : 1) };
    }
  }
  return narrow(value, which);
}
