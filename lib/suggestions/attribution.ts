/**
 * Finds who a quotation or a reported sentence is attributed to: the speech
 * cue ("said", "told", "according to", a colon) and the noun phrase that is
 * its subject, in both orders:
 *   “…,” said Lim Eul-chul, a professor at …      (cue, then speaker)
 *   “…,” the two sides said / she added           (speaker, then cue)
 *   Choi said, adding that ”…”                    (a participle takes the clause's speaker)
 *   X told reporters that “…” / X said: “…” / X was blunt: “…”
 *   North Korea reported … and said, “…”          (a coordinated verb takes the first subject)
 *   it was said that “…”                          (passive: nobody in particular)
 * Only the phrase is found here; resolve.ts decides whom it names.
 */
import { DATA_WORDS, NAMING_VERBS, PARTICIPLE_CUES, PASSIVE_AUXILIARIES, SPEECH_ADVERBS, SPEECH_VERBS, isBaseSpeechForm } from "./lexicon";
import { DETERMINERS, connectorsAt, headKind, isConnector, isNameToken, isPhraseWord, isPronoun, isTitleWord, isWord, lower } from "./names";
import { isClauseComma, isPossessive, type Token } from "./sentences";
import { appositionAfter, descriptionBefore } from "./speakers";

/** A speaker phrase: its tokens, an apposition describing it, and (forward parses) the index after it all. */
export type Phrase = { tokens: Token[]; description: Token[] | null; next?: number };
export type Cue = { text: string; start: number; end: number };
export type Attribution = {
  phrase: Phrase | null;
  cue: Cue | null;
  via: "after" | "before" | "colon" | "according" | "coordinated" | "impersonal";
};

