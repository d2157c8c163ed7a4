/**
 * Unseen articles: six raw pages in shapes the rules were not written against
 * (tests/fixtures/unseen), annotated before any code ran on them.
 * The whole pipeline runs: prepareArticle on the raw file, then suggestClaims
 * on the clean body with no desk speakers. The figures are PRINTED, not
 * asserted; only "it runs" and the offset property are asserted.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { prepareArticle, type ImportFormat, type PreparedArticle } from "@/lib/import/prepare";
import { suggestClaims, type Suggestion } from "@/lib/suggestions";
import { evaluateSuggestions, type Evaluation, type Gold, type Miss } from "@/lib/suggestions/evaluate";

const DIR = path.join(process.cwd(), "tests", "fixtures", "unseen");
const FORMATS: Record<string, ImportFormat> = { ".html": "html", ".txt": "text", ".md": "markdown" };

type OneOrMany = string | string[];
type UnseenGold = Gold & {
  expected: { title: OneOrMany; outlet: OneOrMany; byline: OneOrMany; publishedAt: string };
  storyParagraphs: string[];
  furniture: string[];
  furnitureLines?: string[];
  atMostOnce?: string[];
};
type Case = { name: string; file: string; format: ImportFormat; raw: string; gold: UnseenGold };

function loadCases(): Case[] {
  return fs
    .readdirSync(DIR)
    .filter((f) => f.endsWith(".gold.json"))
    .sort()
    .map((g) => {
      const name = g.replace(".gold.json", "");
      const file = fs.readdirSync(DIR).find((f) => f.startsWith(`${name}.`) && !f.endsWith(".gold.json"))!;
      const format = FORMATS[path.extname(file)]!;
      return { name, file, format, raw: fs.readFileSync(path.join(DIR, file), "utf8"), gold: JSON.parse(fs.readFileSync(path.join(DIR, g), "utf8")) as UnseenGold };
    });
}

const norm = (s: string | null | undefined) => (s ?? "").normalize("NFC").replace(/\s+/g, " ").trim();
const many = (v: OneOrMany) => (Array.isArray(v) ? v : [v]);

/** "exact", "case" (only case/spacing differs) or "wrong". */
function compareText(got: string | null, want: OneOrMany): "exact" | "case" | "wrong" {
  if (many(want).some((w) => norm(w) === norm(got))) return "exact";
  if (many(want).some((w) => norm(w).toLowerCase() === norm(got).toLowerCase())) return "case";
  return "wrong";
}

/** Date-only expectations compare the day; others the instant, to the minute. */
function compareDate(got: string | null, want: string): "exact" | "wrong" {
  if (!got) return "wrong";
  if (/^\d{4}-\d{2}-\d{2}$/.test(want)) return got.slice(0, 10) === want ? "exact" : "wrong";
  const minute = (s: string) => Math.floor(new Date(s).getTime() / 60_000);
  return minute(got) === minute(want) ? "exact" : "wrong";
}

type CleanReport = { metadata: string[]; lostStory: string[]; keptFurniture: string[]; duplicated: string[] };

function checkClean(prepared: PreparedArticle, gold: UnseenGold): CleanReport {
  const { body, metadata } = prepared;
  const e = gold.expected;
  const out: CleanReport = { metadata: [], lostStory: [], keptFurniture: [], duplicated: [] };
  const meta: Array<[string, string | null, "exact" | "case" | "wrong", OneOrMany]> = [
    ["title", metadata.title, compareText(metadata.title, e.title), e.title],
    ["outlet", metadata.outlet, compareText(metadata.outlet, e.outlet), e.outlet],
    ["byline", metadata.byline, compareText(metadata.byline, e.byline), e.byline],
    ["publishedAt", metadata.publishedAt, compareDate(metadata.publishedAt, e.publishedAt), e.publishedAt],
  ];
  for (const [field, got, verdict, want] of meta) {
    if (verdict !== "exact") out.metadata.push(`${field}: ${verdict === "case" ? "case differs" : "WRONG"} got ${JSON.stringify(got)} want ${JSON.stringify(many(want)[0])}`);
  }
  for (const p of gold.storyParagraphs) if (!body.includes(p)) out.lostStory.push(p);
  for (const p of gold.furniture) if (body.includes(p)) out.keptFurniture.push(p);
  const paragraphs = body.split(/\n\s*\n/).map((p) => p.trim());
  for (const line of gold.furnitureLines ?? []) if (paragraphs.some((p) => p === line)) out.keptFurniture.push(`[line] ${line}`);
  for (const p of gold.atMostOnce ?? []) {
    const n = body.split(p).length - 1;
    if (n > 1) out.duplicated.push(`${n}x ${p}`);
  }
  return out;
}

