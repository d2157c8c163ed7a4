/**
 * Named entities of a claim: capitalised runs (people, places, organisations)
 * normalised to one key each, so "Choi", "Choe Son-hee" and "Foreign Minister
 * Choe Son-hui" are one person and "Moscow", "the Kremlin" and "Russian" one
 * country. Normalisation goes through the desk's aliases first, then the
 * gazetteer (lookup.ts); what neither knows keeps its own name, without
 * leading titles. No tagger: capitalisation, stop lists and a greedy longest
 * match, linear in the text.
 */
import type { Hit, Lookup } from "./lookup";
import { type ScanToken as Token, scanTokens, token } from "./tokens";
import { type Vocabulary, withoutPossessive, wordInfo } from "./vocabulary";

export type Entity = {
  /** nameKey of the canonical name */
  key: string;
  /** canonical name when known, else the name as written without titles */
  name: string;
  /** as written in the claim */
  surface: string;
  /** how much a match on it says: a country is shared by many unrelated claims, a person far less often */
  weight: number;
  /** nameKey of the last and first words: "Putin" matches "Vladimir Putin", "Atletico" "Atlético Madrid", even when nobody listed the alias */
  last: string;
  first: string;
  kind: "alias" | "place" | "name";
};

/** Where an entity was written, for text similarity to count a name as one term. */
export type EntitySpan = { start: number; end: number; key: string; surface: string };

const WEIGHT = { alias: 1, place: 0.5, name: 1, singleName: 0.7 } as const;

/** Lower-case words that may sit inside a name: "Bank of Korea", "Treaty on …", "Ludwig van Beethoven". */
const CONNECTORS = new Set(["of", "for", "on", "de", "del", "la", "van", "von", "der", "den", "da", "di", "al", "bin", "the"]);
/** A capitalised first word of a sentence that reads as a common word: "Discussing", "Observers", "Officially". */
const COMMON_SHAPE = /(?:ing|ed|ly|ers|ors|ists)$/;
const MAX_SPAN = 6;

type Found = Entity & { start: number; end: number };
type State = { lookup: Lookup; info: Vocabulary; out: Found[] };

const isName = (t: Token, s: State) => t.word && s.info(t).name;
const isTitle = (t: Token, s: State) => s.info(t).title;
const isPossessive = (t: Token, s: State) => s.info(t).possessive;
const isConnector = (t: Token) => t.word && CONNECTORS.has(t.text);

