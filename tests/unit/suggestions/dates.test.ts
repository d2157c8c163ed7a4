/** resolveFutureDate: every case the desk relies on, resolved against the publication date, never today. */
import { describe, expect, it } from "vitest";
import { findDateExpressions, resolveFutureDate } from "@/lib/suggestions/dates";

const range = (from: string, to: string) => ({ range: { from, to } });

describe("resolveFutureDate", () => {
  it.each([
    // the cases of the brief
    ["Feb. 23 next year", "2024-11-04T18:35:00+09:00", { date: "2025-02-23" }],
    ["Jan. 1", "2025-12-03T10:00:00+09:00", { date: "2026-01-01" }],
    ["on Wednesday", "2024-10-29T00:00:00+09:00", { date: "2024-10-30" }],
    ["next Wednesday", "2024-10-29T00:00:00+09:00", { date: "2024-10-30" }],
    ["last Wednesday", "2024-10-29T00:00:00+09:00", { date: "2024-10-23" }],
    ["next summer", "2024-06-18T06:00:00-05:00", range("2025-06-01", "2025-08-31")],
    ["next summer", "2024-01-21T15:00:00+09:00", range("2024-06-01", "2024-08-31")],
    ["later this year", "2024-09-05T15:00:00+02:00", range("2024-09-05", "2024-12-31")],
    ["by 2030", "2025-02-06T07:30:00+01:00", range("2025-02-06", "2030-12-31")],
    ["in the first half of next year", "2024-12-03T10:12:00+09:00", range("2025-01-01", "2025-06-30")],
    ["next year", "2024-10-29T00:00:00+09:00", range("2025-01-01", "2025-12-31")],
    ["tomorrow", "2024-10-29T00:00:00+09:00", { date: "2024-10-30" }],
    ["next week", "2025-03-11T14:20:00-04:00", range("2025-03-17", "2025-03-23")],
    ["in two weeks", "2025-03-11T14:20:00-04:00", { date: "2025-03-25" }],
    ["within four months", "2025-03-11T14:20:00-04:00", range("2025-03-11", "2025-07-11")],
    ["Dec. 10", "2025-03-11T14:20:00-04:00", { date: "2025-12-10" }],
    ["December 2026", "2025-03-11T14:20:00-04:00", range("2026-12-01", "2026-12-31")],
    // more shapes seen in news copy
    ["on Monday, March 17", "2025-03-11T14:20:00-04:00", { date: "2025-03-17" }],
    ["Tuesday, January 28", "2025-01-19T22:10:00+00:00", { date: "2025-01-28" }],
    ["by the end of April", "2025-03-11T14:20:00-04:00", range("2025-03-11", "2025-04-30")],
    ["by the end of 2025", "2024-06-18T06:00:00-05:00", range("2024-06-18", "2025-12-31")],
    ["by next spring", "2024-06-18T06:00:00-05:00", range("2024-06-18", "2025-05-31")],
    ["before the summer", "2025-03-11T14:20:00-04:00", range("2025-03-11", "2025-05-31")],
    ["by June 30", "2025-03-11T14:20:00-04:00", range("2025-03-11", "2025-06-30")],
    ["in November", "2025-03-11T14:20:00-04:00", range("2025-11-01", "2025-11-30")],
    ["by July", "2024-12-03T10:12:00+09:00", range("2024-12-03", "2025-07-31")],
    ["by the end of the second quarter", "2025-02-06T07:30:00+01:00", range("2025-02-06", "2025-06-30")],
    ["in 2025", "2025-02-06T07:30:00+01:00", range("2025-02-06", "2025-12-31")],
    ["this year", "2024-01-21T15:00:00+09:00", range("2024-01-21", "2024-12-31")],
    ["early next year", "2025-01-19T22:10:00+00:00", range("2026-01-01", "2026-04-30")],
    ["mid-2026", "2025-01-19T22:10:00+00:00", range("2026-05-01", "2026-08-31")],
    ["the end of next year", "2025-01-19T22:10:00+00:00", range("2026-12-01", "2026-12-31")],
    ["Q3 2025", "2025-01-19T22:10:00+00:00", range("2025-07-01", "2025-09-30")],
    ["16 February 2024", "2025-01-19T22:10:00+00:00", { date: "2024-02-16" }],
    ["2025-03-01", "2025-01-19T22:10:00+00:00", { date: "2025-03-01" }],
    ["in the fall", "2025-01-19T22:10:00+00:00", range("2025-09-01", "2025-11-30")],
    ["three weeks ago", "2025-01-19T22:10:00+00:00", { date: "2024-12-29" }],
    ["September of last year", "2024-01-21T15:00:00+09:00", range("2023-09-01", "2023-09-30")],
  ])("%s (published %s)", (text, publishedAt, expected) => {
    expect(resolveFutureDate(text, publishedAt)).toEqual(expected);
  });

  it("reads the publication date as the publisher wrote it, not in the server's zone", () => {
    // 23:30 at -05:00 is already the next day in UTC; "tomorrow" is still the day after the local date
    expect(resolveFutureDate("tomorrow", "2024-06-18T23:30:00-05:00")).toEqual({ date: "2024-06-19" });
  });

  it("never guesses a day for a period", () => {
    for (const text of ["next summer", "later this year", "by 2030", "next year", "in the first half of next year"]) {
      expect(resolveFutureDate(text, "2024-11-04T18:35:00+09:00")).toHaveProperty("range");
    }
  });

  it.each([["prices fall"], ["the 2030 target"], ["his first in 24 years"], ["Monday’s trip"], ["this year’s anniversary"]])("finds no date in %s", (text) => {
    expect(resolveFutureDate(text, "2025-01-19T22:10:00+00:00")).toBeNull();
  });

  it("keeps one expression for 'Feb. 23 next year' (not two, as chrono-node would)", () => {
    const found = findDateExpressions("Kim is expected to visit Russia on Feb. 23 next year.", "2024-11-04T18:35:00+09:00");
    expect(found).toHaveLength(1);
    expect(found[0]!.text).toBe("Feb. 23 next year");
  });

  it("marks the past: 'last week', 'since 2019', and a month-day just before publication", () => {
    const pub = "2024-11-04T18:35:00+09:00";
    expect(findDateExpressions("they met last week", pub)[0]!.past).toBe(true);
    expect(findDateExpressions("trade has fallen since 2019", pub)[0]!.past).toBe(true);
    expect(findDateExpressions("the launch on October 31", pub)[0]!.past).toBe(true);
    expect(findDateExpressions("the summit on Feb. 23 next year", pub)[0]!.past).toBe(false);
  });

  it("gives offsets into the text it was given, shifted by offset", () => {
    const text = "Talks are scheduled to resume on Monday, March 17, and end by the end of April.";
    const found = findDateExpressions(text, "2025-03-11T14:20:00-04:00", 100);
    for (const d of found) expect(text.slice(d.start - 100, d.end - 100)).toBe(d.text);
    expect(found.map((d) => d.text)).toEqual(["Monday, March 17", "by the end of April"]);
  });
});