/** Gold items whose text the cleaner lost cannot be scored by evaluateSuggestions; they count as misses. */
function splitGold(body: string, gold: UnseenGold) {
  const lost: Miss[] = [];
  const quotations = gold.quotations.filter((q) => body.includes(q.quote) || (lost.push({ what: "quotation", text: q.quote, got: q.fragment ? "fragment, not in clean body" : "not in clean body" }), false));
  const predictions = gold.predictions.filter((p) => body.includes(p.text) || (lost.push({ what: "prediction", text: p.text, got: "not in clean body" }), false));
  const statistics = (gold.statistics ?? []).filter((s) => body.includes(s.text) || (lost.push({ what: "statistic", text: s.text, got: "not in clean body" }), false));
  const lostQuotes = gold.quotations.filter((q) => !q.fragment && !body.includes(q.quote)).length;
  return { scored: { ...gold, quotations, predictions, statistics } as Gold, lost, lostQuotes, lostPredictions: gold.predictions.length - predictions.length, lostStatistics: (gold.statistics?.length ?? 0) - statistics.length };
}

type Result = { name: string; prepared: PreparedArticle; clean: CleanReport; evaluation: Evaluation; suggestions: Suggestion[]; lost: Miss[]; usedPublishedAt: string };

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
const pct = (a: number, b: number) => `${(ratio(a, b) * 100).toFixed(0)}% (${a}/${b})`;

function run(c: Case): Result {
  const prepared = prepareArticle(c.raw, c.format);
  const clean = checkClean(prepared, c.gold);
  const body = prepared.body;
  const options = { publishedAt: prepared.metadata.publishedAt ?? c.gold.publishedAt, speakers: [], outlet: prepared.metadata.outlet ?? c.gold.outlet ?? null };
  const suggestions = suggestClaims(body, options);
  const split = splitGold(body, c.gold);
  const evaluation = evaluateSuggestions(body, split.scored, options, suggestions);
  evaluation.quotations.gold += split.lostQuotes;
  evaluation.predictions.gold += split.lostPredictions;
  evaluation.statistics.gold += split.lostStatistics;
  return { name: c.name, prepared, clean, evaluation, suggestions, lost: split.lost, usedPublishedAt: options.publishedAt };
}

function row(name: string, e: Evaluation, metaOk: string, clean: string): string {
  const q = e.quotations;
  const p = e.predictions;
  return `| ${name} | ${metaOk} | ${clean} | ${pct(q.correct, q.suggested)} | ${pct(q.found, q.gold)} | ${pct(q.speakerRight, q.found)} | ${pct(p.correct, p.suggested)} | ${pct(p.found, p.gold)} | ${pct(p.dateRight, p.dated)} | ${pct(e.statistics.found, e.statistics.gold)} |`;
}

function report(results: Result[]): string {
  const lines = [
    "| article | metadata ok | story kept / furniture out | quote precision | quote recall | right speaker | prediction precision | prediction recall | right date | statistics recall |",
    "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
  ];
  const sum = { q: { suggested: 0, correct: 0, gold: 0, found: 0, speakerRight: 0 }, p: { suggested: 0, correct: 0, gold: 0, found: 0, dated: 0, dateRight: 0 }, s: { gold: 0, found: 0 }, meta: 0, story: 0, storyAll: 0, furn: 0, furnAll: 0 };
  for (const r of results) {
    const g = loadCases().find((c) => c.name === r.name)!.gold;
    const furnAll = g.furniture.length + (g.furnitureLines?.length ?? 0) + (g.atMostOnce?.length ?? 0);
    const furnOut = furnAll - r.clean.keptFurniture.length - r.clean.duplicated.length;
    const storyKept = g.storyParagraphs.length - r.clean.lostStory.length;
    lines.push(row(r.name, r.evaluation, `${4 - r.clean.metadata.length}/4`, `${storyKept}/${g.storyParagraphs.length} / ${furnOut}/${furnAll}`));
    for (const k of Object.keys(sum.q) as Array<keyof typeof sum.q>) sum.q[k] += r.evaluation.quotations[k];
    for (const k of Object.keys(sum.p) as Array<keyof typeof sum.p>) sum.p[k] += r.evaluation.predictions[k];
    sum.s.gold += r.evaluation.statistics.gold;
    sum.s.found += r.evaluation.statistics.found;
    sum.meta += 4 - r.clean.metadata.length;
    sum.story += storyKept;
    sum.storyAll += g.storyParagraphs.length;
    sum.furn += furnOut;
    sum.furnAll += furnAll;
  }
  const total: Evaluation = { quotations: sum.q, predictions: sum.p, statistics: sum.s, misses: [] };
  lines.push(row("**TOTAL**", total, `${sum.meta}/${results.length * 4}`, `${sum.story}/${sum.storyAll} / ${sum.furn}/${sum.furnAll}`));
  return lines.join("\n");
}

