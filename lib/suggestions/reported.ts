/**
 * Reported-claim suggestions: sentences (or coordinated clauses) that predict,
 * give figures, report what someone said, or date a past event. The span is
 * the proposition, without its attribution ("According to X, …", "X said that
 * …", "…, the mayor said"); the speaker is whoever the attribution names, or
 * the article itself (the outlet) when nobody does.
 *
 * A sentence whose words are mostly inside quotation suggestions is left to
 * them. One with only fragment quotes (`argued that what Pyongyang and Moscow
 * “do within the framework” of their treaty is “our business.”`) is suggested
 * here, whole, as reported speech: the fragments are too short to stand alone.
 */
import { type Attribution, accordingTo, attributionAfter, isSpeechVerbAt, parseForward, subjectAt, subjectOfCue } from "./attribution";
import { classifyClaim, type ClaimInfo } from "./claim-type";
import { type SentenceContext, type SuggestState, suggestionKey } from "./context";
import { findDateExpressions } from "./dates";
import { NAMING_VERBS, PARTICIPLE_CUES } from "./lexicon";
import { DETERMINERS, isNameToken, isPronoun, isWord, lower } from "./names";
import { findPredictionCue } from "./predictions";
import { findFigures } from "./statistics";
import { remember } from "./quotations";
import { type ResolvedSpeaker, resolvePhrase } from "./resolve";
import { isClauseComma, type Span } from "./sentences";
import { isPastTense } from "./verbs";
import { attributedWhy, describeType } from "./why";

type Segment = { from: number; to: number };
type Found = { attribution: Attribution; from: number; to: number };

const isSpeechVerb = (ctx: SentenceContext, i: number) => !ctx.quoted(i) && isSpeechVerbAt(ctx.tokens, i) && !NAMING_VERBS.has(ctx.tokens[i]!.text);

/** "…, the mayor said." / "…, according to Russian state media." at the end of a segment. */
function trailingAttribution(ctx: SentenceContext, seg: Segment): Found | null {
  const t = ctx.tokens;
  for (let k = seg.to - 2; k > seg.from && seg.to - k <= 16; k--) {
    if (t[k]!.text !== "," || ctx.quoted(k)) continue;
    if (lower(t[k + 1]!) === "according" && lower(t[k + 2] ?? t[k]!) === "to") {
      const attribution = accordingTo(t, k + 1, seg.to);
      if (attribution) return { attribution, from: seg.from, to: k };
    }
    const after = attributionAfter(t, k + 1, seg.to);
    if (after?.cue && t.findIndex((x) => x.start === after.cue!.start) >= seg.to - 8) return { attribution: after, from: seg.from, to: k };
  }
  return null;
}

/**
 * "According to X, …" (the claim follows), "…, according to X, …" (the claim
 * is the clause before it), "X said (that) …", and ", the researchers found,".
 */
