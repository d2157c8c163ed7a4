/**
 * Linear time on hostile input (the speed on a real article is measured by
 * the bench, not asserted here):
 * - every 100 KB line below, built to make a backtracking regex or a quadratic
 *   scan blow up, takes less than eight times its first quarter (and never
 *   seconds);
 * - text that is nothing but real quotations (thousands of suggestions, ten
 *   times denser than any article) grows linearly: four times the text takes
 *   well under eight times as long.
 */
import { describe, expect, it } from "vitest";
import { suggestClaims } from "@/lib/suggestions";

const options = { publishedAt: "2025-03-11T10:00:00+09:00", speakers: [], outlet: "Test Wire" };

function median(fn: () => void, runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(runs / 2)]!;
}

const fill = (unit: string, size: number) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);

const HOSTILE: Array<[string, string]> = [
  ["50,000 opening quotes", "“".repeat(50_000) + "x".repeat(50_000)],
  ["straight quotes only", '"'.repeat(100_000)],
  ['"said " repeated', fill("said ", 100_000)],
  ['"He said " repeated', fill("He said ", 100_000)],
  ["single opening quotes", fill("‘a ", 100_000)],
  ["capitalised words", fill("Alpha Beta ", 100_000)],
  ["digits and commas", fill("1,", 100_000)],
  ["full stops", fill("a. ", 100_000)],
  ["dates", fill("on Monday, March 17 next year ", 100_000)],
  ["commas before a cue", fill("Smith, ", 99_990) + " said"],
  ["according to", fill("according to ", 100_000)],
  ["relative clauses", fill("Jane Doe, who said, ", 100_000)],
  ["apostrophes", fill("it's ", 100_000)],
  ["will", fill("it will ", 100_000)],
];

const DENSE: Array<[string, string]> = [
  ["quote, attribution, quote", '"a b," he said. '],
  ["embedded quotes in one sentence", 'X said that "we will win the game" and '],
  ["unclosed quotes over paragraphs", "“a b c\n\n"],
];

describe("suggestClaims speed", () => {
  // Absolute speed on a real article is the bench's business (import_p50 in
  // bench/run.ts); a test only asserts the shape of growth, which does not
  // depend on how loaded the machine is.
  it.each(HOSTILE)("stays linear on a 100 KB hostile line: %s", (_name, text) => {
    expect(text.length).toBeGreaterThanOrEqual(99_000);
    const small = text.slice(0, 25_000);
    suggestClaims(text, options); // warm-up
    const a = median(() => suggestClaims(small, options), 3);
    const b = median(() => suggestClaims(text, options), 3);
    // Quadratic growth would make four times the text sixteen times slower;
    // catastrophic backtracking would take seconds on 100 KB.
    expect(b).toBeLessThan(Math.max(8 * a, 150));
    expect(b).toBeLessThan(2_000);
  });

  it.each(DENSE)("grows linearly on text made of quotations: %s", (_name, unit) => {
    const small = fill(unit, 25_000);
    const large = fill(unit, 100_000);
    suggestClaims(large, options); // warm-up
    const a = median(() => suggestClaims(small, options), 5);
    const b = median(() => suggestClaims(large, options), 3);
    console.log(`${_name}: 25 KB ${a.toFixed(0)} ms, 100 KB ${b.toFixed(0)} ms`);
    expect(b).toBeLessThan(Math.max(8 * a, 100));
    expect(b).toBeLessThan(2_000);
  });
});
