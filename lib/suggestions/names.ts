/**
 * What a token is to a noun phrase: part of a proper name, a title, a
 * connector inside an organisation's name, a determiner, or a word that ends
 * the phrase. Capitalised-word rules with stop lists; no tagger.
 */
import {
  CAPITAL_STOPWORDS, DATE_WORDS, DOCUMENT_WORDS, GROUP_WORDS, ORG_WORDS, PLACE_HEADS, PLACE_PREFIXES,
  SPEECH_VERBS, SUBJECT_PRONOUNS, TITLE_WORDS, isBaseSpeechForm,
} from "./lexicon";
import { isCapitalised, stripPossessive, type Token } from "./sentences";
import { isPastTense } from "./verbs";

export type EntityKind = "person" | "org" | "group" | "place" | "unknown";

/** Lower-case words allowed inside a proper name: "Bank of Korea", "Iron and Steel", "Ludwig van Beethoven". */
const CONNECTORS = new Set(["of", "for", "and", "de", "del", "la", "le", "van", "von", "der", "den", "du", "da", "di", "al", "bin", "el", "y", "on", "in", "&"]);
export const DETERMINERS = new Set(["the", "a", "an", "both", "two", "three", "four", "several", "some", "many", "one"]);

/** Words that end a noun phrase when met inside it: verbs, prepositions, conjunctions, pronouns. */
const PHRASE_BREAKERS = new Set(
  `that which who whom whose when where while because but or if as than so to with by on at in of for after before
   since until during from into onto over under about against among between through without within is are was
   were be been being has have had do does did will would can could shall should may might must not also just
   only even still then there here this these those it its he she they we i you his her their our my your him
   them us me what how why whether also very more most less least such said says told according and nor yet`.split(/\s+/),
);

const LY_NOUNS = new Set(["family", "ally", "assembly", "supply", "monopoly", "daily", "weekly", "italy"]);

export const isWord = (t: Token | undefined): t is Token => t !== undefined && t.word;
export const lower = (t: Token) => t.text.toLowerCase();

/** A capitalised word that can be part of a name (not "The", not "Monday"). */
export function isNameToken(t: Token | undefined): boolean {
  if (!isWord(t)) return false;
  if (t.name === undefined) t.name = nameLike(t);
  return t.name;
}

function nameLike(t: Token): boolean {
  if (!isCapitalised(t.text)) return false;
  const bare = stripPossessive(t.text);
  if (DATE_WORDS.has(bare) || DATE_WORDS.has(t.text)) return false;
  return !CAPITAL_STOPWORDS.has(bare.toLowerCase()) || TITLE_WORDS.has(bare.toLowerCase());
}

export function isConnector(t: Token | undefined): boolean {
  return isWord(t) && CONNECTORS.has(t.text);
}

/** How many connectors start at tokens[i] and lead on to a name ("of Korea" 1, "von der Leyen" 2), else 0. */
export function connectorsAt(tokens: Token[], i: number): number {
  if (!isConnector(tokens[i])) return 0;
  if (isNameToken(tokens[i + 1])) return 1;
  return isConnector(tokens[i + 1]) && isNameToken(tokens[i + 2]) ? 2 : 0;
}

export function isPronoun(t: Token | undefined): boolean {
  return isWord(t) && SUBJECT_PRONOUNS.has(lower(t));
}

export function isTitleWord(word: string): boolean {
  return TITLE_WORDS.has(word.toLowerCase());
}

/** A lower-case word that can sit inside a noun phrase ("state", "media", "senior", "official"). */
export function isPhraseWord(t: Token | undefined): boolean {
  if (!isWord(t)) return false;
  const w = lower(t);
  // base forms can be nouns inside a phrase ("state media", "the report"); finite ones end it
  if (PHRASE_BREAKERS.has(w) || (SPEECH_VERBS.has(w) && !isBaseSpeechForm(w))) return false;
  if (/^\p{Ll}/u.test(t.text) && isPastTense(w)) return false; // "a study published …"
  if (/^\p{Ll}/u.test(t.text) && w.endsWith("ly") && !LY_NOUNS.has(w)) return false; // "can jointly respond"
  return /^[\p{Ll}\p{N}]/u.test(t.text) || isNameToken(t);
}

// "Bank of Korea", "Iron and Steel": these connectors make an organisation; "van", "de", "bin" are in people's names
const ORG_CONNECTORS = new Set(["of", "for", "and", "&", "on", "in"]);
const ACRONYM = /^[\p{Lu}]{2,6}$/u;

/** Person, organisation or place, judged from the words of a name. */
export function classifyName(words: string[], hasTitle: boolean): EntityKind {
  const bare = words.map((w) => stripPossessive(w));
  const lowered = bare.map((w) => w.toLowerCase());
  if (lowered.some((w) => ORG_WORDS.has(w)) || (bare.length === 1 && ACRONYM.test(bare[0]!))) return "org";
  // an acronym beside ordinary words names a body ("NHS England", "UK Biobank"); a name in capitals throughout is a person's
  if (bare.length > 1 && bare.some((w) => ACRONYM.test(w)) && !bare.every((w) => ACRONYM.test(w)) && !hasTitle) return "org";
  if (hasTitle) return "person";
  if (PLACE_PREFIXES.has(bare[0]!) || PLACE_HEADS.has(lowered[lowered.length - 1]!) || PLACE_HEADS.has(lowered[0]!)) return "place";
  if (lowered.some((w) => ORG_CONNECTORS.has(w))) return "org";
  if (bare.length >= 2 && bare.length <= 4) return "person";
  return "unknown";
}

