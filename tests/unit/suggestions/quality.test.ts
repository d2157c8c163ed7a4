/**
 * The acceptance test: suggestions against hand-annotated gold files.
 * Tuned corpus (our eight articles and the three seed bodies):
 *   quotation precision >= 0.90, recall >= 0.90, and >= 95% of the matched
 *   quotations name the right speaker.
 * Holdout (written after the rules, never tuned on): the figures are printed,
 * only the offset property is asserted.
 * Every fixture: body.slice(start, end) === quote for every suggestion, keys
 * are stable, suggestions are sorted and no two share a span.
 */
import { describe, expect, it } from "vitest";
import { suggestClaims } from "@/lib/suggestions";
import { evaluateSuggestions, type Evaluation } from "@/lib/suggestions/evaluate";
import { loadFixtures, type Fixture } from "./fixtures";

const fixtures = loadFixtures();
const optionsOf = (f: Fixture) => ({ publishedAt: f.gold.publishedAt, speakers: f.speakers, outlet: f.gold.outlet ?? null });

type Totals = { [K in keyof Omit<Evaluation, "misses">]: Record<string, number> };

function total(evaluations: Evaluation[]): Totals {
  const sum = (pick: (e: Evaluation) => Record<string, number>) =>
    evaluations.map(pick).reduce((a, b) => Object.fromEntries(Object.keys(b).map((k) => [k, (a[k] ?? 0) + b[k]!])), {} as Record<string, number>);
  return { quotations: sum((e) => e.quotations), predictions: sum((e) => e.predictions), statistics: sum((e) => e.statistics) };
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
const pct = (a: number, b: number) => `${(ratio(a, b) * 100).toFixed(1)}% (${a}/${b})`;

function table(title: string, t: Totals): string {
  const q = t.quotations;
  const p = t.predictions;
  const s = t.statistics;
  return [
    `| ${title} | precision | recall | other |`,
    "| --- | --- | --- | --- |",
    `| quotations | ${pct(q.correct!, q.suggested!)} | ${pct(q.found!, q.gold!)} | right speaker ${pct(q.speakerRight!, q.found!)} |`,
    `| predictions | ${pct(p.correct!, p.suggested!)} | ${pct(p.found!, p.gold!)} | right date/range ${pct(p.dateRight!, p.dated!)} |`,
    `| statistics | – | ${pct(s.found!, s.gold!)} | |`,
  ].join("\n");
}

function evaluateAll(group: Fixture[]): Evaluation[] {
  return group.map((f) => {
    const e = evaluateSuggestions(f.body, f.gold, optionsOf(f));
    const missed = e.misses.filter((m) => m.what === "quotation" || m.what === "speaker" || m.what === "false-quotation" || m.what === "date");
    if (missed.length > 0) console.log(`${f.name}:\n${missed.map((m) => `  ${m.what}: ${m.text.slice(0, 70)}${m.got !== undefined ? ` -> ${m.got}` : ""}`).join("\n")}`);
    return e;
  });
}

describe("suggestion quality", () => {
  const tuned = fixtures.filter((f) => !f.holdout);
  const holdout = fixtures.filter((f) => f.holdout);

  it("has the corpus it promises: eight own articles, three seed bodies, two holdouts", () => {
    expect(tuned.filter((f) => !f.gold.seed).length).toBeGreaterThanOrEqual(8);
    expect(tuned.filter((f) => f.gold.seed).length).toBe(3);
    expect(holdout.length).toBeGreaterThanOrEqual(2);
  });

  it("meets the bar on the tuned corpus", () => {
    const t = total(evaluateAll(tuned));
    console.log(table(`tuned corpus (${tuned.length} articles)`, t));
    expect(ratio(t.quotations.correct!, t.quotations.suggested!)).toBeGreaterThanOrEqual(0.9);
    expect(ratio(t.quotations.found!, t.quotations.gold!)).toBeGreaterThanOrEqual(0.9);
    expect(ratio(t.quotations.speakerRight!, t.quotations.found!)).toBeGreaterThanOrEqual(0.95);
  });

  it("reports the holdout figures (not tuned on)", () => {
    const t = total(evaluateAll(holdout));
    console.log(table(`holdout (${holdout.length} articles)`, t));
    expect(t.quotations.gold).toBeGreaterThan(0);
  });
});

describe.each(fixtures.map((f) => [f.name, f] as const))("suggestions on %s", (_name, f) => {
  const out = suggestClaims(f.body, optionsOf(f));

  it("anchors every suggestion: body.slice(start, end) === quote", () => {
    for (const s of out) expect(f.body.slice(s.start, s.end)).toBe(s.quote);
    for (const s of out) if (s.speakerSpan) expect(s.speakerSpan.end).toBeLessThanOrEqual(f.body.length);
    for (const s of out) if (s.cue) expect(f.body.slice(s.cue.start, s.cue.end).toLowerCase()).toBe(s.cue.text.toLowerCase());
  });

  it("is sorted by start, one suggestion per span, with stable keys and sane fields", () => {
    for (let i = 1; i < out.length; i++) expect(out[i]!.start).toBeGreaterThanOrEqual(out[i - 1]!.start);
    expect(new Set(out.map((s) => `${s.start}:${s.end}`)).size).toBe(out.length);
    expect(suggestClaims(f.body, optionsOf(f)).map((s) => s.key)).toEqual(out.map((s) => s.key));
    for (const s of out) {
      expect(s.confidence).toBeGreaterThanOrEqual(0);
      expect(s.confidence).toBeLessThanOrEqual(1);
      expect(s.why.length).toBeGreaterThan(10);
      if (s.type !== "prediction") expect([s.resolvesOn ?? null, s.resolvesRange ?? null]).toEqual([null, null]);
      if (s.resolvesOn) expect(s.resolvesOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });
});
