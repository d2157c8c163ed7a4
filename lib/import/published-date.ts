/**
 * Reads a publication date written the ways newsrooms write them, e.g.
 * "2024. 11. 4. 18:35", "2024-01-21 15:00:00", "2025/12/03 10:15 KST",
 * "April 28, 2026 at 7:45 a.m.", "28 April 2026", ISO 8601 strings, the
 * British "Tue 15 Jul 2025 09.01 BST", and the time before the date as US
 * broadcasters and AP print it: "9:47 PM EDT, March 13, 2025", "5:48 PM, Feb 18, 2025".
 * The whole text must be a date: a date inside a sentence is not a
 * publication date. Every pattern is anchored and length-bounded, and the
 * input is capped, so hostile input costs nothing.
 */
import type { PublishedPrecision } from "./types";

export type DateParts = {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  precision: PublishedPrecision;
  /** "+09:00" when the text names a zone or offset, null when it does not */
  offset: string | null;
};

const MAX_DATE_TEXT = 90;

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5,
  jun: 6, june: 6, jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9,
  oct: 10, october: 10, nov: 11, november: 11, dec: 12, december: 12,
};

// Fixed offsets of the abbreviations wires print. "CST" is read as US Central:
// in English copy it almost always is.
const FIXED_ZONES: Record<string, string> = {
  z: "+00:00", utc: "+00:00", gmt: "+00:00", kst: "+09:00", jst: "+09:00",
  est: "-05:00", edt: "-04:00", cst: "-06:00", cdt: "-05:00", mst: "-07:00", mdt: "-06:00",
  pst: "-08:00", pdt: "-07:00", cet: "+01:00", cest: "+02:00", bst: "+01:00", wet: "+00:00",
  west: "+01:00", eet: "+02:00", eest: "+03:00", hkt: "+08:00", sgt: "+08:00",
  aest: "+10:00", aedt: "+11:00",
};

// "ET"/"PT" name a US zone without saying whether summer time applies; the date decides.
const US_ZONES: Record<string, [standard: string, daylight: string]> = {
  et: ["-05:00", "-04:00"], ct: ["-06:00", "-05:00"], mt: ["-07:00", "-06:00"], pt: ["-08:00", "-07:00"],
};

const WEEKDAY = /^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]{0,6}\.?,?\s{1,3}/i;
const NUMERIC_HEAD = /^(\d{4})\s?[-./년]\s?(\d{1,2})\s?[-./월]\s?(\d{1,2})(?:\s?[.일])?/;
const MONTH_DAY_YEAR = /^([a-z]{3,9})\.?\s{1,2}(\d{1,2})(?:st|nd|rd|th)?,?\s{1,2}(\d{4})/i;
const DAY_MONTH_YEAR = /^(\d{1,2})(?:st|nd|rd|th)?\s{1,2}([a-z]{3,9})\.?,?\s{1,2}(\d{4})/i;
const JOINER = /^(?:,|at\b|@|-|–|—|\||T)\s{0,3}/i;
// "7:45", "07.45" (British style: a dot, but always two digits after it), "7 p.m."
const TIME = /^(오전|오후)?\s?(\d{1,2})(?:[:.](\d{2})(?!\d))?(?::\d{2}(?:\.\d{1,9})?)?\s?(a\.?\s?m\b\.?|p\.?\s?m\b\.?)?/i;
const NAMED_TIME = /^(noon|midnight)\b/i;
const OFFSET = /^(?:(?:utc|gmt)\s?)?([+-])(\d{1,2})(?::?(\d{2}))?$/i;

const pad = (n: number) => String(n).padStart(2, "0");

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** n-th Sunday (1-based) of a month, as a day of the month */
function nthSunday(year: number, month: number, n: number): number {
  const first = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
  return 1 + ((7 - first) % 7) + 7 * (n - 1);
}

function usSummerTime(year: number, month: number, day: number): boolean {
  if (month > 3 && month < 11) return true;
  if (month === 3) return day >= nthSunday(year, 3, 2);
  if (month === 11) return day < nthSunday(year, 11, 1);
  return false;
}

/** The offset a zone name or offset stands for on that day: null for "local time", undefined for what is not a zone. */
export function readZone(text: string, year: number, month: number, day: number): string | null | undefined {
  const zone = text.replace(/^\(|\)$/g, "").trim().toLowerCase();
  if (!zone || zone === "local time" || zone === "local") return null;
  if (zone in FIXED_ZONES) return FIXED_ZONES[zone];
  if (zone in US_ZONES) return US_ZONES[zone]![usSummerTime(year, month, day) ? 1 : 0];
  const offset = OFFSET.exec(zone);
  if (offset) {
    const hours = Number(offset[2]);
    const minutes = Number(offset[3] ?? "0");
    if (hours > 14 || minutes > 59) return undefined;
    return `${offset[1]}${pad(hours)}:${pad(minutes)}`;
  }
  return undefined; // something that is not a zone: the text is not just a date
}

