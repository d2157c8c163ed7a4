/**
 * Which kind of claim a span makes. A committed prediction ("will", "is
 * expected to") or one with a date wins; then figures make a statistic; then a
 * hedged prediction ("could", "may"); then reported speech is an attribution.
 */
import type { DateExpression } from "./dates";
import { predictionDate, findPredictionCue, scheduledDate } from "./predictions";
import { findFigures } from "./statistics";
import type { SuggestionType, TextSpan } from "./types";
import type { Span } from "./sentences";

export type ClaimInfo = {
  type: SuggestionType;
  typeCue: TextSpan | null;
  figures: TextSpan[];
  resolvesOn: string | null;
  resolvesRange: { from: string; to: string } | null;
  /** a hedged prediction ("could", "may") with no date */
  weak: boolean;
};

function resolution(d: DateExpression | null): Pick<ClaimInfo, "resolvesOn" | "resolvesRange"> {
  return {
    resolvesOn: d && "date" in d.value ? d.value.date : null,
    resolvesRange: d && "range" in d.value ? d.value.range : null,
  };
}

/**
 * `span` is the claim's own text; `context`, when given, is the sentence
 * around it, searched for a prediction cue or date the span itself lacks
 * (an embedded quote: `will “discuss …,” which he said could happen next year`).
 */
export function classifyClaim(body: string, span: Span, publishedAt: string, speech: boolean, context?: Span): ClaimInfo {
  const text = body.slice(span.start, span.end);
  const figures = findFigures(text, span.start).map((f) => ({ text: f.text, start: f.start, end: f.end }));
  let cue = findPredictionCue(text, span.start, speech);
  let where: Span = span;
  if (!cue && context) {
    cue = findPredictionCue(body.slice(context.start, context.end), context.start);
    where = context;
  }
  const date = cue ? predictionDate(body.slice(where.start, where.end), where.start, cue, publishedAt) ?? (context && where !== context ? predictionDate(body.slice(context.start, context.end), context.start, cue, publishedAt) : null) : null;
  if (cue?.strength === "dated" && !date) cue = null;
  const base = { figures, weak: false };
  if (cue && (cue.strength === "strong" || date)) {
    return { ...base, type: "prediction", typeCue: { text: cue.text, start: cue.start, end: cue.end }, ...resolution(date) };
  }
  const scheduled = cue ? null : scheduledDate(text, span.start, publishedAt);
  if (scheduled) return { ...base, type: "prediction", typeCue: { text: scheduled.text, start: scheduled.start, end: scheduled.end }, ...resolution(scheduled) };
  if (figures.length > 0) return { ...base, type: "statistic", typeCue: figures[0]!, resolvesOn: null, resolvesRange: null };
  if (cue) return { ...base, type: "prediction", typeCue: { text: cue.text, start: cue.start, end: cue.end }, weak: true, resolvesOn: null, resolvesRange: null };
  return { ...base, type: speech ? "attribution" : "statement", typeCue: null, resolvesOn: null, resolvesRange: null };
}
