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
