/**
 * Direct-quotation suggestions: one per quoted part (a quotation continued
 * over paragraphs gives one per paragraph, all with its speaker), the span
 * being the words inside the marks. A quote without its own attribution takes
 * the speaker of the quotation it continues: the other half of a quote broken
 * by its attribution, an earlier quote in the same paragraph, or the quote of
 * the paragraph before when this paragraph opens with a quotation.
 * Fragments (scare quotes, titles, a few borrowed words) are left to the
 * reported-sentence rules.
 */
import { type Attribution, type Cue, attributionAfter, attributionBefore } from "./attribution";
import { classifyClaim } from "./claim-type";
import { type SentenceContext, type SuggestState, suggestionKey } from "./context";
import { PARTICIPLE_CUES, SPEECH_VERBS } from "./lexicon";
import { isWord, lower } from "./names";
import { quoteShape, type QuotePart } from "./quotes";
import { type ResolvedSpeaker, resolvePhrase } from "./resolve";
import type { Span } from "./sentences";
import type { Suggestion } from "./types";
import { attributedWhy, describeType } from "./why";

const QUOTE_MARKS = "“”\"‘’'«»„";

function isStandalone(ctx: SentenceContext, open: number, part: QuotePart, after: Attribution | null): boolean {
  if (part.continued || after) return true;
  let k = open - 1;
  while (k >= 0 && !ctx.tokens[k]!.word && QUOTE_MARKS.includes(ctx.tokens[k]!.text)) k--;
  if (k < 0) return true;
  const t = ctx.tokens[k]!;
  const speech = (i: number) => isWord(ctx.tokens[i]) && (SPEECH_VERBS.has(lower(ctx.tokens[i]!)) || PARTICIPLE_CUES.has(lower(ctx.tokens[i]!)));
  // "said: “…”", "said, “…”"; but "expressed “willingness …”" is an object, judged as embedded
  return t.text === ":" || (t.text === "," && k > 0 && speech(k - 1));
}

export function remember(state: SuggestState, speaker: ResolvedSpeaker | null, paragraph: number): void {
  if (!speaker) return;
  state.memory.last = speaker;
  state.memory.lastParagraph = paragraph;
  if (speaker.kind === "org" || speaker.kind === "group") state.memory.lastCollective = speaker;
  if (speaker.plural) state.memory.lastPlural = { speaker, paragraph };
}

type Inherited = { speaker: ResolvedSpeaker; how: string };

/**
 * A quote with no attribution of its own takes the speaker of the quotation it
 * continues (the other half of a broken quote, an earlier quote in its
 * paragraph, the same quotation in the paragraph before) or, when it opens a
 * paragraph, of the paragraph before: one that ended "X put it this way:", or
 * that quoted or reported X (journalistic convention).
 */
function inheritSpeaker(state: SuggestState, part: QuotePart, previous: ResolvedSpeaker | null): Inherited | null {
  const carry = (speaker: ResolvedSpeaker | null | undefined, how: string) => (speaker ? { speaker, how: how.replace("%", speaker.name) } : null);
  if (part.continued) return carry(state.groups.get(part.group), "continues %'s quotation from the previous paragraph");
  if (previous) return carry(previous, "continues %'s quotation");
  const last = state.lastQuote;
  if (last && last.paragraph === part.paragraph) return carry(last.speaker, "continues %'s quotation");
  if (part.open !== state.paragraphs[part.paragraph]?.start) return null;
  const intro = state.colonIntro;
  if (intro && intro.paragraph === part.paragraph - 1) return carry(intro.speaker, "introduced by the paragraph before (%)");
  if (last && last.paragraph === part.paragraph - 1 && last.speaker) return carry(last.speaker, "continues %'s quotation from the previous paragraph");
  if (state.memory.last && state.memory.lastParagraph === part.paragraph - 1) return carry(state.memory.last, "follows the paragraph reporting %");
  return null;
}

