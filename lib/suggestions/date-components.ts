/**
 * The bridge between chrono-node's results and our calendar days. A result
 * is a day (its start) or a range (start to end); what a result's components
 * leave uncertain decides: a month without a day is the whole month, a year
 * without a month the whole year.
 */
import type * as chrono from "chrono-node";
import { type Day, type Range, fromTime, monthRange, toTime, yearRange } from "./calendar";
import type { Value } from "./date-periods";

/** Tags we put on results (chrono's own tags are "parser/…", "result/…", "refiner/…"). */
export const TAG = {
  /** made by one of our parsers: already resolved, never filtered as unreadable */
  ours: "claimdesk/ours",
  /** a bare month-day just before publication, rolled into next year: more likely the recent past */
  recent: "claimdesk/recent",
  /** our parser kept the word before the date in its text, past chrono's filters (see date-parsers.ts): drop it from the span */
  lead: "claimdesk/lead",
} as const;

const HOUR = 3_600_000;

/**
 * The reference chrono resolves against: the publisher's local date (the date
 * part of `publishedAt` as written) at noon UTC, in UTC. Noon keeps a server
 * zone or a DST change from moving the calendar date chrono reads.
 */
export function referenceFor(pub: Day): chrono.ParsingReference {
  return { instant: new Date(toTime(pub) + 12 * HOUR), timezone: 0 };
}

/** The publication date a parse runs against (the inverse of referenceFor). */
export function pubOf(context: chrono.ParsingContext): Day {
  return fromTime(context.reference.instant.getTime() - 12 * HOUR);
}

export function dayOf(c: chrono.ParsedComponents): Day {
  return { y: c.get("year") ?? 0, m: c.get("month") ?? 1, d: c.get("day") ?? 1 };
}

/** What a result names: a range if it has an end, else its start at the precision chrono is certain of. */
export function valueOf(result: chrono.ParsedResult): Value | null {
  const span = (c: chrono.ParsedComponents): Range | null => {
    const day = dayOf(c);
    if (c.isCertain("day")) return { from: day, to: day };
    if (c.isCertain("month")) return monthRange(day.y, day.m);
    if (c.isCertain("year")) return yearRange(day.y);
    return null;
  };
  const start = span(result.start);
  if (!start) return null;
  if (result.end) {
    const end = span(result.end);
    return end ? { range: { from: start.from, to: end.to } } : null;
  }
  return toTime(start.from) === toTime(start.to) ? { day: start.from } : { range: start };
}

function components(context: chrono.ParsingContext, day: Day, tags: Set<string>): chrono.ParsingComponents {
  return context.createParsingComponents({ year: day.y, month: day.m, day: day.d }).addTags(tags);
}

/** Replaces what a result names, keeping its tags. */
export function setValue(context: chrono.ParsingContext, result: chrono.ParsingResult, value: Value): void {
  const tags = result.tags();
  if ("day" in value) {
    result.start = components(context, value.day, tags);
    result.end = undefined;
  } else {
    result.start = components(context, value.range.from, tags);
    result.end = components(context, value.range.to, tags);
  }
}

/** A result of ours over text[index, index + length). */
export function ourResult(context: chrono.ParsingContext, index: number, text: string, value: Value): chrono.ParsingResult {
  const result = context.createParsingResult(index, text);
  result.addTag(TAG.ours);
  setValue(context, result, value);
  return result;
}

/** Moves a result's start left to `index`, so its text takes in the words before it. */
export function extendLeft(context: chrono.ParsingContext, result: chrono.ParsingResult, index: number): void {
  result.text = context.text.slice(index, result.index + result.text.length);
  result.index = index;
}