/** The kind a common-noun head gives a phrase ("the statement", "the two sides", "the ministry", "the mayor"). */
export function headKind(head: string): "document" | "group" | "org" | "title" | null {
  const w = head.toLowerCase();
  if (/^\d{1,3}-year-old$/.test(w)) return "title"; // "the 19-year-old said": the person just named
  if (DOCUMENT_WORDS.has(w)) return "document";
  if (GROUP_WORDS.has(w)) return "group";
  if (TITLE_WORDS.has(w)) return "title";
  if (ORG_WORDS.has(w)) return "org";
  return null;
}

export type NameSplit = { name: Token[]; title: Token[] };

/**
 * "Russian Foreign Minister Sergey Lavrov" -> title "Russian Foreign Minister", name "Sergey Lavrov".
 * A title running on through a connector ("Secretary of State Marco Rubio") keeps the last two words as the name.
 */
export function splitTitle(run: Token[]): NameSplit {
  let last = -1;
  for (let i = 0; i < run.length - 1; i++) if (isTitleWord(stripPossessive(run[i]!.text))) last = i;
  // an organisation's name keeps its title-like words: "General Administration of Customs"
  if (last === -1 || ORG_WORDS.has(run[last + 1]!.text.toLowerCase())) return { name: run, title: [] };
  if (isConnector(run[last + 1]) && run.length - last > 3) return { name: run.slice(-2), title: run.slice(0, -2) };
  return { name: run.slice(last + 1), title: run.slice(0, last + 1) };
}

/**
 * Capitalised runs of a token list, with connectors between capitalised
 * words; a possessive ends a run ("Korea’s" | "Unification Ministry").
 * Runs longer than eight tokens are cut, which keeps hostile input linear.
 */
export function nameRuns(tokens: Token[], from = 0, to = tokens.length): Array<{ start: number; end: number }> {
  const runs: Array<{ start: number; end: number }> = [];
  let i = from;
  while (i < to) {
    if (!isNameToken(tokens[i])) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < to && j - i < 8 && !/['’]s$/.test(tokens[j - 1]!.text)) {
      const joined = connectorsAt(tokens, j); // "Bank of Korea", "von der Leyen"
      if (isNameToken(tokens[j])) j++;
      else if (joined > 0 && j + joined < to) j += joined + 1;
      else break;
    }
    runs.push({ start: i, end: j });
    i = j;
  }
  return runs;
}

/** Heads of a government body named after its portfolios ("Department for Environment, Food and Rural Affairs"). */
const PORTFOLIO_HEADS = new Set("department ministry secretary minister office committee commission agency council bureau board".split(" "));

/** A capitalised item of a portfolio list: one to three name tokens from tokens[j]; the index after it, or -1. */
function portfolioItem(tokens: Token[], j: number, limit: number): number {
  let k = j;
  while (k < limit && k - j < 3 && isNameToken(tokens[k])) k++;
  return k > j ? k : -1;
}

/**
 * "Ministry of Trade, Industry and Energy", "Department for Environment, Food
 * and Rural Affairs": a body's name may list its portfolios with commas, ending
 * "…, X and Y". The index after such a name starting at tokens[head], or -1.
 */
export function portfolioListEnd(tokens: Token[], head: number, limit = tokens.length): number {
  const first = tokens[head];
  if (!isNameToken(first) || !PORTFOLIO_HEADS.has(first!.text.toLowerCase())) return -1;
  const of = tokens[head + 1];
  if (!isWord(of) || !["of", "for", "on"].includes(of.text)) return -1;
  let k = portfolioItem(tokens, head + 2, limit);
  let commas = 0;
  while (k > 0 && k < limit && tokens[k]!.text === "," && isNameToken(tokens[k + 1])) {
    k = portfolioItem(tokens, k + 1, limit);
    commas++;
  }
  if (k < 0 || commas === 0 || !isWord(tokens[k]) || (tokens[k]!.text !== "and" && tokens[k]!.text !== "&")) return -1;
  return portfolioItem(tokens, k + 1, limit);
}

/**
 * The commas inside such a name read as the connector "and" (the token keeps
 * its offsets, so the body still shows the comma): the name is then one run
 * for every rule that reads names, and no comma rule splits it.
 */
export function joinPortfolioLists(tokens: Token[]): void {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const c = t.text.charCodeAt(0);
    // cheap checks first: this runs for every token of the body
    if (c < 65 || c > 90 || t.text.length < 5 || !PORTFOLIO_HEADS.has(t.text.toLowerCase())) continue;
    const end = portfolioListEnd(tokens, i);
    if (end < 0) continue;
    for (let k = i; k < end; k++) if (tokens[k]!.text === ",") tokens[k] = { ...tokens[k]!, text: "and", word: true };
    i = end - 1;
  }
}

export function text(tokens: Token[], body: string): string {
  if (tokens.length === 0) return "";
  return body.slice(tokens[0]!.start, tokens[tokens.length - 1]!.end);
}
