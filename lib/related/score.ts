/**
 * The agreements between the target and one candidate, each 0..1, their
 * weighted sum, and the reasons shown to the reviewer. Numbers come first
 * and cheap for every candidate; the words of the reasons only for the
 * claims that are shown.
 */
import type { DateMatch } from "./date-match";
import { type EntityMatch, describeMatch, matchEntities } from "./entity-match";
import { type FigureMatch, figureStrength, matchFigures } from "./numbers";
import type { Prepared } from "./prepare";
import { type SpeakerMatch, matchSpeakers, speakerNamed } from "./speakers";
import { type Idf, sharedWords } from "./text";
import type { Reason } from "./types";

export const WEIGHTS = { text: 0.35, entities: 0.25, date: 0.2, speaker: 0.1, numbers: 0.1 } as const;
const MAX_ENTITY_REASONS = 4;

export type Parts = {
  other: Prepared;
  text: number;
  speaker: SpeakerMatch;
  entities: { score: number; matches: EntityMatch[] };
  figures: FigureMatch["equal"];
  numbers: number;
  /** the weighted sum without the date */
  partial: number;
};

/** Every agreement but the date; null when the figures contradict each other. */
export function scoreParts(me: Prepared, other: Prepared, text: number): Parts | null {
  const figures = me.figures.length > 0 && other.figures.length > 0 ? matchFigures(me.figures, other.figures) : null;
  if (figures?.conflict) return null;
  const speaker = matchSpeakers(me, other) ?? speakerNamed(me, other);
  const entities = matchEntities(me.entities, other.entities);
  const equal = figures?.equal ?? [];
  const numbers = equal.length > 0 ? figureStrength(equal) : 0;
  const partial = WEIGHTS.text * text + WEIGHTS.speaker * (speaker?.score ?? 0) + WEIGHTS.entities * entities.score + WEIGHTS.numbers * numbers;
  return { other, text, speaker, entities, figures: equal, numbers, partial };
}

function describeFigures(equal: FigureMatch["equal"]): string {
  const shown = equal.slice(0, 3).map(({ a, b }) => (a.text === b.text ? a.text : `${a.text} ('${b.text}')`));
  return `${equal.length > 1 ? "same figures" : "same figure"}: ${shown.join(", ")}`;
}

/** The reasons, heaviest first; each weighs what it added to the score. */
export function reasonsFor(me: Prepared, parts: Parts, dates: DateMatch | null, idf: Idf): Reason[] {
  const out: Array<Reason & { weight: number }> = [];
  const shared = parts.text > 0 ? sharedWords(me.bag, parts.other.bag, idf) : [];
  if (shared.length > 0) out.push({ kind: "text", detail: `shared words: ${shared.join(", ")}`, weight: WEIGHTS.text * parts.text });
  if (parts.speaker) out.push({ kind: "speaker", detail: parts.speaker.detail, weight: WEIGHTS.speaker * parts.speaker.score });
  const { score, matches } = parts.entities;
  const total = matches.reduce((s, m) => s + m.weight, 0);
  for (const m of matches.slice(0, MAX_ENTITY_REASONS)) {
    out.push({ kind: "entities", detail: describeMatch(m), weight: (WEIGHTS.entities * score * m.weight) / total });
  }
  if (parts.numbers > 0) out.push({ kind: "numbers", detail: describeFigures(parts.figures), weight: WEIGHTS.numbers * parts.numbers });
  if (dates && dates.score > 0 && dates.detail) out.push({ kind: "date", detail: dates.detail, weight: WEIGHTS.date * dates.score });
  out.sort((a, b) => b.weight - a.weight);
  return out.map(({ kind, detail }) => ({ kind, detail }));
}
