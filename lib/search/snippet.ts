/**
 * Snippets of the rows a search shows, cut and marked here rather than by
 * FTS5's snippet(): asking the index for the snippet of five given rows makes
 * it walk the whole doclist of the query again (8 ms for a common word on a
 * 100,000-claim desk, more than the ranking itself), while the rows' text is
 * already in hand.
 *
 * The marks follow what each index matched:
 * - a word searched as a prefix marks every word that begins with it, case
 *   and diacritics folded as unicode61 folds them ("chóe" marks "Choe");
 * - a word searched whole (a word of the desk, a word of a "quoted phrase",
 *   each word of a speaker's names) marks every word with the same English
 *   stem, as the index's porter tokenizer stems them ("missiles" marks
 *   "missile"), through the `stemmer` package's Porter algorithm;
 * - a trigram term (Korean and other unspaced scripts) marks the substring.
 */
import { stemmer } from "stemmer";
import { MARK_CLOSE, MARK_OPEN } from "./marks";
import type { ParsedQuery } from "./query";

/**
 * `stems`: the stems of words searched whole; `heads`, their first two
 * letters, which porter never changes: a word is stemmed only when it begins
 * like one of them, so a 4 KB body is not stemmed word by word.
 */
export type Highlighter = { prefixes: string[]; stems: Set<string>; heads: Set<string>; substrings: string[] };

/** The stem FTS5's porter tokenizer indexes a folded word under (it leaves words outside ASCII as they are). */
const stemOf = (folded: string) => (/^[a-z0-9]+$/.test(folded) ? stemmer(folded) : folded);

const WORD = /[\p{L}\p{N}\p{M}]+/gu;

/** Lower case without diacritics, one output character per input code unit where possible. */
export function fold(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase();
}

/** What to mark for a parsed query. */
export function highlighterOf(query: ParsedQuery): Highlighter {
  const prefixes: string[] = [];
  const stems = new Set<string>();
  const substrings: string[] = [];
  for (const part of query.parts) {
    if (part.kind === "names") {
      for (const name of part.names) for (const w of name.match(WORD) ?? []) stems.add(stemOf(fold(w)));
    } else if (part.term.route === "trigram") substrings.push(part.term.text.toLowerCase());
    else {
      const tokens = part.term.text.match(WORD) ?? [];
      for (const t of tokens) {
        if (part.term.prefix) prefixes.push(fold(t));
        else stems.add(stemOf(fold(t)));
      }
    }
  }
  stems.delete("");
  const heads = new Set([...stems].map((w) => w.slice(0, 2)));
  return { prefixes: prefixes.filter(Boolean), stems, heads, substrings: substrings.filter(Boolean) };
}

type Span = { start: number; end: number };

const ASCII = /^[\x00-\x7f]*$/;
const foldWord = (word: string) => (ASCII.test(word) ? word.toLowerCase() : fold(word));
const wordMatches = (word: string, h: Highlighter) => {
  const folded = foldWord(word);
  return (h.heads.has(folded.slice(0, 2)) && h.stems.has(stemOf(folded))) || h.prefixes.some((p) => folded.startsWith(p));
};

/** Where the first match in `text` starts, or -1 (a body is scanned only as far as its first match). */
function firstMatch(text: string, h: Highlighter): number {
  let first = -1;
  if (h.stems.size > 0 || h.prefixes.length > 0) {
    for (const m of text.matchAll(WORD)) {
      if (wordMatches(m[0], h)) {
        first = m.index!;
        break;
      }
    }
  }
  if (h.substrings.length > 0) {
    const lower = text.toLowerCase();
    for (const s of h.substrings) {
      const at = lower.indexOf(s);
      if (at !== -1 && (first === -1 || at < first)) first = at;
    }
  }
  return first;
}

/** The spans of `text` the highlighter marks, in order, not overlapping. */
export function matchSpans(text: string, h: Highlighter): Span[] {
  const spans: Span[] = [];
  if (h.stems.size > 0 || h.prefixes.length > 0) {
    for (const m of text.matchAll(WORD)) if (wordMatches(m[0], h)) spans.push({ start: m.index!, end: m.index! + m[0].length });
  }
  if (h.substrings.length > 0) {
    const lower = text.toLowerCase();
    for (const s of h.substrings) {
      for (let at = lower.indexOf(s); at !== -1; at = lower.indexOf(s, at + s.length)) spans.push({ start: at, end: at + s.length });
    }
  }
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Span[] = [];
  for (const s of spans) {
    const last = merged.at(-1);
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else merged.push({ ...s });
  }
  return merged;
}

const strip = (text: string) => text.replace(/[\u0001\u0002]/g, "");

/**
 * About `words` words of `text` around its first match, the matches marked;
 * "…" where the text was cut. null when nothing in the text matches.
 */
export function snippetOf(text: string, h: Highlighter, words = 14): string | null {
  let raw = strip(text);
  let cutBefore = false;
  let cutAfter = false;
  // a long body: only the stretch around its first match is spaced and split into words
  const reach = words * 40;
  if (raw.length > reach * 2) {
    const at = firstMatch(raw, h);
    if (at === -1) return null;
    let from = Math.max(0, at - reach);
    let to = Math.min(raw.length, at + reach);
    if (from > 0) {
      const space = raw.slice(from, at).search(/\s/);
      from = space === -1 ? at : from + space;
    }
    if (to < raw.length) {
      const tail = raw.slice(at, to);
      const space = Math.max(tail.lastIndexOf(" "), tail.lastIndexOf("\n"));
      to = space <= 0 ? to : at + space;
    }
    cutBefore = from > 0;
    cutAfter = to < raw.length;
    raw = raw.slice(from, to);
  }
  const clean = raw.replace(/\s+/g, " ").trim();
  const first = firstMatch(clean, h);
  if (first === -1) return null;
  // word boundaries (start offsets of each whitespace-separated word)
  const starts: number[] = [];
  for (const m of clean.matchAll(/\S+/g)) starts.push(m.index!);
  const firstWord = Math.max(0, upperBound(starts, first) - 1);
  const from = Math.max(0, Math.min(firstWord - Math.floor(words / 4), starts.length - words));
  const to = Math.min(starts.length, from + words);
  const begin = starts[from] ?? 0;
  const end = to < starts.length ? starts[to]! - 1 : clean.length;
  // marks only within the window: a long body is not scanned past it
  const window = clean.slice(begin, end);
  let out = "";
  let at = 0;
  for (const s of matchSpans(window, h)) {
    out += window.slice(at, s.start) + MARK_OPEN + window.slice(s.start, s.end) + MARK_CLOSE;
    at = s.end;
  }
  out += window.slice(at);
  return `${from > 0 || cutBefore ? "…" : ""}${out.trimEnd()}${to < starts.length || cutAfter ? "…" : ""}`;
}

/** The first snippet that matches among the texts (a title, then a body), else the first text, unmarked. */
export function bestSnippet(texts: Array<string | null | undefined>, h: Highlighter, words = 14): string {
  for (const t of texts) {
    if (!t) continue;
    const s = snippetOf(t, h, words);
    if (s !== null) return s;
  }
  return strip(texts.find((t): t is string => Boolean(t)) ?? "");
}

function upperBound(sorted: number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
