/**
 * Scores suggestions against a hand-annotated gold file. A suggestion matches
 * a gold span when they overlap by at least half of the shorter one.
 * - quotations: precision over suggestions of kind "quotation" (a match on a
 *   gold fragment counts as correct: those are someone's words too), recall
 *   over the gold quotations that are not fragments, and speaker accuracy over
 *   the matched ones (nameKey equality, or the gold name being an alias of the
 *   speaker suggested);
 * - predictions: suggestions of type "prediction" against the gold ones, and
 *   whether the date or range is the gold one, where the gold gives one;
 * - statistics: recall only (a suggestion with figures overlapping the gold).
 */
import { SpeakerDirectory } from "./speakers";
import { nameKey } from "@/lib/text/name-key";
import { suggestClaims } from "./index";
import type { Suggestion, SuggestOptions } from "./types";

export type GoldQuotation = { quote: string; speaker: string | string[]; fragment?: boolean };
export type GoldPrediction = { text: string; resolvesOn?: string; range?: { from: string; to: string } };
export type Gold = {
  publishedAt: string;
  outlet?: string;
  quotations: GoldQuotation[];
  predictions: GoldPrediction[];
  statistics?: Array<{ text: string }>;
};

export type Miss = { what: "quotation" | "speaker" | "prediction" | "date" | "statistic" | "false-quotation" | "false-prediction"; text: string; got?: string | null };

export type Evaluation = {
  quotations: { suggested: number; correct: number; gold: number; found: number; speakerRight: number };
  predictions: { suggested: number; correct: number; gold: number; found: number; dated: number; dateRight: number };
  statistics: { gold: number; found: number };
  misses: Miss[];
};

type Span = { start: number; end: number };

/** Every occurrence of text in body (a gold quote may occur twice; either counts). */
function occurrences(body: string, text: string): Span[] {
  const out: Span[] = [];
  for (let i = body.indexOf(text); i !== -1; i = body.indexOf(text, i + 1)) out.push({ start: i, end: i + text.length });
  if (out.length === 0) throw new Error(`gold text not in body: ${text.slice(0, 60)}`);
  return out;
}

export function overlaps(a: Span, b: Span): boolean {
  const shared = Math.min(a.end, b.end) - Math.max(a.start, b.start);
  const shorter = Math.min(a.end - a.start, b.end - b.start);
  return shorter > 0 && shared >= shorter / 2;
}

function speakerMatches(got: string | null, gold: string | string[], options: SuggestOptions): boolean {
  if (!got) return false;
  const key = nameKey(got);
  for (const name of Array.isArray(gold) ? gold : [gold]) {
    const goldKey = nameKey(name);
    if (key === goldKey) return true;
    const speakers = options.speakers instanceof SpeakerDirectory ? options.speakers.speakers : options.speakers;
    const speaker = speakers.find((s) => [s.name, ...s.aliases].some((a) => nameKey(a) === goldKey));
    if (speaker && [speaker.name, ...speaker.aliases].some((a) => nameKey(a) === key)) return true;
  }
  return false;
}

function sameDate(s: Suggestion, g: GoldPrediction): boolean {
  if (g.resolvesOn) return s.resolvesOn === g.resolvesOn;
  if (g.range) return s.resolvesRange?.from === g.range.from && s.resolvesRange?.to === g.range.to;
  return true;
}

/** The best-overlapping suggestion for a gold span. */
function best(spans: Span[], candidates: Suggestion[]): Suggestion | undefined {
  let found: Suggestion | undefined;
  let score = 0;
  for (const span of spans) {
    for (const c of candidates) {
      if (!overlaps(c, span)) continue;
      const shared = Math.min(c.end, span.end) - Math.max(c.start, span.start);
      if (shared > score) [found, score] = [c, shared];
    }
  }
  return found;
}

export function evaluateSuggestions(body: string, gold: Gold, options: SuggestOptions, suggestions = suggestClaims(body, options)): Evaluation {
  const misses: Miss[] = [];
  const quotes = suggestions.filter((s) => s.kind === "quotation");
  const goldQuotes = gold.quotations.map((q) => ({ ...q, spans: occurrences(body, q.quote) }));
  const q = { suggested: quotes.length, correct: 0, gold: 0, found: 0, speakerRight: 0 };
  for (const s of quotes) {
    if (goldQuotes.some((g) => g.spans.some((span) => overlaps(s, span)))) q.correct++;
    else misses.push({ what: "false-quotation", text: s.quote });
  }
  for (const g of goldQuotes) {
    if (g.fragment) continue;
    q.gold++;
    const match = best(g.spans, quotes);
    if (!match) {
      misses.push({ what: "quotation", text: g.quote });
      continue;
    }
    q.found++;
    if (speakerMatches(match.speakerName, g.speaker, options)) q.speakerRight++;
    else misses.push({ what: "speaker", text: g.quote, got: match.speakerName });
  }

  const predictions = suggestions.filter((s) => s.type === "prediction");
  const goldPredictions = gold.predictions.map((p) => ({ ...p, spans: occurrences(body, p.text) }));
  const p = { suggested: predictions.length, correct: 0, gold: goldPredictions.length, found: 0, dated: 0, dateRight: 0 };
  for (const s of predictions) {
    if (goldPredictions.some((g) => g.spans.some((span) => overlaps(s, span)))) p.correct++;
    else misses.push({ what: "false-prediction", text: s.quote });
  }
  for (const g of goldPredictions) {
    const match = best(g.spans, predictions);
    if (!match) {
      misses.push({ what: "prediction", text: g.text });
      continue;
    }
    p.found++;
    if (!g.resolvesOn && !g.range) continue;
    p.dated++;
    if (sameDate(match, g)) p.dateRight++;
    else misses.push({ what: "date", text: g.text, got: match.resolvesOn ?? (match.resolvesRange ? `${match.resolvesRange.from}..${match.resolvesRange.to}` : null) });
  }

  const st = { gold: gold.statistics?.length ?? 0, found: 0 };
  for (const g of gold.statistics ?? []) {
    const withFigures = suggestions.filter((s) => (s.figures?.length ?? 0) > 0);
    if (best(occurrences(body, g.text), withFigures)) st.found++;
    else misses.push({ what: "statistic", text: g.text });
  }
  return { quotations: q, predictions: p, statistics: st, misses };
}