/** "Smith put it this way:" ending a paragraph introduces the quotation that opens the next one. */
export function noteColonIntro(ctx: SentenceContext, state: SuggestState): void {
  const last = ctx.tokens[ctx.tokens.length - 1];
  const paragraph = state.paragraphs[ctx.sentence.paragraph];
  if (!last || last.text !== ":" || !paragraph || ctx.sentence.end !== paragraph.end) return;
  const attribution = attributionBefore(ctx.tokens, 0, ctx.tokens.length, 0, ctx.quoted);
  const speaker = attribution?.phrase ? resolvePhrase(state.book, state.body, attribution.phrase, state.memory) : null;
  // "told the meeting:", "said:": a speech verb (and its object) right before the colon
  const cue = attribution?.cue && attribution.via !== "colon" ? ctx.tokenAt(attribution.cue.start) : -1;
  const speech = cue >= 0 && ctx.tokens.length - 1 - cue <= 6 && !ctx.tokens.slice(cue + 1, -1).some((t) => !t.word);
  if (speaker) state.colonIntro = { speaker, paragraph: ctx.sentence.paragraph, speech };
}

const MARKS = /["“”„«»]/;
const PROSE_END = /[.!?…]["”’)]?$/;

/**
 * A paragraph with no quote marks after one that ends with a speech cue and a
 * colon ("Richard Thompson … told the meeting:") is that speaker's quotation:
 * a block quotation whose marks the page gave as layout (a `<blockquote>`), not
 * as characters. One suggestion of kind "quotation" for the whole paragraph;
 * only that one paragraph (where a block quotation without marks ends cannot
 * be told). Returns true for every sentence of such a paragraph.
 */
export function suggestUnmarkedQuotation(ctx: SentenceContext, state: SuggestState): boolean {
  const index = ctx.sentence.paragraph;
  if (state.unmarked === index) return true;
  const paragraph = state.paragraphs[index];
  const intro = state.colonIntro;
  if (!paragraph || ctx.sentence.start !== paragraph.start || !intro?.speech || intro.paragraph !== index - 1) return false;
  const text = state.body.slice(paragraph.start, paragraph.end);
  if (MARKS.test(text) || !PROSE_END.test(text) || /^[-*•–\d]/.test(text) || text.split(/\s+/).length < 5 || text.length > 3000) return false;
  state.unmarked = index;
  const span = { start: paragraph.start, end: paragraph.end };
  const info = classifyClaim(state.body, span, state.options.publishedAt, false);
  const speaker = intro.speaker;
  state.out.push({
    key: suggestionKey(span.start, span.end, text),
    quote: text,
    start: span.start,
    end: span.end,
    kind: "quotation",
    type: info.type,
    speakerName: speaker.name,
    ...(speaker.id !== undefined ? { speakerId: speaker.id } : {}),
    speakerDescription: speaker.id === undefined ? speaker.description : null,
    speakerSpan: { start: speaker.span.start, end: speaker.span.end },
    cue: null,
    typeCue: info.typeCue,
    figures: info.figures,
    resolvesOn: info.resolvesOn,
    resolvesRange: info.resolvesRange,
    confidence: info.weak ? 0.65 : 0.7,
    why: `Quoted without marks (a block quotation), introduced by the paragraph before (${speaker.name})${describeType(info)}`,
  });
  state.lastQuote = { speaker, paragraph: index, sentence: ctx.sentence.index, group: -1 };
  remember(state, speaker, index);
  return true;
}

/**
 * An attribution on a later part of a quotation over paragraphs (`…," the
 * senator said.`) belongs to every part: the earlier parts that had no
 * attribution of their own (no speaker, or one inherited) take its speaker.
 */
function attributeGroup(state: SuggestState, group: number, speaker: ResolvedSpeaker, cue: Cue | null): void {
  for (const { suggestion: s, typeNote } of state.unattributed.get(group) ?? []) {
    s.speakerName = speaker.name;
    if (speaker.id !== undefined) s.speakerId = speaker.id;
    else delete s.speakerId;
    s.speakerDescription = speaker.id === undefined ? speaker.description : null;
    s.speakerSpan = { start: speaker.span.start, end: speaker.span.end };
    s.cue = cue;
    s.confidence = Math.max(s.confidence, 0.75);
    s.why = `Quoted, attributed to ${speaker.name} by the attribution closing this quotation in a later paragraph${typeNote}`;
  }
  state.unattributed.delete(group);
}

/** Adds the quotation suggestions of one sentence; returns the spans they cover and whether one stands as a full quotation. */
export function suggestQuotations(ctx: SentenceContext, state: SuggestState): { covered: Span[]; framed: boolean } {
  const { body, book, memory } = state;
  const covered: Span[] = [];
  let framed = false;
  let floor = 0;
  let previous: ResolvedSpeaker | null = null;
  for (let n = 0; n < ctx.parts.length; n++) {
    const part = ctx.parts[n]!;
    const open = ctx.tokenAt(part.open);
    const close = part.close === null ? -1 : ctx.tokenAt(part.close);
    const nextOpen = n + 1 < ctx.parts.length ? ctx.tokenAt(ctx.parts[n + 1]!.open) : ctx.tokens.length;
    const quote = body.slice(part.start, part.end);
    const after = close >= 0 ? attributionAfter(ctx.tokens, close + 1, nextOpen) : null;
    const standalone = isStandalone(ctx, open, part, after);
    const wordBefore = open > 0 && ctx.tokens[open - 1]!.word ? ctx.tokens[open - 1]!.text : "";
    const nextFloor = close >= 0 ? close + 1 : ctx.tokens.length;
    // a fragment does not end the clause before the next quote: "it was said that … ‘cooperation’ and “achieved …”"
    if (quoteShape(quote, standalone, wordBefore) === "fragment") continue;
    framed ||= standalone;
    // a continued part has no attribution before it, but the last part may close with one ("…," the senator said)
    const attribution = part.continued ? after : after ?? attributionBefore(ctx.tokens, floor, open, 0, ctx.quoted);
    let speaker = attribution?.phrase ? resolvePhrase(book, body, attribution.phrase, memory) : null;
    const own = speaker !== null;
    let how = speaker ? attributedWhy(speaker, attribution!.cue?.text) : "";
    let confidence = standalone ? 0.9 : 0.7;
    if (!speaker && attribution?.via === "impersonal" && memory.last) {
      speaker = memory.last;
      how = `'it was ${attribution.cue?.text}' continues ${speaker.name}'s report`;
      confidence -= 0.15;
    }
    // an attribution of its own that names nobody we know ("the spokesperson said") is not someone else's quote
    if (!speaker && !attribution?.phrase) {
      const inherited = inheritSpeaker(state, part, previous);
      if (inherited) {
        ({ speaker, how } = inherited);
        confidence -= 0.1;
      }
    }
    if (part.close === null && !part.continues) confidence -= 0.15;
    if (!speaker) confidence = Math.min(confidence, 0.5);
    // an embedded quote's prediction cue or date may sit in the clause around it,
    // between the neighbouring quotations (bounded, for linear time)
    const segment = {
      start: floor > 0 ? ctx.tokens[floor - 1]!.end : ctx.sentence.start,
      end: n + 1 < ctx.parts.length ? ctx.parts[n + 1]!.open : ctx.sentence.end,
    };
    const context = standalone || segment.end - segment.start > 1500 ? undefined : segment;
    const info = classifyClaim(body, part, state.options.publishedAt, false, context);
    const suggestion: Suggestion = {
      key: suggestionKey(part.start, part.end, quote),
      quote,
      start: part.start,
      end: part.end,
      kind: "quotation",
      type: info.type,
      speakerName: speaker?.name ?? null,
      ...(speaker?.id !== undefined ? { speakerId: speaker.id } : {}),
      speakerDescription: speaker && speaker.id === undefined ? speaker.description : null,
      speakerSpan: speaker ? { start: speaker.span.start, end: speaker.span.end } : null,
      cue: attribution?.cue ?? null,
      typeCue: info.typeCue,
      figures: info.figures,
      resolvesOn: info.resolvesOn,
      resolvesRange: info.resolvesRange,
      confidence: Math.round(Math.max(0.05, confidence - (info.weak ? 0.05 : 0)) * 100) / 100,
      why: `Quoted, ${speaker ? how : "no speaker found"}${describeType(info)}`,
    };
    state.out.push(suggestion);
    covered.push({ start: part.open, end: (part.close ?? part.end) + 1 });
    if (own && part.continued) attributeGroup(state, part.group, speaker!, attribution?.cue ?? null);
    else if (!own && part.continues) {
      // kept only while the quotation goes on, and for at most 20 paragraphs (bounded on hostile text)
      const pending = state.unattributed.get(part.group);
      if (!pending) state.unattributed.set(part.group, [{ suggestion, typeNote: describeType(info) }]);
      else if (pending.length < 20) pending.push({ suggestion, typeNote: describeType(info) });
    }
    if (!part.continues && !own) state.unattributed.delete(part.group);
    if (!part.continued || own) state.groups.set(part.group, speaker);
    state.lastQuote = { speaker, paragraph: part.paragraph, sentence: ctx.sentence.index, group: part.group };
    previous = speaker;
    remember(state, speaker, part.paragraph);
    floor = nextFloor;
  }
  return { covered, framed };
}
