/**
 * Calendar arithmetic on plain dates. The reference is the publication date as
 * the publisher wrote it (the local date of its own offset), never today and
 * never the server's zone, so all arithmetic runs in UTC on Y-M-D triples.
 */
export type Day = { y: number; m: number; d: number };
export type Range = { from: Day; to: Day };

const MS_PER_DAY = 86_400_000;

export function toTime(day: Day): number {
  return Date.UTC(day.y, day.m - 1, day.d);
}

export function fromTime(t: number): Day {
  const date = new Date(t);
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate() };
}

export function iso(day: Day): string {
  return `${String(day.y).padStart(4, "0")}-${String(day.m).padStart(2, "0")}-${String(day.d).padStart(2, "0")}`;
}

/** The publisher's local date: the date part of an ISO timestamp with offset, as written. */
export function parsePublished(publishedAt: string): Day {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(publishedAt.trim());
  if (!m) throw new Error(`publishedAt must start with YYYY-MM-DD: ${publishedAt}`);
  return { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
}

export function addDays(day: Day, n: number): Day {
  return fromTime(toTime(day) + n * MS_PER_DAY);
}

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Adds months, clamping the day ("Jan. 31" plus one month is Feb. 28/29). */
export function addMonths(day: Day, n: number): Day {
  const index = day.y * 12 + (day.m - 1) + n;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return { y, m, d: Math.min(day.d, daysInMonth(y, m)) };
}

/** 0 = Sunday … 6 = Saturday */
export function weekday(day: Day): number {
  return new Date(toTime(day)).getUTCDay();
}

export function compare(a: Day, b: Day): number {
  return toTime(a) - toTime(b);
}

export function isValidDay(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

export const monthRange = (y: number, m: number): Range => ({ from: { y, m, d: 1 }, to: { y, m, d: daysInMonth(y, m) } });
export const yearRange = (y: number): Range => ({ from: { y, m: 1, d: 1 }, to: { y, m: 12, d: 31 } });

/** Months [first, last] of year y; last may run into the next year (winter). */
export function monthsRange(y: number, first: number, last: number): Range {
  const end = addMonths({ y, m: first, d: 1 }, last - first);
  return { from: { y, m: first, d: 1 }, to: { y: end.y, m: end.m, d: daysInMonth(end.y, end.m) } };
}

/** The Monday starting the week of a day (weeks run Monday to Sunday, ISO style). */
export function mondayOf(day: Day): Day {
  return addDays(day, -((weekday(day) + 6) % 7));
}