const cueOf = (t: Token): Cue => ({ text: t.text, start: t.start, end: t.end });
/** A finite speech verb; a base form only after a plural subject ("analysts say", "they warn"). */
export function isSpeechVerbAt(t: Token[], i: number): boolean {
  const tok = t[i];
  if (!isWord(tok) || !SPEECH_VERBS.has(tok.text)) return false;
  // "Choe’s reported departure", "the reported deal": after a possessive or determiner it is an adjective
  const before = t[i - 1];
  if (isWord(before) && (isPossessive(before.text) || ["the", "a", "an", "its", "their", "his", "her", "our"].includes(lower(before)))) return false;
  // "added seven rebounds", "adds $2 million": with a quantity for its object "add" is arithmetic, not speech
  const after = t[i + 1];
  if (/^add/.test(tok.text) && isWord(after) && (/^\d/.test(after.text) || NUMBER_WORDS.has(lower(after)) || ["one", "another", "a", "an"].includes(lower(after)) && isWord(t[i + 2]) && /^\d|^(?:few|couple|further|more|extra|new)$/.test(t[i + 2]!.text))) return false;
  // "10-year notes", "two reports", "details of reports": after a number or a preposition it is a noun
  // ("the 19-year-old said", "the 7-footer said": a person noun, the subject)
  if (isWord(before) && ((/^\d/.test(before.text) && !/-(?:year-olds?|footers?|timers?)$/i.test(before.text)) || NUMBER_WORDS.has(lower(before)) || NOUN_AFTER.has(lower(before)))) return false;
  if (!isBaseSpeechForm(tok.text)) return true;
  let k = i - 1;
  while (k >= 0 && isWord(t[k]) && SPEECH_ADVERBS.has(lower(t[k]!)) && !["would", "will", "could", "may", "might"].includes(lower(t[k]!))) k--;
  const prev = t[k];
  if (!isWord(prev)) return false;
  const w = lower(prev);
  return ["they", "we", "i", "you"].includes(w) || (w.length > 3 && /[^s'’]s$/.test(w) && !["has", "does", "was", "is"].includes(w));
}
const NUMBER_WORDS = new Set("two three four five six seven eight nine ten eleven twelve dozen dozens hundreds thousands several many few".split(" "));
const NOUN_AFTER = new Set("of for in on at by with from into about among between".split(" "));
const isPunct = (t: Token | undefined, chars: string) => t !== undefined && !t.word && chars.includes(t.text);
const QUOTE_MARKS = "“”\"‘’'«»„";
const INTRO_WORDS = new Set("in on at after before during asked sentencing speaking however meanwhile still separately earlier later also then but and yet so in addition since following".split(" "));

/** A noun phrase read leftwards from tokens[end] down to floor: "the two sides", "An official from South Korea’s Unification Ministry". */
function collectBackward(t: Token[], end: number, floor: number): Token[] | null {
  const out: Token[] = [];
  let i = end;
  while (i >= floor && out.length < 10) {
    const tok = t[i]!;
    const head = out[0];
    if (isNameToken(tok) || isPhraseWord(tok)) {
      out.unshift(tok);
    } else if (isWord(tok) && DETERMINERS.has(lower(tok))) {
      out.unshift(tok);
      break;
    } else if (head && isNameToken(head) && isConnector(tok) && (isNameToken(t[i - 1]) || (isConnector(t[i - 1]) && isNameToken(t[i - 2])))) {
      out.unshift(tok); // "Iron and Steel", "Bank of Korea", "von der Leyen"
    } else if (head && isNameToken(head) && isWord(tok) && ["from", "at", "of", "for", "with"].includes(lower(tok)) && isWord(t[i - 1]) && isTitleWord(t[i - 1]!.text)) {
      out.unshift(tok); // "an official from South Korea’s Unification Ministry"
    } else break;
    i--;
  }
  return out.length > 0 ? out : null;
}

/** A lower-case word after a name that still belongs to its phrase: a head noun, now or next ("floor leader"). */
function continuesName(t: Token[], i: number): boolean {
  const heads = (k: number) => isWord(t[k]) && (headKind(t[k]!.text) !== null || DATA_WORDS.has(lower(t[k]!)));
  return heads(i) || (isPhraseWord(t[i]) && heads(i + 1));
}

/** A noun phrase read rightwards from tokens[start], stopping before a verb or preposition. */
export function parseForward(t: Token[], start: number, limit: number): Phrase | null {
  const first = t[start];
  if (!first || start >= limit) return null;
  if (isPronoun(first)) return { tokens: [first], description: null, next: start + 1 };
  const out: Token[] = [];
  let i = start;
  if (isWord(first) && DETERMINERS.has(lower(first))) out.push(t[i++]!);
  while (i < limit && out.length < 10) {
    const tok = t[i]!;
    const last = out[out.length - 1];
    if (isSpeechVerbAt(t, i)) break;
    // after a name only a noun phrase's head goes on ("Russian state media", "Party floor leader"), not a verb ("Singh put it")
    const joined = last && isNameToken(last) && !isPossessive(last.text) ? connectorsAt(t, i) : 0;
    if (joined > 0) {
      out.push(...t.slice(i, i + joined));
      i += joined;
      continue;
    }
    if (last && isNameToken(last) && !isPossessive(last.text) && !isNameToken(tok) && !continuesName(t, i)) break;
    // "a spokesperson for the Department of Health", "an official at the ministry"
    const of = last && isTitleWord(last.text) && isWord(tok) && ["for", "of", "at", "from", "with"].includes(lower(tok));
    const the = of && isWord(t[i + 1]) && lower(t[i + 1]!) === "the" ? 1 : 0;
    if (of && isNameToken(t[i + 1 + the])) {
      out.push(...t.slice(i, i + 1 + the));
      i += 1 + the;
      continue;
    }
    if (isNameToken(tok) || isPhraseWord(tok)) out.push(tok);
    else break;
    i++;
  }
  if (out.length === 0 || (out.length === 1 && !out[0]!.word)) return null;
  if (out.length === 1 && DETERMINERS.has(lower(out[0]!))) return null;
  // "Mexico's economy minister, Lucía Fernández Ibarra, was blunt": the name after the comma is the speaker
  const end = start + out.length;
  if (isTitleWord(out[out.length - 1]!.text) && t[end]?.text === "," && isNameToken(t[end + 1])) {
    let j = end + 1;
    while (j < limit && (isNameToken(t[j]) || (isConnector(t[j]) && isNameToken(t[j + 1])))) j++;
    if (j === limit || isPunct(t[j], ",.;:") || isSpeechVerbAt(t, j)) return { tokens: t.slice(end + 1, j), description: out, next: j };
  }
  const apposition = appositionAfter(t, end, limit);
  return { tokens: out, description: apposition, next: apposition ? end + 1 + apposition.length : end };
}

/** "according to X", and "according to an announcement by X": the announcement speaks for X. */
export function accordingTo(t: Token[], k: number, limit: number): Attribution | null {
  const phrase = parseForward(t, k + 2, limit);
  if (!phrase) return null;
  const cue = { text: "according to", start: t[k]!.start, end: t[k + 1]!.end };
  const next = phrase.next ?? k + 2 + phrase.tokens.length;
  const head = phrase.tokens[phrase.tokens.length - 1]!;
  if (headKind(head.text) === "document" && isWord(t[next]) && ["by", "from", "of"].includes(lower(t[next]!))) {
    const issuer = parseForward(t, next + 1, limit);
    if (issuer) return { phrase: issuer, cue, via: "according" };
  }
  return { phrase, cue, via: "according" };
}

/** "in Columbus" before ", Ohio,": a place name right after "in/near/outside" ends at tokens[comma]. */
function placeBefore(t: Token[], comma: number, floor: number): boolean {
  let k = comma - 1;
  while (k >= floor && comma - k <= 3 && isNameToken(t[k])) k--;
  return k < comma - 1 && k >= floor && isWord(t[k]) && ["in", "near", "outside"].includes(lower(t[k]!));
}

/** The subject before a speech verb at tokens[cue], over an apposition or relative clause between commas. */
function parseBackward(t: Token[], cue: number, floor: number): Phrase | null {
  let i = cue - 1;
  while (i >= floor && isWord(t[i]) && SPEECH_ADVERBS.has(lower(t[i]!))) i--;
  if (i < floor) return null;
  // "the Department for Environment, Food and Rural Affairs (Defra) said", "Sen. Jo Lane (D-Ore.) said": past a short aside in brackets
  if (t[i]!.text === ")") {
    let k = i - 1;
    while (k >= floor && i - k <= 8 && t[k]!.text !== "(" && t[k]!.text !== ")") k--;
    if (k > floor && t[k]!.text === "(" && isNameToken(t[k - 1])) i = k - 1;
  }
  if (isPronoun(t[i])) return { tokens: [t[i]!], description: null };
  if (t[i]!.text === ",") {
    // over up to three comma-set pieces: "Martin Pryce, 54, of Clifton, admitted", "X, a professor at Y, said"
    let close = i;
    let description: Token[] | null = null;
    // the comma closing a "City, State," pair inside an apposition ("a mortgage broker in Columbus, Ohio,")
    let placeEnd = -1;
    for (let pieces = 0; pieces < 4; pieces++) {
      let c = close - 1;
      while (c >= floor && !isClauseComma(t, c) && close - c < 40) c--;
      if (c < floor || t[c]!.text !== ",") return null;
      const middle = t.slice(c + 1, close);
      const names = middle.length > 0 && middle.every((x) => isNameToken(x) || isConnector(x)) && isNameToken(middle[middle.length - 1]);
      // "Evan Strauss, a mortgage broker in Columbus, Ohio, told me": the state belongs to the place, not the speaker
      if (names && middle.length <= 2 && placeBefore(t, c, floor)) {
        if (placeEnd === -1) placeEnd = close;
        close = c;
        continue;
      }
      // "The hospice's chief executive, Rachel Dunmore, said", "Two Republicans on the committee, Sen. Mark Oduya and …, said": the names speak
      if (names) return { tokens: middle, description: descriptionBefore(t, c + 1) ?? collectBackward(t, c - 1, floor) };
      const first = middle[0];
      const relative = first !== undefined && ["who", "which", "whose", "where"].includes(lower(first));
      const aside = first !== undefined && (/^\d/.test(first.text) || ["of", "from", "in"].includes(lower(first)));
      if (!relative && !aside) description = placeEnd !== -1 ? t.slice(c + 1, placeEnd) : middle;
      const name = collectBackward(t, c - 1, floor);
      const age = name !== null && name.length === 1 && /^\d/.test(name[0]!.text); // "Tom Alvarez, 67, a retired shrimper …, said"
      if (name && !age) return { tokens: name, description };
      if (age) {
        close = c;
        continue;
      }
      if (!aside) return null;
      close = c;
    }
    return null;
  }
  const tokens = collectBackward(t, i, floor);
  return tokens ? { tokens, description: null } : null;
}

/** The subject of the clause starting at tokens[floor], past an introductory phrase ("In June, …"). */
export function subjectAt(t: Token[], floor: number, limit: number): Phrase | null {
  let i = floor;
  if (isWord(t[i]) && INTRO_WORDS.has(lower(t[i]!))) {
    let c = i;
    while (c < limit && t[c]!.text !== "," && c - i < 30) c++;
    if (t[c]?.text === ",") i = c + 1;
  }
  return parseForward(t, i, limit);
}

/** The previous finite speech verb before tokens[k], down to floor. */
function finiteCueBefore(t: Token[], k: number, floor: number, quoted: (i: number) => boolean): number {
  // bounded: a speech verb more than 60 tokens back is not this clause's
  for (let i = k - 1; i >= Math.max(floor, k - 60); i--) if (!quoted(i) && isSpeechVerbAt(t, i)) return i;
  return -1;
}

/** The speaker of the speech verb at tokens[cue]. */
export function subjectOfCue(t: Token[], cue: number, floor: number, sentenceStart: number, quoted: (i: number) => boolean): Attribution {
  let before = cue - 1;
  while (before >= floor && isWord(t[before]) && SPEECH_ADVERBS.has(lower(t[before]!))) before--;
  const prev = t[before];
  if (isWord(prev) && PASSIVE_AUXILIARIES.has(lower(prev))) return { phrase: null, cue: cueOf(t[cue]!), via: "impersonal" };
  // "Derek Hall, who announced …": the relative pronoun stands for the name before its comma
  if (isWord(prev) && lower(prev) === "who" && t[before - 1]?.text === ",") {
    const name = collectBackward(t, before - 2, floor);
    if (name) return { phrase: { tokens: name, description: null }, cue: cueOf(t[cue]!), via: "before" };
  }
  if ((isWord(prev) && ["and", "but", "then", "also"].includes(lower(prev))) || before < floor) {
    const earlier = finiteCueBefore(t, before + 1, sentenceStart, quoted);
    if (earlier !== -1) return { ...subjectOfCue(t, earlier, sentenceStart, sentenceStart, quoted), cue: cueOf(t[cue]!), via: "coordinated" };
    return { phrase: before < floor ? null : subjectAt(t, sentenceStart, cue), cue: cueOf(t[cue]!), via: "coordinated" };
  }
  return { phrase: parseBackward(t, cue, floor), cue: cueOf(t[cue]!), via: "before" };
}

/** “…,” said X / “…,” X said: the attribution right after a closing quote mark. */
export function attributionAfter(t: Token[], from: number, limit: number): Attribution | null {
  let i = from;
  while (i < limit && isPunct(t[i], ",—–-")) i++;
  if (i >= limit || !t[i]!.word) return null;
  if (lower(t[i]!) === "according" && lower(t[i + 1] ?? t[i]!) === "to") return accordingTo(t, i, limit);
  if (isSpeechVerbAt(t, i)) {
    // "…, told the meeting": the object of "told" is never the speaker (no "…," told X inversion)
    if (TELL.has(lower(t[i]!)) || NAMING_VERBS.has(lower(t[i]!))) return null; // nor of "called" ("…, called the results promising")
    const phrase = parseForward(t, i + 1, limit);
    // an inverted subject ends the clause: "…, said profits rose" has "profits" as the subject of "rose", not of "said"
    const next = phrase ? t[phrase.next ?? i + 1 + phrase.tokens.length] : undefined;
    if (isWord(next) && !AFTER_INVERTED.has(lower(next)) && !PARTICIPLE_CUES.has(lower(next))) return null;
    return phrase && !isPronounPhrase(phrase) ? { phrase, cue: cueOf(t[i]!), via: "after" } : null;
  }
  const phrase = parseForward(t, i, limit);
  if (!phrase) return null;
  // "“…,” Dawson, the Kettering boss, said": past the apposition and its closing comma
  let j = phrase.next ?? i + phrase.tokens.length;
  if (phrase.description && t[j]?.text === ",") j++;
  while (j < limit && isWord(t[j]) && SPEECH_ADVERBS.has(lower(t[j]!))) j++;
  return isSpeechVerbAt(t, j) ? { phrase, cue: cueOf(t[j]!), via: "after" } : null;
}

const TELL = new Set(["tell", "tells", "told"]);
// what may follow an inverted speaker ("said Jane Porter on Monday", "… in a statement", "… with a grin")
const AFTER_INVERTED = new Set(
  "on in at during after before with without from of for to by as when while and but last this next yesterday today tomorrow tonight earlier later afterwards afterward recently who whose which told".split(" "),
);
const isPronounPhrase = (p: Phrase) => p.tokens.length === 1 && isPronoun(p.tokens[0]);

/**
 * The attribution in the clause before an opening quote mark at tokens[open]:
 * "according to X", the last speech verb and its subject, or a colon.
 */
export function attributionBefore(t: Token[], floor: number, open: number, sentenceStart: number, quoted: (i: number) => boolean): Attribution | null {
  for (let k = open - 2; k >= floor; k--) {
    if (!quoted(k) && lower(t[k]!) === "according" && lower(t[k + 1]!) === "to") {
      const found = accordingTo(t, k, open);
      if (found) return found;
    }
  }
  let participle = -1;
  for (let k = open - 1; k >= floor; k--) {
    if (quoted(k)) continue;
    if (participle === -1 && isWord(t[k]) && PARTICIPLE_CUES.has(lower(t[k]!))) participle = k;
    if (isSpeechVerbAt(t, k)) {
      const found = subjectOfCue(t, k, floor, sentenceStart, quoted);
      return participle !== -1 ? { ...found, cue: cueOf(t[participle]!) } : found;
    }
  }
  if (participle !== -1) return { phrase: subjectAt(t, sentenceStart, participle), cue: cueOf(t[participle]!), via: "coordinated" };
  let colon = open - 1;
  while (colon >= floor && isPunct(t[colon], QUOTE_MARKS)) colon--;
  if (isPunct(t[colon], ":")) return { phrase: ownerOfWords(t, sentenceStart, colon) ?? subjectAt(t, sentenceStart, colon), cue: cueOf(t[colon]!), via: "colon" };
  return null;
}

/** Nouns for what someone says: "Her advice to residents was simple:", "His answer:", "Lim's verdict was blunt:". */
const UTTERANCE_NOUNS = new Set(
  `advice answer answers message response reply verdict view views warning reaction explanation argument point plea
   instruction instructions conclusion assessment take position comment comments words retort promise pledge
   assurance reasoning recommendation request appeal demand suggestion guidance summary prediction forecast
   prognosis diagnosis message verdict outlook case`.split(/\s+/),
);
const POSSESSIVE_DETERMINERS = new Set(["his", "her", "their", "its"]);

/**
 * A colon intro whose subject is someone's words ("Her advice to residents was
 * simple: “…”"): the owner speaks, a possessive pronoun standing for the
 * person it points to, a possessive name for that name.
 */
function ownerOfWords(t: Token[], floor: number, limit: number): Phrase | null {
  let i = floor;
  if (isWord(t[i]) && INTRO_WORDS.has(lower(t[i]!))) {
    let c = i;
    while (c < limit && t[c]!.text !== "," && c - i < 30) c++;
    if (t[c]?.text === ",") i = c + 1;
  }
  let j = i;
  if (isWord(t[i]) && POSSESSIVE_DETERMINERS.has(lower(t[i]!))) j = i + 1;
  else {
    while (j < limit && j - i < 4 && isNameToken(t[j]) && !isPossessive(t[j]!.text)) j++;
    if (!(j < limit && isNameToken(t[j]) && isPossessive(t[j]!.text))) return null;
    j++;
  }
  // the head noun, after at most two modifiers ("her final answer", "Lim's blunt verdict")
  for (let k = j; k < Math.min(limit, j + 3); k++) {
    if (!isWord(t[k])) return null;
    if (UTTERANCE_NOUNS.has(lower(t[k]!))) return { tokens: t.slice(i, j), description: null };
  }
  return null;
}