function readHead(text: string): { year: number; month: number; day: number; rest: string } | null {
  const numeric = NUMERIC_HEAD.exec(text);
  if (numeric) {
    return { year: Number(numeric[1]), month: Number(numeric[2]), day: Number(numeric[3]), rest: text.slice(numeric[0].length) };
  }
  const mdy = MONTH_DAY_YEAR.exec(text);
  if (mdy && MONTHS[mdy[1]!.toLowerCase()]) {
    return { year: Number(mdy[3]), month: MONTHS[mdy[1]!.toLowerCase()]!, day: Number(mdy[2]), rest: text.slice(mdy[0].length) };
  }
  const dmy = DAY_MONTH_YEAR.exec(text);
  if (dmy && MONTHS[dmy[2]!.toLowerCase()]) {
    return { year: Number(dmy[3]), month: MONTHS[dmy[2]!.toLowerCase()]!, day: Number(dmy[1]), rest: text.slice(dmy[0].length) };
  }
  return null;
}

type Clock = { hour: number; minute: number; length: number };

/** A time of day at the start of the text ("7:45 a.m.", "noon", "오후 6:35"); undefined when it is not a valid time. */
function readClock(rest: string): Clock | null | undefined {
  const named = NAMED_TIME.exec(rest);
  if (named) return { hour: named[1]!.toLowerCase() === "noon" ? 12 : 0, minute: 0, length: named[0].length };
  const time = TIME.exec(rest);
  // a bare number ("2026 7") is not a time: it needs minutes or a meridiem
  if (!time || (time[3] === undefined && time[4] === undefined)) return null;
  let hour = Number(time[2]);
  const minute = Number(time[3] ?? "0");
  const meridiem = (time[4] ?? time[1] ?? "").toLowerCase();
  const pm = meridiem.startsWith("p") || meridiem === "오후";
  const am = meridiem.startsWith("a") || meridiem === "오전";
  if (pm || am) {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (pm ? 12 : 0);
  }
  if (hour > 23 || minute > 59) return undefined;
  return { hour, minute, length: time[0].length };
}

// After a leading time: an optional zone word, then a comma or "on" before the date.
const LEADING_ZONE = /^\s{0,2}\(?([a-z]{2,5})\)?(?=[\s,])/i;
const TIME_DATE_JOINER = /^\s{0,2}(?:,|on\b)?\s{0,2}/i;

/**
 * "9:47 PM EDT, March 13, 2025": the time, perhaps its zone, then a day with
 * nothing after it but perhaps a zone. The date part is read by parseDateText
 * itself, which may not take a time again (so a day must follow).
 */
function parseTimeFirst(text: string): DateParts | null {
  const clock = readClock(text);
  if (!clock) return null;
  let rest = text.slice(clock.length);
  let zoneWord: string | null = null;
  const zone = LEADING_ZONE.exec(rest);
  // a zone word only if it is one ("EDT"), not "on" or a month
  if (zone && !MONTHS[zone[1]!.toLowerCase()] && readZone(zone[1]!, 2001, 1, 1) !== undefined) {
    zoneWord = zone[1]!;
    rest = rest.slice(zone[0].length);
  }
  rest = rest.replace(TIME_DATE_JOINER, "");
  const day = parseDay(rest);
  if (!day || day.precision !== "date") return null;
  const offset = zoneWord ? readZone(zoneWord, day.year, day.month, day.day) : day.offset;
  if (offset === undefined) return null;
  return { ...day, hour: clock.hour, minute: clock.minute, precision: "minute", offset };
}

/** The whole text read as one date, or null when it is anything else. */
export function parseDateText(input: string): DateParts | null {
  let text = input.trim();
  if (!text || text.length > MAX_DATE_TEXT) return null;
  text = text.replace(WEEKDAY, "");
  return parseDay(text) ?? parseTimeFirst(text);
}

/** A date first, then perhaps a time and a zone. */
function parseDay(text: string): DateParts | null {
  const head = readHead(text);
  if (!head) return null;
  const { year, month, day } = head;
  if (year < 1900 || year > 2199 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;

  let rest = head.rest.trim().replace(JOINER, "");
  let hour = 0;
  let minute = 0;
  let precision: PublishedPrecision = "date";
  const clock = readClock(rest);
  if (clock === undefined) return null;
  if (clock) {
    ({ hour, minute } = clock);
    precision = "minute";
    rest = rest.slice(clock.length);
  }
  const zone = readZone(rest.replace(/^[\s,]+|[\s.]+$/g, ""), year, month, day);
  if (zone === undefined) return null;
  return { year, month, day, hour, minute, precision, offset: zone };
}

/** "2024-11-04T18:35:00+09:00"; the text's own zone wins over the fallback. */
export function toIsoString(parts: DateParts, fallbackOffset: string): string {
  const { year, month, day, hour, minute } = parts;
  return `${year}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:00${parts.offset ?? fallbackOffset}`;
}
