/**
 * Claim suggestions for an imported article: the checkable sentences, with
 * their speakers and, for predictions, the date they resolve on. Pure
 * functions over the clean body; no database, no models, no network.
 *
 *   paragraphs -> quote marks -> sentences (never split inside a quotation)
 *   -> people and organisations named, in order (for pronouns/titles/surnames)
 *   -> per sentence: quotation suggestions, then reported ones
 */
import { buildContext, type SuggestState } from "./context";
import { findQuoteParts } from "./quotes";
import { noteColonIntro, suggestQuotations, suggestUnmarkedQuotation } from "./quotations";
import { suggestReported } from "./reported";
import { splitParagraphs, splitSentences, type Sentence } from "./sentences";
import { scanMentions, SpeakerBook } from "./speakers";
import type { Suggestion, SuggestOptions } from "./types";

export type { Suggestion, SuggestOptions, SpeakerOption, SuggestionKind, SuggestionType } from "./types";
export { resolveFutureDate } from "./dates";
export { SpeakerDirectory } from "./speakers";

export function suggestClaims(body: string, options: SuggestOptions): Suggestion[] {
  const paragraphs = splitParagraphs(body);
  const parts = findQuoteParts(body, paragraphs);
  const sentences: Sentence[] = [];
  let p = 0;
  for (const paragraph of paragraphs) {
    const from = p;
    while (p < parts.length && parts[p]!.paragraph === paragraph.index) p++;
    sentences.push(...splitSentences(body, paragraph, parts.slice(from, p), sentences.length));
  }

  // contexts in one pass, each with the quote parts opening inside it
  let q = 0;
  const contexts = sentences.map((sentence) => {
    while (q < parts.length && parts[q]!.open < sentence.start) q++;
    const from = q;
    while (q < parts.length && parts[q]!.open < sentence.end) q++;
    return buildContext(body, sentence, parts.slice(from, q));
  });

  const book = new SpeakerBook(options.speakers);
  for (const ctx of contexts) scanMentions(book, body, ctx.tokens, (t) => ctx.quoted(ctx.tokenAt(t.start)));

  const state: SuggestState = {
    body,
    options,
    paragraphs,
    book,
    memory: { last: null, lastParagraph: -1, lastCollective: null, lastPlural: null },
    lastQuote: null,
    colonIntro: null,
    groups: new Map(),
    unattributed: new Map(),
    unmarked: -1,
    out: [],
  };
  for (const ctx of contexts) {
    if (suggestUnmarkedQuotation(ctx, state)) continue;
    const { covered, framed } = suggestQuotations(ctx, state);
    suggestReported(ctx, state, covered, framed);
    noteColonIntro(ctx, state);
  }

  // sorted by start; one suggestion per span (the more confident one)
  const bySpan = new Map<string, Suggestion>();
  for (const s of state.out) {
    const k = `${s.start}:${s.end}`;
    const prior = bySpan.get(k);
    if (!prior || s.confidence > prior.confidence) bySpan.set(k, s);
  }
  return [...bySpan.values()].sort((a, b) => a.start - b.start || a.end - b.end);
}
