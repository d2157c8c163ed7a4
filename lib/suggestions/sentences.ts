/**
 * Paragraphs, sentences and word tokens, all as offsets into the body. Every
 * pass here is a single left-to-right scan, so hostile input stays linear.
 */
import { CAPITAL_STOPWORDS } from "./lexicon";

export type Span = { start: number; end: number };
export type Paragraph = Span & { index: number };
export type Sentence = Span & { paragraph: number; index: number };
export type Token = Span & { text: string; word: boolean; /** memo for isNameToken */ name?: boolean };

/** Whitespace by char code: this runs for every character of the body. */
function isSpaceCode(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 160 || (c > 255 && /\s/.test(String.fromCharCode(c)));
}

/** Paragraphs are separated by blank lines; a single newline is only a wrapped line. */
export function splitParagraphs(body: string): Paragraph[] {
  const out: Paragraph[] = [];
  let start = -1;
  let lastNonSpace = -1;
  let newlines = 0;
  for (let i = 0; i <= body.length; i++) {
    const code = i < body.length ? body.charCodeAt(i) : 10;
    if (code === 10) newlines++;
    else if (!isSpaceCode(code)) {
      if (newlines >= 2 && start !== -1) {
        out.push({ start, end: lastNonSpace + 1, index: out.length });
        start = -1;
      }
      if (start === -1) start = i;
      lastNonSpace = i;
      newlines = 0;
    }
  }
  if (start !== -1) out.push({ start, end: lastNonSpace + 1, index: out.length });
  return out;
}

// A full stop after these never ends a sentence: titles, months, "No. 1", initials.
const NEVER_END = new Set(
  `mr mrs ms dr prof sen rep gov gen lt col sgt capt st rev fr jan feb mar apr jun jul aug sep sept oct nov dec
   no nos vs v fig approx dept est`.split(/\s+/),
);
// ...and after these it ends one only when a typical sentence opener follows.
const MAYBE_END = new Set(`u.s u.k u.n e.u a.m p.m inc co ltd corp jr sr etc bros plc`.split(/\s+/));

const LIST_ITEM = /^[ \t]*(?:[-*•–]|\d{1,2}[.)])[ \t]+\S/;
const OPENERS = /[\p{Lu}\p{N}“‘"'(\[«]/u;
const CLOSERS = /[”’"')\]»]/;

function wordBefore(body: string, i: number, floor: number): string {
  let j = i;
  while (j > floor && /[\p{L}\p{N}.]/u.test(body[j - 1]!)) j--;
  return body.slice(j, i);
}

function nextWord(body: string, from: number, limit: number): string {
  let j = from;
  while (j < limit && /[\s“‘"'(]/.test(body[j]!)) j++;
  let k = j;
  while (k < limit && k - j < 20 && /[\p{L}]/u.test(body[k]!)) k++;
  return body.slice(j, k);
}

/**
 * Sentences of one paragraph. A full stop inside a quotation does not end the
 * sentence (a quote and its attribution stay one unit); one that ends the
 * quotation does, after the closing mark.
 */
export function splitSentences(body: string, paragraph: Paragraph, quotes: Span[], first = 0): Sentence[] {
  const out: Sentence[] = [];
  const { start: from, end: to } = paragraph;
  let sentenceStart = from;
  let q = 0;
  const push = (end: number) => {
    let s = sentenceStart;
    while (s < end && /\s/.test(body[s]!)) s++;
    let e = end;
    while (e > s && /\s/.test(body[e - 1]!)) e--;
    if (e > s) out.push({ start: s, end: e, paragraph: paragraph.index, index: first + out.length });
  };
  for (let i = from; i < to; i++) {
    const c = body[i]!;
    // a line that starts a list item ("- ", "* ", "• ", "1. ") starts a sentence, ended or not the line before
    if (c === "\n" && LIST_ITEM.test(body.slice(i + 1, Math.min(to, i + 12)))) {
      while (q < quotes.length && quotes[q]!.end <= i) q++;
      if (q < quotes.length && quotes[q]!.start <= i) continue; // never inside a quotation
      push(i);
      sentenceStart = i + 1;
      continue;
    }
    if (c !== "." && c !== "!" && c !== "?" && c !== "…") continue;
    while (q < quotes.length && quotes[q]!.end <= i) q++;
    const inside = q < quotes.length && quotes[q]!.start <= i && i < quotes[q]!.end;
    if (inside && i !== quotes[q]!.end - 1) continue;
    let j = i + 1;
    while (j < to && /[.!?…]/.test(body[j]!)) j++;
    while (j < to && CLOSERS.test(body[j]!)) j++;
    if (j < to && !/\s/.test(body[j]!)) continue;
    let k = j;
    while (k < to && /\s/.test(body[k]!)) k++;
    if (k < to && !OPENERS.test(body[k]!)) continue;
    if (c === ".") {
      const before = wordBefore(body, i, from).toLowerCase();
      if (NEVER_END.has(before) || /^\p{L}$/u.test(before)) continue;
      if (MAYBE_END.has(before) && !CAPITAL_STOPWORDS.has(nextWord(body, j, to).toLowerCase())) continue;
    }
    push(j);
    sentenceStart = j;
    i = j - 1;
  }
  push(to);
  return out;
}

const TOKEN = /[\p{L}\p{M}\p{N}]+(?:[’'\-‐&.][\p{L}\p{M}\p{N}]+)*|\S/gu;
const ABBREVIATION = /^(?:\p{Lu}|mr|mrs|ms|dr|prof|sen|rep|gov|gen|lt|col|sgt|capt|st|rev|jr|sr|inc|co|corp|ltd|no|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)$/iu;

/** Word and punctuation tokens of body[start, end). Abbreviations keep their full stop ("Dr.", "U.S."). */
export function tokenize(body: string, start: number, end: number): Token[] {
  const out: Token[] = [];
  // scan the body in place (no slice): stop at the first token past the end
  TOKEN.lastIndex = start;
  for (let m = TOKEN.exec(body); m && m.index < end; m = TOKEN.exec(body)) {
    let t = m[0];
    const s = m.index;
    if (s + t.length > end) t = t.slice(0, end - s);
    const code = t.charCodeAt(0);
    const word = code < 128 ? (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) : /[\p{L}\p{N}]/u.test(t[0]!);
    if (word && body[s + t.length] === "." && s + t.length < end && (t.includes(".") || ABBREVIATION.test(t))) {
      t += ".";
      TOKEN.lastIndex++;
    }
    out.push({ text: t, start: s, end: s + t.length, word });
  }
  return out;
}

export function isCapitalised(word: string): boolean {
  const c = word.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90; // ASCII fast path: this runs for every token
  return /^\p{Lu}/u.test(word);
}

/** "Korea’s" -> "Korea"; other words unchanged. */
export function stripPossessive(word: string): string {
  return isPossessive(word) ? word.slice(0, -2) : word;
}

export function isPossessive(word: string): boolean {
  const n = word.length;
  return n > 2 && word.charCodeAt(n - 1) === 115 && (word[n - 2] === "’" || word[n - 2] === "'");
}

/** A comma token that separates (not the thousands separator in "3,000", which the tokenizer leaves between two numbers). */
export function isClauseComma(tokens: Token[], i: number): boolean {
  const t = tokens[i];
  if (t?.text !== ",") return false;
  const a = tokens[i - 1];
  const b = tokens[i + 1];
  return !(a && b && a.end === t.start && b.start === t.end && /\d$/.test(a.text) && /^\d{3}/.test(b.text));
}