/** One block per parser and refiner of ours (lib/suggestions/date-parsers.ts, date-refiners.ts), on top of chrono-node. */
describe("our chrono-node parsers", () => {
  const pub = "2025-03-11T14:20:00-04:00"; // a Tuesday

  it.each([
    ["next summer", range("2025-06-01", "2025-08-31")],
    ["last winter", range("2024-12-01", "2025-02-28")],
    ["the summer of 2023", range("2023-06-01", "2023-08-31")],
    ["in the fall", range("2025-09-01", "2025-11-30")],
  ])("seasons: %s", (text, expected) => {
    expect(resolveFutureDate(text, pub)).toEqual(expected);
  });

  it.each([
    ["the coming week", range("2025-03-17", "2025-03-23")],
    ["the following year", range("2026-01-01", "2026-12-31")],
  ])("the coming/following period: %s", (text, expected) => {
    expect(resolveFutureDate(text, pub)).toEqual(expected);
  });

  it.each([
    ["the third quarter of next year", pub, range("2026-07-01", "2026-09-30")],
    ["the second half", pub, range("2025-07-01", "2025-12-31")],
    ["H1", pub, range("2025-03-11", "2025-06-30")],
    // a part of this year that is over is next year's
    ["Q1", "2025-06-20T09:00:00+00:00", range("2026-01-01", "2026-03-31")],
  ])("halves and quarters: %s (published %s)", (text, publishedAt, expected) => {
    expect(resolveFutureDate(text, publishedAt)).toEqual(expected);
  });

  it("a bare year only after a preposition, and without the preposition in its span", () => {
    expect(findDateExpressions("trade has grown since 2019", pub)).toMatchObject([{ text: "2019", value: range("2019-01-01", "2019-12-31"), past: true }]);
    for (const text of ["the 2030 target", "a 2,030 figure", "in 2030 percent", "the 2024-25 season"]) expect(findDateExpressions(text, pub)).toEqual([]);
  });

  it("reads 'May' after a word that makes it a month (chrono keeps only 'in May'), never the modal verb", () => {
    expect(findDateExpressions("the plant closes by May", pub)).toMatchObject([{ text: "by May", value: range("2025-03-11", "2025-05-31") }]);
    expect(findDateExpressions("sales fell since May", pub)).toMatchObject([{ text: "May", value: range("2024-05-01", "2024-05-31"), past: true }]);
    expect(findDateExpressions("it may rain; we may go", pub)).toEqual([]);
  });

  it.each([["at 5 p.m. on Friday", "Friday"], ["Friday at 7 p.m.", "Friday"]])("drops the clock time chrono merges into %s", (text, span) => {
    expect(findDateExpressions(text, pub)).toMatchObject([{ text: span, value: { date: "2025-03-14" } }]);
  });

  it.each([["8 to 10 percent"], ["every morning"], ["we are now profitable"], ["the sun rose"], ["protesters march on"], ["he sat down"], ["4/5 of voters"], ["2025/03/01"], ["the 1960s"], ["150 minutes"]])(
    "gates chrono's reading of %s (not a date)",
    (text) => {
      expect(findDateExpressions(text, pub)).toEqual([]);
    },
  );
});

