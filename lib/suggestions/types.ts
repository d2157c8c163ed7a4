import type { SpeakerDirectory } from "./speakers";
/** The public shapes of claim suggestions. */
export type SuggestionKind = "quotation" | "reported";
export type SuggestionType = "statement" | "prediction" | "statistic" | "attribution";
export type TextSpan = { text: string; start: number; end: number };

export type Suggestion = {
  /** stable across runs for the same body and span, so a dismissal can be remembered */
  key: string;
  /** body.slice(start, end) === quote, offsets in UTF-16 code units */
  quote: string;
  start: number;
  end: number;
  kind: SuggestionKind;
  type: SuggestionType;
  speakerName: string | null;
  speakerId?: number;
  /** for a new speaker: the description its apposition or title gives */
  speakerDescription?: string | null;
  /** where the speaker is named, or the pronoun/title that resolved to it */
  speakerSpan?: { start: number; end: number } | null;
  /** the cue the suggestion relied on: the speech cue for quotations and reported speech, else the type's cue */
  cue?: TextSpan | null;
  /** the cue that made the type: "is expected to", "$2.3 billion", a future date */
  typeCue?: TextSpan | null;
  /** the figures found in the span (statistics, and predictions with numbers) */
  figures?: TextSpan[];
  /** predictions only: a day, or a range when the text gives a period */
  resolvesOn?: string | null;
  resolvesRange?: { from: string; to: string } | null;
  confidence: number;
  why: string;
};

export type SpeakerOption = { id: number; name: string; aliases: string[]; description?: string | null };

export type SuggestOptions = {
  /** ISO timestamp with the publisher's offset; dates resolve against its local date, never today */
  publishedAt: string;
  /** the desk's speakers, or a directory of them built once for many articles */
  speakers: readonly SpeakerOption[] | SpeakerDirectory;
  /** who a reported claim with no speaker is attributed to: the article itself */
  outlet?: string | null;
};
