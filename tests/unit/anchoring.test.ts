import { describe, expect, it } from "vitest";
import { CONTEXT_LENGTH, anchorAt, anchorQuote, occurrencesOf } from "@/lib/anchoring/anchor";
import { paragraphsOf, segmentBody, type Paragraph } from "@/lib/anchoring/segments";

const LONG =
  "The Rodong Sinmun reported on November 3 that the two foreign ministers met in Moscow. " +
  "Choi arrived in Moscow on October 30. The talks covered the treaty signed in June, officials said.";

describe("anchorAt", () => {
  it("keeps the quote and 32 characters of context on each side", () => {
    const quote = "Choi arrived in Moscow on October 30.";
    const start = LONG.indexOf(quote);
    const a = anchorAt(LONG, start, start + quote.length);
    expect(CONTEXT_LENGTH).toBe(32);
    expect(a).toEqual({
      start,
      end: start + quote.length,
      quote,
      prefix: "o foreign ministers met in Moscow. ".slice(-32),
      suffix: " The talks covered the treaty si",
    });
    expect(a.prefix).toHaveLength(32);
    expect(a.suffix).toHaveLength(32);
  });

  it("gives shorter context at the ends of the body", () => {
    const atStart = anchorAt(LONG, 0, 3);
    expect(atStart.quote).toBe("The");
    expect(atStart.prefix).toBe("");
    expect(atStart.suffix).toBe(LONG.slice(3, 35));

    const end = LONG.length;
    const atEnd = anchorAt(LONG, end - 5, end);
    expect(atEnd.quote).toBe("said.");
    expect(atEnd.suffix).toBe("");
    expect(atEnd.prefix).toBe(LONG.slice(end - 37, end - 5));

    const short = anchorAt("abc def", 4, 5);
    expect(short).toMatchObject({ prefix: "abc ", quote: "d", suffix: "ef" });
  });

  it("counts offsets in UTF-16 code units, as String#slice does", () => {
    const body = "Rosé’s 🎤 song “APT.” topped charts";
    const start = body.indexOf("“APT.”");
    const a = anchorAt(body, start, start + "“APT.”".length);
    expect(a.quote).toBe("“APT.”");
    expect(a.prefix).toBe("Rosé’s 🎤 song ");
  });

  it("refuses a range outside the body or an empty range", () => {
    expect(() => anchorAt("abc", 2, 2)).toThrow(RangeError);
    expect(() => anchorAt("abc", -1, 2)).toThrow(RangeError);
    expect(() => anchorAt("abc", 1, 4)).toThrow(RangeError);
    expect(() => anchorAt("abc", 0.5, 2)).toThrow(RangeError);
  });
});

describe("anchorQuote", () => {
  const body = "Moscow said yes. Pyongyang said yes. Moscow said no.";

  it("anchors a quote that occurs once", () => {
    const a = anchorQuote(body, "Pyongyang said yes.");
    expect(a.start).toBe(17);
    expect(body.slice(a.start, a.end)).toBe("Pyongyang said yes.");
    expect(a.prefix).toBe("Moscow said yes. ");
  });

  it("throws on a quote that is not in the body", () => {
    expect(() => anchorQuote(body, "Seoul said maybe.")).toThrow(/not found/);
    expect(() => anchorQuote(body, "")).toThrow(/not found/);
  });

  it("throws on an ambiguous quote unless told which occurrence", () => {
    expect(occurrencesOf(body, "Moscow said")).toEqual([0, 37]);
    expect(() => anchorQuote(body, "Moscow said")).toThrow(/occurs 2 times/);
    expect(anchorQuote(body, "Moscow said", 1).start).toBe(0);
    const second = anchorQuote(body, "Moscow said", 2);
    expect(second.start).toBe(37);
    expect(second.suffix).toBe(" no.");
    expect(() => anchorQuote(body, "Moscow said", 3)).toThrow(/no occurrence 3/);
  });

  it("finds overlapping occurrences", () => {
    expect(occurrencesOf("aaaa", "aa")).toEqual([0, 1, 2]);
  });
});

