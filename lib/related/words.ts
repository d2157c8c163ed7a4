/**
 * Content words for text similarity: lowercased, possessives and hyphens
 * split off, stop words, numbers and calendar words out (dates and figures
 * have their own comparisons, and counting them twice would let "Monday" make
 * two claims alike), and a light stemmer so "arrive", "arrived", "arriving"
 * and "arrives" are one word. No dictionary: suffix rules only, which is
 * enough for matching and keeps this linear and allocation-light.
 */

/** Hyphenated and joined words count by their parts: "short-term", "Son-hui", "AT&T". */
const SEPARATOR = /[-‐&]/;

const set = (words: string) => new Set(words.trim().split(/\s+/));

/** English function words plus the reporting verbs every quoted claim carries. */
export const STOP_WORDS = set(`
  a about above after again against all almost also although am among an and any are aren't as at
  be because been before being below between both but by can cannot could did do does doing done down
  during each either else even ever every few for from further had has have having he her here hers
  herself him himself his how however i if in into is it its itself just least less let like made make
  many may me might more most much must my myself neither no nor not now of off on once one only or
  other others otherwise our ours ourselves out over own per quite rather same several shall she should
  since so some such than that the their theirs them themselves then there these they this those though
  through thus to too toward towards under until up upon us very via was we well were what whatever when
  where whether which while who whom whose why will with within without would yet you your yours
  yourself yourselves during amid despite across behind beyond onto around another including
  say said says saying tell told tells according add added adds stated reportedly
  mr mrs ms dr don't doesn't didn't won't isn't wasn't weren't can't it's that's there's
`);

const CALENDAR_WORDS = set(`
  january february march april may june july august september october november december
  jan feb mar apr jun jul aug sep sept oct nov dec
  monday tuesday wednesday thursday friday saturday sunday
  today tomorrow yesterday tonight
`);

// words that end in "s" without being plurals, or whose -s/-ing/-ed removal would change the word
const KEEP = set(`news series species always perhaps whereas thus gas bus plus status crisis basis analysis
  thing things during nothing something anything everything bring king ring spring string evening morning
  need speed indeed hundred`);

const DOUBLED = /([bdgmnprt])\1$/;

/** "treaties" -> "treaty", "arrived"/"arriving"/"arrive" -> "arriv", "stopped" -> "stop". */
export function stem(word: string): string {
  if (word.length <= 3 || KEEP.has(word)) return word;
  let s = word;
  let verbal = false;
  if (/[^aeiou]ies$/.test(s) || /[^aeiou]ied$/.test(s)) s = s.slice(0, -3) + "y";
  else if (/(?:ss|us|is)$/.test(s)) return s;
  else if (/(?:sses|shes|ches|xes|zes)$/.test(s)) s = s.slice(0, -2);
  else if (s.endsWith("s")) s = s.slice(0, -1);
  else if (s.endsWith("ing") && s.length >= 6) {
    s = s.slice(0, -3);
    verbal = true;
  } else if (s.endsWith("ed") && s.length >= 5) {
    s = s.slice(0, -2);
    verbal = true;
  }
  if (verbal && DOUBLED.test(s) && s.length > 3) s = s.slice(0, -1);
  // "arrive" and "arriv(ed)" meet without the final e
  if (s.length > 3 && s.endsWith("e")) s = s.slice(0, -1);
  return s;
}

/** A content word: its stem, and the form first written (for showing shared words). */
export type Part = { stem: string; surface: string };

export const NO_PARTS: Part[] = [];

/** 0: plain ASCII letters (the common case), 1: has a digit (not a word here), 2: anything else. */
function shape(w: string): 0 | 1 | 2 {
  let plain = true;
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c >= 48 && c <= 57) return 1;
    if (!((c >= 97 && c <= 122) || (c >= 65 && c <= 90))) plain = false;
  }
  return plain ? 0 : 2;
}

function part(surface: string): Part | null {
  const lower = surface.toLowerCase();
  if (lower.length < 2 || STOP_WORDS.has(lower) || CALENDAR_WORDS.has(lower)) return null;
  return { stem: stem(lower), surface };
}

/** The content words of one word token: none for a stop word or a number, several for "short-term". */
export function partsOfWord(text: string): Part[] {
  const kind = shape(text);
  if (kind === 1) return NO_PARTS;
  if (kind === 0) {
    const p = part(text);
    return p ? [p] : NO_PARTS;
  }
  // "Korea’s", "U.S.", "short-term", "don’t": possessive off, dots out, apostrophes straight, parts apart
  let raw = text.replaceAll("’", "'");
  if (raw.endsWith("'s")) raw = raw.slice(0, -2);
  if (raw.includes(".")) raw = raw.replaceAll(".", "");
  const out: Part[] = [];
  for (const piece of raw.split(SEPARATOR)) {
    const p = part(piece);
    if (p) out.push(p);
  }
  return out;
}
