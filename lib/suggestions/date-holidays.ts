/**
 * Public holidays news copy uses as dates ("by Memorial Day", "before
 * Christmas", "over Thanksgiving"): a small general table of fixed days and
 * nth-weekday rules (US federal holidays, Christmas and New Year, Easter).
 * A holiday alone is the next one on or after publication; "next" the next
 * one strictly after; "last" the one before; with a year, that year's.
 */
import { type Day, addDays, compare, daysInMonth, weekday } from "./calendar";

/** The nth (1-based; -1 = last) given weekday (0 = Sunday) of a month. */
function nthWeekday(y: number, m: number, target: number, n: number): Day {
  if (n < 0) {
    const last = { y, m, d: daysInMonth(y, m) };
    return addDays(last, -((weekday(last) - target + 7) % 7));
  }
  const first = { y, m, d: 1 };
  return addDays(first, (target - weekday(first) + 7) % 7 + 7 * (n - 1));
}

/** Easter Sunday (Gregorian; the anonymous computus). */
function easter(y: number): Day {
  const a = y % 19;
  const b = Math.floor(y / 100);
  const c = y % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  return { y, m: month, d: ((h + l - 7 * m + 114) % 31) + 1 };
}

const fixed = (m: number, d: number) => (y: number): Day => ({ y, m, d });

/** Lower-case holiday names (apostrophes and "the" dropped) and the day they fall on in a year. */
const HOLIDAYS: Record<string, (y: number) => Day> = {
  "new years day": fixed(1, 1),
  "new years eve": fixed(12, 31),
  "martin luther king day": (y) => nthWeekday(y, 1, 1, 3),
  "martin luther king jr day": (y) => nthWeekday(y, 1, 1, 3),
  "mlk day": (y) => nthWeekday(y, 1, 1, 3),
  "presidents day": (y) => nthWeekday(y, 2, 1, 3),
  "valentines day": fixed(2, 14),
  "good friday": (y) => addDays(easter(y), -2),
  easter: easter,
  "easter sunday": easter,
  "easter monday": (y) => addDays(easter(y), 1),
  "memorial day": (y) => nthWeekday(y, 5, 1, -1),
  juneteenth: fixed(6, 19),
  "independence day": fixed(7, 4),
  "fourth of july": fixed(7, 4),
  "july fourth": fixed(7, 4),
  "labor day": (y) => nthWeekday(y, 9, 1, 1),
  "labour day": (y) => nthWeekday(y, 9, 1, 1),
  "columbus day": (y) => nthWeekday(y, 10, 1, 2),
  halloween: fixed(10, 31),
  "veterans day": fixed(11, 11),
  thanksgiving: (y) => nthWeekday(y, 11, 4, 4),
  "thanksgiving day": (y) => nthWeekday(y, 11, 4, 4),
  "christmas eve": fixed(12, 24),
  christmas: fixed(12, 25),
  "christmas day": fixed(12, 25),
  "boxing day": fixed(12, 26),
};

/** The pattern's holiday alternatives, longest first (capitalised, as news copy writes them). */
export const HOLIDAY_NAMES = String.raw`New Year['’]s (?:Day|Eve)|Martin Luther King(?: Jr\.?)? Day|MLK Day|Presidents['’]? Day|Valentine['’]s Day|Good Friday|Easter(?: Sunday| Monday)?|Memorial Day|Juneteenth|Independence Day|(?:the )?Fourth of July|July Fourth|Labou?r Day|Columbus Day|Halloween|Veterans['’]? Day|Thanksgiving(?: Day)?|Christmas(?: Day| Eve)?|Boxing Day`;

const keyOf = (name: string) => name.toLowerCase().replace(/['’.]/g, "").replace(/^the\s+/, "").replace(/\s+/g, " ");

/** The day a holiday falls on, relative to publication: "" the next on/after, "next" strictly after, "last" strictly before, or a given year. */
export function holiday(pub: Day, name: string, which: "" | "this" | "next" | "last", year?: number): Day | null {
  const rule = HOLIDAYS[keyOf(name)];
  if (!rule) return null;
  if (year !== undefined) return rule(year);
  if (which === "last") {
    let y = pub.y;
    while (compare(rule(y), pub) >= 0) y--;
    return rule(y);
  }
  let y = pub.y - 1;
  const fits = (day: Day) => (which === "next" ? compare(day, pub) > 0 : compare(day, pub) >= 0);
  while (!fits(rule(y))) y++;
  return rule(y);
}