/** The segments of each paragraph, joined back together. */
const joined = (paragraphs: Paragraph[]) => paragraphs.map((p) => p.segments.map((s) => s.text).join(""));
const ids = (paragraphs: Paragraph[]) => paragraphs.flatMap((p) => p.segments.map((s) => [s.text, s.claimIds]));

describe("segmentBody", () => {
  it("splits paragraphs on blank lines", () => {
    const body = "First paragraph.\n\nSecond one.\n\n\nThird.";
    expect(paragraphsOf(body).map((p) => body.slice(p.start, p.end))).toEqual(["First paragraph.", "Second one.", "Third."]);
    const paragraphs = segmentBody(body, []);
    expect(joined(paragraphs)).toEqual(["First paragraph.", "Second one.", "Third."]);
    expect(ids(paragraphs)).toEqual([
      ["First paragraph.", []],
      ["Second one.", []],
      ["Third.", []],
    ]);
  });

  it("cuts overlapping spans into runs covered by the same claims", () => {
    const body = "abcdefghij";
    // 1 covers cdef, 2 covers efgh: they overlap on ef
    const paragraphs = segmentBody(body, [
      { id: 2, start: 4, end: 8 },
      { id: 1, start: 2, end: 6 },
    ]);
    expect(joined(paragraphs)).toEqual([body]);
    expect(ids(paragraphs)).toEqual([
      ["ab", []],
      ["cd", [1]],
      ["ef", [1, 2]],
      ["gh", [2]],
      ["ij", []],
    ]);
  });

  it("lists the outer claim first for nested spans", () => {
    const body = "The treaty was signed in June by both leaders.";
    const outer = { id: 7, start: 0, end: body.indexOf(" by") };
    const innerStart = body.indexOf("signed");
    const inner = { id: 3, start: innerStart, end: innerStart + "signed".length };
    const paragraphs = segmentBody(body, [inner, outer]);
    expect(joined(paragraphs)).toEqual([body]);
    expect(ids(paragraphs)).toEqual([
      ["The treaty was ", [7]],
      ["signed", [7, 3]],
      [" in June", [7]],
      [" by both leaders.", []],
    ]);
  });

  it("marks a claim that spans a paragraph break in both paragraphs, and the break in neither", () => {
    const body = "One two three.\n\nFour five six.";
    const start = body.indexOf("three");
    const end = body.indexOf(" five");
    const paragraphs = segmentBody(body, [{ id: 9, start, end }]);
    expect(joined(paragraphs)).toEqual(["One two three.", "Four five six."]);
    expect(ids(paragraphs)).toEqual([
      ["One two ", []],
      ["three.", [9]],
      ["Four", [9]],
      [" five six.", []],
    ]);
    for (const p of paragraphs) {
      for (const s of p.segments) expect(body.slice(s.start, s.end)).toBe(s.text);
    }
  });

  it("lists the longer claim first when two start at the same place", () => {
    const body = "Kim will visit Russia next year, aides said.";
    const short = { id: 5, start: 0, end: "Kim will visit Russia".length };
    const long = { id: 6, start: 0, end: "Kim will visit Russia next year".length };
    expect(ids(segmentBody(body, [short, long]))).toEqual([
      ["Kim will visit Russia", [6, 5]],
      [" next year", [6]],
      [", aides said.", []],
    ]);
  });

  it("handles identical spans and spans at the edges of a paragraph", () => {
    const body = "Exactly this.";
    const paragraphs = segmentBody(body, [
      { id: 1, start: 0, end: body.length },
      { id: 2, start: 0, end: body.length },
    ]);
    expect(ids(paragraphs)).toEqual([["Exactly this.", [1, 2]]]);
  });
});