const hasHyphen = (text: string) => text.includes("-") || text.includes("‐") || text.includes("–");
const PAIR = /^(\p{Lu}\p{L}{3,})[-‐–](\p{Lu}\p{L}{3,}(?:['’]s)?)$/u;

/** "Korea-Russia" is two names side by side; "Son-hui", "Jong-un" and "Hwasong-19" are one. */
function splitPairs(tokens: Token[]): Token[] {
  let out: Token[] | null = null;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const m = t.word && hasHyphen(t.text) ? PAIR.exec(t.text) : null;
    if (!m) {
      out?.push(t);
      continue;
    }
    out ??= tokens.slice(0, i);
    const cut = t.start + m[1]!.length;
    out.push(token(m[1]!, t.start, cut, true), token("-", cut, cut + 1, false), token(m[2]!, cut + 1, t.end, true));
  }
  return out ?? tokens;
}

/** Surface text of tokens, the last without its possessive. */
function bareText(tokens: Token[], from = 0, to = tokens.length): string {
  let text = "";
  for (let i = from; i < to; i++) {
    const w = tokens[i]!.text;
    text += (i > from ? " " : "") + (i === to - 1 ? withoutPossessive(w) : w);
  }
  return text;
}

/** nameKey of tokens[from, to) is the concatenation of its words' keys (nameKey drops all separators). */
function spanKey(tokens: Token[], from: number, to: number, s: State): string {
  let key = "";
  for (let i = from; i < to; i++) {
    const info = s.info(tokens[i]!);
    key += i === to - 1 ? info.bareKey : info.key;
  }
  return key;
}

const resolve = (tokens: Token[], from: number, to: number, s: State): Hit | null => s.lookup.resolve(spanKey(tokens, from, to, s));

function entity(name: string, tokens: Token[], from: number, to: number, kind: Entity["kind"], s: State): Found {
  const weight = kind === "place" ? WEIGHT.place : kind === "alias" ? WEIGHT.alias : to - from > 1 ? WEIGHT.name : WEIGHT.singleName;
  const { key, first, last } = s.lookup.keys(name);
  return { key, name, surface: bareText(tokens, from, to), weight, last, first, kind, start: tokens[from]!.start, end: tokens[to - 1]!.end };
}

/**
 * Unknown words between known names, tokens[from, to): titles and
 * connectors off the front and back, the rest is a name.
 */
function flush(tokens: Token[], from: number, to: number, sentenceStart: boolean, s: State): void {
  const first = from;
  while (from < to && (isTitle(tokens[from]!, s) || isConnector(tokens[from]!))) from++;
  while (to > from && isConnector(tokens[to - 1]!)) to--;
  if (from >= to) return;
  // "Discussing each clause …": a sentence's first word alone, shaped like a common word, is not a name
  if (sentenceStart && from === first && to - from === 1 && COMMON_SHAPE.test(tokens[from]!.text.toLowerCase())) return;
  const name = bareText(tokens, from, to);
  s.out.push(entity(name, tokens, from, to, "name", s));
}

/**
 * A one-word known name next to an unknown name word is part of another
 * name: "Kim" in "Kim Jong-gyu", "Washington" in "Washington Post"; a place
 * after one, or after "of", too: "Atlético Madrid", "University of Tokyo".
 * Titles do not count ("Foreign Minister Choe"); a possessive ends a name.
 */
function partOfLonger(tokens: Token[], at: number, runEnd: number, s: State): boolean {
  const t = tokens[at];
  return at < runEnd && t !== undefined && isName(t, s) && !isTitle(t, s) && !resolve(tokens, at, at + 1, s);
}

function insideLonger(tokens: Token[], i: number, runStart: number, runEnd: number, pending: number, kind: Hit["kind"], s: State): boolean {
  if (!isPossessive(tokens[i]!, s) && partOfLonger(tokens, i + 1, runEnd, s)) return true;
  if (kind !== "place" || i === runStart) return false;
  const before = tokens[i - 1]!;
  if (isConnector(before)) return true;
  return pending < i && !isPossessive(before, s) && partOfLonger(tokens, i - 1, runEnd, s);
}

/** One run, tokens[start, end), cut into known names (longest first) and the unknown stretches between them. */
function segment(tokens: Token[], start: number, end: number, sentenceStart: boolean, s: State): void {
  let pending = start; // unknown words since here
  for (let i = start; i < end; ) {
    let found: Hit | null = null;
    let foundTo = i;
    for (let to = Math.min(end, i + MAX_SPAN); to > i; to--) {
      if (!isName(tokens[to - 1]!, s)) continue;
      const hit = resolve(tokens, i, to, s);
      if (hit && !(to - i === 1 && insideLonger(tokens, i, start, end, pending, hit.kind, s))) {
        found = hit;
        foundTo = to;
        break;
      }
    }
    if (!found) {
      i++;
      if (isPossessive(tokens[i - 1]!, s)) {
        flush(tokens, pending, i, sentenceStart && pending === start, s);
        pending = i;
      }
      continue;
    }
    flush(tokens, pending, i, sentenceStart && pending === start, s);
    s.out.push(entity(found.name, tokens, i, foundTo, found.kind, s));
    i = pending = foundTo;
  }
  flush(tokens, pending, end, sentenceStart && pending === start, s);
}

/**
 * Capitalised runs, joined over up to two connectors that lead on to another
 * name word ("Bank of Korea", "Defender of the Fatherland Day"). A
 * possessive does not end a run here ("Democratic People's Republic of
 * Korea" is one name); segment() ends a name at one unless a longer name is
 * known ("Korea’s" | "Unification Ministry").
 */
function runs(tokens: Token[], s: State): void {
  let sentenceStart = true;
  for (let i = 0; i < tokens.length; ) {
    const t = tokens[i]!;
    if (!isName(t, s)) {
      if (!t.word && (t.text === "." || t.text === "!" || t.text === "?")) sentenceStart = true;
      else if (t.word) sentenceStart = false;
      i++;
      continue;
    }
    let j = i + 1;
    while (j < tokens.length) {
      if (isName(tokens[j]!, s)) {
        j++;
        continue;
      }
      let k = j;
      while (k < tokens.length && k - j < 2 && isConnector(tokens[k]!)) k++;
      if (k > j && k < tokens.length && isName(tokens[k]!, s)) j = k + 1;
      else break;
    }
    segment(tokens, i, j, sentenceStart, s);
    sentenceStart = false;
    i = j;
  }
}

/**
 * Entities of a text, one per key (the first spelling kept), and every place
 * one was written. `tokens`: scanTokens of the whole text, when the caller
 * has them already.
 */
export function findEntities(
  text: string,
  lookup: Lookup,
  tokens: Token[] = scanTokens(text),
  info: Vocabulary = wordInfo,
): { entities: Entity[]; spans: EntitySpan[] } {
  const s: State = { lookup, info, out: [] };
  runs(splitPairs(tokens), s);
  const byKey = new Map<string, Entity>();
  const spans: EntitySpan[] = [];
  for (const e of s.out) {
    if (!e.key) continue;
    if (!byKey.has(e.key)) byKey.set(e.key, e);
    spans.push({ start: e.start, end: e.end, key: e.key, surface: e.kind === "alias" ? e.name : e.surface });
  }
  return { entities: [...byKey.values()], spans };
}