function leadingAttribution(ctx: SentenceContext, seg: Segment): Found | null {
  const t = ctx.tokens;
  for (let k = seg.from; k < seg.to - 2; k++) {
    if (ctx.quoted(k) || lower(t[k]!) !== "according" || lower(t[k + 1]!) !== "to") continue;
    const attribution = accordingTo(t, k, seg.to);
    if (!attribution) continue;
    if (k === seg.from) {
      let c = k + 2;
      while (c < seg.to && t[c]!.text !== ",") c++;
      if (c < seg.to) return { attribution, from: c + 1, to: seg.to };
    } else if (t[k - 1]!.text === ",") return { attribution, from: seg.from, to: k - 1 };
  }
  for (let k = seg.from; k < Math.min(seg.to, seg.from + 25); k++) {
    if (!isSpeechVerb(ctx, k)) continue;
    const attribution = subjectOfCue(t, k, seg.from, 0, ctx.quoted);
    if (!attribution.phrase && attribution.via !== "impersonal") continue;
    // ", the researchers found,": a parenthetical attribution; the claim is the clause before it
    const phrase = attribution.phrase;
    const first = phrase ? [...phrase.tokens, ...(phrase.description ?? [])].reduce((a, b) => (b.start < a.start ? b : a)) : undefined;
    const before = first ? t.findIndex((x) => x.start === first.start) - 1 : -1;
    const closes = t[k + 1] === undefined || t[k + 1]!.text === "," || k + 1 >= seg.to;
    if (before > seg.from && t[before]!.text === "," && closes) return { attribution, from: seg.from, to: before };
    let from = k + 1;
    // "told reporters he expects …": past the one told, when no "that" follows
    if (["told", "tells", "tell"].includes(lower(t[k]!))) from = (parseForward(t, k + 1, seg.to)?.next ?? k + 1);
    for (let j = k + 1; j < Math.min(seg.to, k + 12); j++) {
      if (ctx.quoted(j)) break;
      if (lower(t[j]!) === "that") {
        from = j + 1;
        break;
      }
    }
    if (t[from]?.text === ",") from++;
    return { attribution, from, to: seg.to };
  }
  // "X expressed regret over the cuts, saying they would …": the participle reports the subject's words
  for (let k = seg.from + 2; k < seg.to - 1; k++) {
    if (ctx.quoted(k) || t[k - 1]!.text !== "," || !PARTICIPLE_CUES.has(lower(t[k]!))) continue;
    const phrase = subjectAt(t, seg.from, k);
    if (!phrase) continue;
    const from = lower(t[k + 1]!) === "that" ? k + 2 : k + 1;
    return { attribution: { phrase, cue: { text: t[k]!.text, start: t[k]!.start, end: t[k]!.end }, via: "coordinated" }, from, to: seg.to };
  }
  return null;
}

/**
 * Clauses joined by ", and"/", but"/";" (or an absolute ", with …" clause)
 * each get their own suggestion when each predicts something; so does "X did this and said that": the deed is
 * the article's claim, the rest is X's.
 */
function segments(ctx: SentenceContext, body: string): Segment[] {
  const t = ctx.tokens;
  const cuts: number[] = [];
  const forced = new Set<number>();
  for (let i = 1; i < t.length - 2; i++) {
    if (ctx.quoted(i)) continue;
    if (i >= 6 && ["and", "but"].includes(lower(t[i]!)) && isSpeechVerb(ctx, i + 1) && !NAMING_VERBS.has(t[i + 1]!.text)) {
      cuts.push(i, i + 1);
      forced.add(cuts.length - 2);
      continue;
    }
    // "…, with first results expected by the end of 2028": an absolute clause, kept whole with its "with"
    if (t[i]!.text === "," && lower(t[i + 1]!) === "with") {
      cuts.push(i, i + 1);
      continue;
    }
    const conj = t[i]!.text === ";" ? i : t[i]!.text === "," && ["and", "but"].includes(lower(t[i + 1]!)) ? i + 1 : -1;
    if (conj === -1) continue;
    const next = t[conj + 1];
    if (next && (isNameToken(next) || isPronoun(next) || (isWord(next) && DETERMINERS.has(lower(next))))) cuts.push(i, conj + 1);
  }
  const out: Segment[] = [];
  let from = 0;
  for (let c = 0; c < cuts.length; c += 2) {
    const left = body.slice(t[from]!.start, t[cuts[c]! - 1]!.end);
    const right = body.slice(t[cuts[c + 1]!]!.start, t[t.length - 1]!.end);
    if (forced.has(c) || (findPredictionCue(left)?.strength === "strong" && findPredictionCue(right))) {
      out.push({ from, to: cuts[c]! });
      from = cuts[c + 1]!;
    }
  }
  out.push({ from, to: t.length });
  return out;
}

const DATELINE = /^(?:\p{Lu}[\p{Lu} .'’-]+(?:,\s*\p{Lu}[\p{L}.]*(?:\s+\d{1,2})?)?\s*)?\([^()]{1,30}\)\s*(?:—|–|--|-)\s*/u;

function trimmed(body: string, start: number, end: number): Span {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(body[s]!)) s++;
  // a list item's marker is layout, not the claim: "- The Treasury will auction …"
  const marker = /^(?:[-*•–]|\d{1,2}[.)])[ \t]+/.exec(body.slice(s, Math.min(e, s + 8)));
  if (marker) s += marker[0].length;
  // neither is a dateline: "WASHINGTON (AP) — ", "SEOUL, Jan. 5 (Yonhap) -- ", "(WXYZ) — "
  const dateline = DATELINE.exec(body.slice(s, Math.min(e, s + 60)));
  if (dateline && dateline[0].length < e - s) s += dateline[0].length;
  while (e > s && /[\s.,;:]/.test(body[e - 1]!)) e--;
  return { start: s, end: e };
}

