/**
 * What each distinct word is: its content words (for text similarity),
 * whether it can be part of a name or is a title (for entities), and its
 * name keys. It depends on the spelling alone, so it is worked out once and
 * kept, in a cache bounded at MAX_WORDS (a desk's vocabulary is a few tens
 * of thousands of words; past the bound the older half goes), and put on
 * each token: relating 200 claims on one story asks about the same few
 * hundred words thousands of times.
 */
import { CAPITAL_STOPWORDS, DATE_WORDS, TITLE_WORDS } from "@/lib/suggestions/lexicon";
import { isCapitalised } from "@/lib/suggestions/sentences";
import { boundedCache } from "./bounded-cache";
import { fastKey } from "./keys";
import type { ScanToken } from "./tokens";
import { NO_PARTS, type Part, partsOfWord } from "./words";

export type WordInfo = {
  parts: Part[];
  /** capitalised and not a stop word or a date word: can be part of a name */
  name: boolean;
  /** "President", "Foreign", "Minister": heads a name without being it */
  title: boolean;
  possessive: boolean;
  /** nameKey of the word, and without its possessive */
  key: string;
  bareKey: string;
};

/** Office words the lexicon's title list lacks; they head "Foreign Minister X" but are not the name. */
const EXTRA_TITLES = ["foreign", "defense", "defence", "finance", "interior", "trade", "former", "acting", "supreme", "senior", "state", "first", "national"];
const TITLES = new Set([...TITLE_WORDS, ...EXTRA_TITLES]);
const NOT_NAMES = new Set([...CAPITAL_STOPWORDS, ...[...DATE_WORDS].map((w) => w.toLowerCase())]);

export function isPossessive(text: string): boolean {
  const n = text.length;
  return n > 2 && text.charCodeAt(n - 1) === 115 && (text.charCodeAt(n - 2) === 0x2019 || text.charCodeAt(n - 2) === 39);
}

export const withoutPossessive = (text: string) => (isPossessive(text) ? text.slice(0, -2) : text);

const PUNCTUATION: WordInfo = { parts: NO_PARTS, name: false, title: false, possessive: false, key: "", bareKey: "" };

function describe(text: string): WordInfo {
  const possessive = isPossessive(text);
  const bare = possessive ? text.slice(0, -2) : text;
  const lower = bare.toLowerCase();
  const c = text.charCodeAt(0);
  const capital = c < 128 ? c >= 65 && c <= 90 : isCapitalised(text);
  const name = capital && !NOT_NAMES.has(lower);
  return {
    parts: partsOfWord(text),
    name,
    title: TITLES.has(lower),
    possessive,
    key: fastKey(text),
    bareKey: possessive ? fastKey(bare) : fastKey(text),
  };
}

export type Vocabulary = (t: ScanToken) => WordInfo;

const MAX_WORDS = 20_000;
const known = boundedCache<WordInfo>(MAX_WORDS);

const remember = (text: string): WordInfo => known.get(text) ?? known.set(text, describe(text));

/** What a token's word is, kept on the token after the first question. */
export const wordInfo: Vocabulary = (t) => (t.info ??= t.word ? remember(t.text) : PUNCTUATION);
