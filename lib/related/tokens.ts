/**
 * Word and punctuation tokens, as lib/suggestions/sentences.ts tokenize cuts
 * them (words joined over ’ ' - ‐ & . between letters or digits,
 * abbreviations keeping their full stop, any other non-space character a
 * token of its own), but scanned by character code: relating claims
 * tokenises 200 texts per call, and the Unicode-class regex there was a
 * tenth of the time. Non-ASCII characters take the regex path one by one.
 */
import type { Token } from "@/lib/suggestions/sentences";
import { boundedCache } from "./bounded-cache";
import type { WordInfo } from "./vocabulary";

/**
 * A token with room for what vocabulary.ts says about its word. The field
 * exists from creation so every token has one shape (a property added later
 * would give V8 a second hidden class).
 */
export type ScanToken = Token & { info: WordInfo | undefined };

export function token(text: string, start: number, end: number, word: boolean): ScanToken {
  return { text, start, end, word, info: undefined };
}

const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;
const ABBREVIATION = /^(?:\p{Lu}|mr|mrs|ms|dr|prof|sen|rep|gov|gen|lt|col|sgt|capt|st|rev|jr|sr|inc|co|corp|ltd|no|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)$/iu;

function isWordChar(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return WORD_CHAR.test(text[i]!);
}

function isJoiner(c: number): boolean {
  return c === 0x2019 || c === 39 || c === 45 || c === 0x2010 || c === 38 || c === 46; // ’ ' - ‐ & .
}

function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 160 || (c > 255 && /\s/.test(String.fromCharCode(c)));
}

export function scanTokens(text: string): ScanToken[] {
  const out: ScanToken[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      i++;
      continue;
    }
    if (!isWordChar(text, i)) {
      // a surrogate pair is one character
      const width = c >= 0xd800 && c <= 0xdbff && i + 1 < n ? 2 : 1;
      out.push(token(text.slice(i, i + width), i, i + width, false));
      i += width;
      continue;
    }
    const start = i;
    i++;
    for (;;) {
      while (i < n && isWordChar(text, i)) i++;
      if (i + 1 < n && isJoiner(text.charCodeAt(i)) && isWordChar(text, i + 1)) i++;
      else break;
    }
    let end = i;
    if (end < n && text.charCodeAt(end) === 46) {
      const word = text.slice(start, end);
      if (word.includes(".") || ABBREVIATION.test(word)) end++;
    }
    out.push(token(text.slice(start, end), start, end, true));
    i = end;
  }
  return out;
}

/**
 * The same claims come back call after call (every claim page relates its
 * claim to the same few hundred others), and a claim's tokens depend on its
 * text alone: kept for the last MAX_TEXTS texts. Callers must not change
 * the arrays; the tokens' `info` is the word's and the same for everyone.
 */
const MAX_TEXTS = 2_000;
const scanned = boundedCache<ScanToken[]>(MAX_TEXTS);

export const tokensOf = (text: string): ScanToken[] => scanned.get(text) ?? scanned.set(text, scanTokens(text));