function isDatedEvent(body: string, span: Span, publishedAt: string): boolean {
  const text = body.slice(span.start, span.end);
  const words = text.match(/[\p{L}-]+/gu) ?? [];
  return words.length >= 6 && words.some((w) => isPastTense(w)) && findDateExpressions(text, publishedAt).length > 0;
}

const CONFIDENCE: Record<string, number> = { prediction: 0.7, statistic: 0.65, attribution: 0.55, statement: 0.35 };

/**
 * A heading (a live blog's entry title, a crosshead, a headline left in the
 * body) is a short paragraph with no sentence punctuation at its end: "Thursday
 * likely peak of heatwave, says Met Office". Its claims are the story's, made
 * again in the text below it; a list item is not a heading.
 */
function isHeading(body: string, paragraph: Span | undefined): boolean {
  if (!paragraph || paragraph.end - paragraph.start > 160) return false;
  const text = body.slice(paragraph.start, paragraph.end);
  if (/[.!?…:;,]["”’')\]]*$/.test(text) || /^(?:[-*•–]|\d{1,2}[.)])\s/.test(text) || text.includes("\n")) return false;
  return text.split(/\s+/).length <= 15;
}

/**
 * `“…,” Linden added, saying the company had repaired 4,100 leaks since April.`:
 * in a sentence a full quotation frames, the clause a participle cue hangs
 * after the quotation's attribution is reported speech of the quotation's
 * speaker, with a suggestion of its own.
 */
function framedTail(ctx: SentenceContext, state: SuggestState, covered: Span[]): void {
  const t = ctx.tokens;
  const after = covered.reduce((n, c) => Math.max(n, c.end), 0);
  for (let k = 1; k < t.length - 3; k++) {
    if (t[k]!.start < after || ctx.quoted(k) || t[k - 1]!.text !== "," || !PARTICIPLE_CUES.has(lower(t[k]!))) continue;
    if (t.slice(k + 1).some((_, j) => ctx.quoted(k + 1 + j))) return;
    const from = lower(t[k + 1]!) === "that" ? k + 2 : k + 1;
    const last = state.lastQuote;
    const speaker = last && last.sentence === ctx.sentence.index ? last.speaker : null;
    const cue = { text: t[k]!.text, start: t[k]!.start, end: t[k]!.end };
    pushReported(ctx, state, from, t.length, { phrase: null, cue, via: "coordinated" }, speaker, `continues the quotation's speaker (${speaker?.name ?? "unknown"})`);
    return;
  }
}

/** `quoted` is what the quotation rules took from this sentence; `framed`: a full quotation stands in it ("X said, “…”"). */
export function suggestReported(ctx: SentenceContext, state: SuggestState, covered: Span[], framed: boolean): void {
  const { body } = state;
  const { sentence, tokens } = ctx;
  const length = sentence.end - sentence.start;
  if (length > 1500 || tokens.length < 5 || isHeading(body, state.paragraphs[sentence.paragraph])) return;
  if (framed) return framedTail(ctx, state, covered);
  const coveredChars = covered.reduce((n, c) => n + Math.max(0, Math.min(c.end, sentence.end) - Math.max(c.start, sentence.start)), 0);
  if (coveredChars / length >= 0.4) return;
  const segs = segments(ctx, body);
  const whole = trailingAttribution(ctx, { from: 0, to: tokens.length });
  for (const seg of segs) {
    const found = trailingAttribution(ctx, seg) ?? leadingAttribution(ctx, seg);
    const attribution = found?.attribution ?? (whole && seg.to <= whole.to ? whole.attribution : null);
    const from = found?.from ?? seg.from;
    const to = found?.to ?? Math.min(seg.to, whole && seg.to > whole.to ? whole.to : seg.to);
    if (from >= to) continue;
    pushReported(ctx, state, from, to, attribution, undefined);
  }
  describedSpeakers(ctx, state, covered);
}

/**
 * "Jalen Brooks, who scored 14 points off the bench, said …": a relative clause
 * describing a speaker, left out of the claim the speaker makes, is the
 * article's own claim; with a figure in it, it is suggested on its own.
 */
function describedSpeakers(ctx: SentenceContext, state: SuggestState, covered: Span[]): void {
  const t = ctx.tokens;
  const { sentence } = ctx;
  for (let k = 1; k < t.length - 3; k++) {
    if (t[k - 1]!.text !== "," || ctx.quoted(k) || !["who", "which"].includes(lower(t[k]!))) continue;
    let end = k + 1;
    while (end < t.length && end - k < 30 && !isClauseComma(t, end) && !ctx.quoted(end)) end++;
    if (!isClauseComma(t, end)) continue;
    const span = { start: t[k]!.start, end: t[end - 1]!.end };
    if (findFigures(state.body.slice(span.start, span.end)).length === 0) continue;
    const taken = [...covered, ...state.out.filter((s) => s.start >= sentence.start && s.end <= sentence.end)];
    if (taken.some((c) => c.start < span.end && span.start < c.end)) continue;
    pushReported(ctx, state, k, end, null, undefined);
  }
}

/**
 * One reported suggestion for tokens[from, to): typed, and attributed to the
 * speaker the attribution names (`given`: already known), else the outlet.
 */
function pushReported(ctx: SentenceContext, state: SuggestState, from: number, to: number, attribution: Attribution | null, given: ResolvedSpeaker | null | undefined, givenHow?: string): void {
  const { body, options } = state;
  const { sentence, tokens } = ctx;
  const span = trimmed(body, tokens[from]!.start, tokens[to - 1]!.end);
  if (span.end - span.start < 12) return;
  const speech = attribution !== null;
  const info: ClaimInfo = classifyClaim(body, span, options.publishedAt, speech);
  if (info.type === "statement" && !isDatedEvent(body, span, options.publishedAt)) return;
  let speaker: ResolvedSpeaker | null = given !== undefined ? given : attribution?.phrase ? resolvePhrase(state.book, body, attribution.phrase, state.memory) : null;
  if (!speaker && given === undefined && attribution?.via === "impersonal") speaker = state.memory.last;
  if (speaker) remember(state, speaker, sentence.paragraph);
  const quote = body.slice(span.start, span.end);
  const outlet = options.outlet ?? null;
  const source = speaker
    ? givenHow ? `attributed to ${speaker.name} by '${attribution?.cue?.text}' (${givenHow})` : attributedWhy(speaker, attribution?.cue?.text)
    : attribution
      ? `reported speech ('${attribution.cue?.text}'), speaker not found`
      : `by the article itself${outlet ? ` (${outlet})` : ""}`;
  const confidence = (CONFIDENCE[info.type] ?? 0.4) - (info.weak ? 0.25 : 0) + (info.resolvesOn || info.resolvesRange ? 0.1 : 0) - (speech && !speaker ? 0.15 : 0);
  state.out.push({
    key: suggestionKey(span.start, span.end, quote),
    quote,
    start: span.start,
    end: span.end,
    kind: "reported",
    type: info.type,
    speakerName: speaker?.name ?? (attribution ? null : outlet),
    ...(speaker?.id !== undefined ? { speakerId: speaker.id } : {}),
    speakerDescription: speaker && speaker.id === undefined ? speaker.description : null,
    speakerSpan: speaker ? { start: speaker.span.start, end: speaker.span.end } : null,
    cue: attribution?.cue ?? info.typeCue,
    typeCue: info.typeCue,
    figures: info.figures,
    resolvesOn: info.resolvesOn,
    resolvesRange: info.resolvesRange,
    confidence: Math.round(Math.min(0.95, Math.max(0.05, confidence)) * 100) / 100,
    why: `Reported, ${source}${describeType(info)}`,
  });
}
