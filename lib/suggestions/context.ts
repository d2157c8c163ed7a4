/**
 * What the per-sentence rules share: the sentence's tokens, which tokens sit
 * inside quotation marks, and the state carried from sentence to sentence
 * (who spoke last, which quotation a continued paragraph belongs to).
 */
import { joinPortfolioLists } from "./names";
import type { QuotePart } from "./quotes";
import type { ResolvedSpeaker, SpeakerMemory } from "./resolve";
import { tokenize, type Paragraph, type Sentence, type Span, type Token } from "./sentences";
import type { SpeakerBook } from "./speakers";
import type { Suggestion, SuggestOptions } from "./types";

export type SentenceContext = {
  sentence: Sentence;
  tokens: Token[];
  /** quote parts whose opening mark lies in this sentence */
  parts: QuotePart[];
  /** token i lies inside quotation marks (marks included) */
  quoted: (i: number) => boolean;
  /** index of the token starting at pos, or -1 */
  tokenAt: (pos: number) => number;
};

export type QuoteRecord = { speaker: ResolvedSpeaker | null; paragraph: number; sentence: number; group: number };

export type SuggestState = {
  body: string;
  options: SuggestOptions;
  paragraphs: Paragraph[];
  book: SpeakerBook;
  memory: SpeakerMemory;
  lastQuote: QuoteRecord | null;
  /** the speaker a paragraph ending in a colon introduced; `speech`: by a speech verb ("told the meeting:"), not a colon alone */
  colonIntro: { speaker: ResolvedSpeaker; paragraph: number; speech: boolean } | null;
  /** the speaker of each quotation group, for its continued parts */
  groups: Map<number, ResolvedSpeaker | null>;
  /** the suggestions of each quotation group whose speaker was inherited or missing, for an attribution on its last part */
  unattributed: Map<number, Array<{ suggestion: Suggestion; typeNote: string }>>;
  /** a paragraph without quote marks that is the quotation the paragraph before introduced ("X told the meeting:"), or -1 */
  unmarked: number;
  out: Suggestion[];
};

/** `parts` are the quote parts opening in this sentence (sentences never split inside a quotation). */
export function buildContext(body: string, sentence: Sentence, parts: QuotePart[]): SentenceContext {
  const tokens = tokenize(body, sentence.start, sentence.end);
  joinPortfolioLists(tokens);
  const inside = parts.map((p): Span => ({ start: p.open, end: (p.close ?? p.end) + 1 }));
  const mask = new Uint8Array(tokens.length);
  let j = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    while (j < inside.length && inside[j]!.end <= t.start) j++;
    if (j < inside.length && inside[j]!.start <= t.start) mask[i] = 1;
  }
  return {
    sentence,
    tokens,
    parts,
    quoted: (i) => mask[i] === 1,
    tokenAt: (pos) => {
      let lo = 0;
      let hi = tokens.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (tokens[mid]!.start < pos) lo = mid + 1;
        else hi = mid;
      }
      return tokens[lo]?.start === pos ? lo : -1;
    },
  };
}

/** A short stable key: FNV-1a over start, end and the quote, as 12 hex digits. */
export function suggestionKey(start: number, end: number, quote: string): string {
  const input = `${start}:${end}:${quote}`;
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ input.length;
  for (let i = 0; i < input.length; i++) {
    const c = input.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
  }
  return "s" + (h1 >>> 0).toString(16).padStart(8, "0") + ((h2 >>> 0) & 0xffff).toString(16).padStart(4, "0");
}