describe("our chrono-node refiners", () => {
  const pub = "2025-03-11T14:20:00-04:00"; // a Tuesday

  it("normalize: spans without chrono's 'on', and 'the end of' read as a period's end, not its last day", () => {
    expect(findDateExpressions("on Monday, March 17", pub)[0]!.text).toBe("Monday, March 17");
    expect(resolveFutureDate("the end of December", pub)).toEqual(range("2025-12-21", "2025-12-31"));
  });

  it.each([["for 31 years"], ["a year earlier"], ["four years later"], ["the year before"], ["three years"], ["over the past year"], ["last night"], ["in a few weeks"], ["in about eight weeks"]])(
    "readable: %s is not a date",
    (text) => {
      expect(findDateExpressions(text, pub)).toEqual([]);
    },
  );

  it("mergeRelativeYear: a month(-day) and 'next/last year' are one expression in that year", () => {
    expect(findDateExpressions("March next year", pub)).toMatchObject([{ text: "March next year", value: range("2026-03-01", "2026-03-31") }]);
    expect(findDateExpressions("on Feb. 23 last year", pub)).toMatchObject([{ text: "Feb. 23 last year", value: { date: "2024-02-23" }, past: true }]);
  });

  it.each([
    ["Tuesday", { date: "2025-03-11" }],
    ["next Tuesday", { date: "2025-03-18" }],
    ["last Tuesday", { date: "2025-03-04" }],
    ["Wednesday", { date: "2025-03-12" }],
    ["Monday next week", { date: "2025-03-17" }],
    ["Friday last week", { date: "2025-03-07" }],
    ["Monday to Friday", range("2025-03-17", "2025-03-21")],
  ])("weekdays (published on a Tuesday): %s", (text, expected) => {
    expect(resolveFutureDate(text, pub)).toEqual(expected);
  });

  it.each([
    ["in March", range("2025-03-11", "2025-03-31")],
    ["next March", range("2026-03-01", "2026-03-31")],
    ["last March", range("2024-03-01", "2024-03-31")],
    ["since November", range("2024-11-01", "2024-11-30")],
  ])("monthYear: %s (published in March)", (text, expected) => {
    expect(resolveFutureDate(text, pub)).toEqual(expected);
  });

  it("monthYear: a month alone is a time only after a word that makes it one", () => {
    expect(findDateExpressions("the March primary", pub)).toEqual([]);
  });

  it.each([
    ["this weekend", range("2025-03-15", "2025-03-16")],
    ["next month", range("2025-04-01", "2025-04-30")],
    ["last quarter", range("2024-10-01", "2024-12-31")],
    ["this week", range("2025-03-11", "2025-03-16")],
  ])("periods: %s is a range", (text, expected) => {
    expect(resolveFutureDate(text, pub)).toEqual(expected);
  });

  it.each([
    ["over the next two years", pub, range("2025-03-11", "2027-03-11")],
    ["two weeks from now", pub, { date: "2025-03-25" }],
    // months are clamped: chrono would run Jan. 31 + 1 month into March
    ["in one month", "2025-01-31T09:00:00+00:00", { date: "2025-02-28" }],
    ["within a month", "2025-01-31T09:00:00+00:00", range("2025-01-31", "2025-02-28")],
  ])("durations: %s (published %s)", (text, publishedAt, expected) => {
    expect(resolveFutureDate(text, publishedAt)).toEqual(expected);
    expect(findDateExpressions(text, publishedAt)[0]!.text).toBe(text);
  });

  it("recent: a bare month-day under 120 days before publication is the recent past, further back it is next year's", () => {
    expect(findDateExpressions("on Jan. 5", pub)).toMatchObject([{ value: { date: "2026-01-05" }, past: true }]);
    expect(findDateExpressions("on Jan. 5", "2025-06-20T09:00:00+00:00")).toMatchObject([{ value: { date: "2026-01-05" }, past: false }]);
  });

  it.each([
    ["late May", range("2025-05-21", "2025-05-31")],
    ["the start of next year", range("2026-01-01", "2026-01-31")],
    ["later this month", range("2025-03-11", "2025-03-31")],
    // a week has no early or late part worth a range of its own
    ["the end of next week", range("2025-03-17", "2025-03-23")],
  ])("partOfPeriod: %s", (text, expected) => {
    expect(resolveFutureDate(text, pub)).toEqual(expected);
    expect(findDateExpressions(text, pub)[0]!.text).toBe(text);
  });

  it.each([
    ["before June 30", range("2025-03-11", "2025-06-29")],
    ["until Sept.", range("2025-03-11", "2025-09-30")],
    ["no later than March 31", range("2025-03-11", "2025-03-31")],
    ["through Saturday", range("2025-03-11", "2025-03-15")],
  ])("deadline: %s runs from publication", (text, expected) => {
    expect(resolveFutureDate(text, pub)).toEqual(expected);
    expect(findDateExpressions(text, pub)[0]!.text).toBe(text);
  });
});

describe("findDateExpressions on long text", () => {
  const pub = "2025-03-11T14:20:00-04:00";

  it("reads text longer than chrono's 600-character windows, with offsets into the whole text", () => {
    const filler = "The council met and talked at length about the budget. ".repeat(20);
    const text = `${filler}The vote is on April 9. ${filler}It ends by the end of April.`;
    const found = findDateExpressions(text, pub, 7);
    expect(found.map((d) => d.text)).toEqual(["April 9", "by the end of April"]);
    for (const d of found) expect(text.slice(d.start - 7, d.end - 7)).toBe(d.text);
  });

  it("hands back copies: changing one answer does not change the next", () => {
    const first = findDateExpressions("by 2030", pub);
    (first[0]!.value as { range: { to: string } }).range.to = "changed";
    expect(findDateExpressions("by 2030", pub)[0]!.value).toEqual(range("2025-03-11", "2030-12-31"));
  });
});