function details(r: Result): string {
  const out = [`── ${r.name} (suggestions run with publishedAt ${r.usedPublishedAt}, outlet ${JSON.stringify(r.prepared.metadata.outlet)})`];
  for (const m of r.clean.metadata) out.push(`  metadata ${m}`);
  for (const s of r.clean.lostStory) out.push(`  story DROPPED: ${s}`);
  for (const s of r.clean.keptFurniture) out.push(`  furniture KEPT: ${s}`);
  for (const s of r.clean.duplicated) out.push(`  duplicated: ${s}`);
  for (const m of r.lost) out.push(`  lost by cleaner (${m.what}): ${m.text.slice(0, 90)} -> ${m.got}`);
  for (const m of r.evaluation.misses) out.push(`  ${m.what}: ${m.text.slice(0, 110)}${m.got !== undefined ? ` -> ${JSON.stringify(m.got)}` : ""}`);
  return out.join("\n");
}

const cases = loadCases();

describe("unseen articles: cleaner + suggestions, figures printed", () => {
  const results: Result[] = [];

  it("has six unseen articles", () => {
    expect(cases.length).toBe(6);
  });

  it.each(cases.map((c) => [c.name, c] as const))("runs the pipeline on %s and anchors every suggestion", (_name, c) => {
    const r = run(c);
    results.push(r);
    for (const s of r.suggestions) expect(r.prepared.body.slice(s.start, s.end)).toBe(s.quote);
  });

  it("prints the figures", () => {
    const table = report(results);
    console.log(`\nUnseen articles (${results.length})\n${table}\n`);
    console.log(results.map(details).join("\n"));
    if (process.env.UNSEEN_DUMP) {
      for (const r of results) {
        console.log(`\n===== ${r.name} metadata ${JSON.stringify(r.prepared.metadata)}\n${r.prepared.body}\n----- removed\n${r.prepared.removed.map((x) => `[${x.reason}] ${x.line.slice(0, 100)}`).join("\n")}`);
        console.log(`----- suggestions\n${r.suggestions.map((s) => `${s.kind}/${s.type} [${s.speakerName}] ${s.resolvesOn ?? (s.resolvesRange ? `${s.resolvesRange.from}..${s.resolvesRange.to}` : "")} ${s.quote.slice(0, 100)}`).join("\n")}`);
      }
    }
    expect(results.length).toBe(cases.length);
  });

  // Floors below today's figures (README), so a change that makes the
  // pipeline worse on pages it was not written for fails here.
  it("keeps the figures above their floors", () => {
    const total = { qs: 0, qc: 0, qg: 0, qf: 0, sp: 0, pg: 0, pf: 0, lost: 0, meta: 0 };
    for (const r of results) {
      const { quotations: q, predictions: p } = r.evaluation;
      total.qs += q.suggested;
      total.qc += q.correct;
      total.qg += q.gold;
      total.qf += q.found;
      total.sp += q.speakerRight;
      total.pg += p.gold;
      total.pf += p.found;
      total.lost += r.clean.lostStory.length;
      total.meta += r.clean.metadata.length;
    }
    expect(total.lost, "story paragraphs dropped by the cleaner").toBe(0);
    expect(total.meta, "metadata fields wrong").toBeLessThanOrEqual(2);
    expect(total.qc / total.qs, "quotation precision").toBeGreaterThanOrEqual(0.95);
    expect(total.qf / total.qg, "quotation recall").toBeGreaterThanOrEqual(0.95);
    expect(total.sp / total.qf, "right speaker").toBeGreaterThanOrEqual(0.9);
    expect(total.pf / total.pg, "prediction recall").toBeGreaterThanOrEqual(0.9);
  });
});
