/**
 * Figures of a claim with what they count, so two claims can be checked for
 * consistency: "$2.3 billion" and "$3.2 billion" of the same trade are two
 * different claims whatever else they share, while "$2.3 billion" and
 * "$2,300 million" are one figure. A figure's kind is its unit: money in one
 * currency, percent, percentage points, a multiple, a count of one noun
 * ("3,400 troops"), an ordinal label of one name ("11th Army Corps").
 * Spans come from the suggestions' findFigures (which already leaves out
 * years, day numbers, ages, scores and labels); values are read here.
 */
import { fastKey } from "./keys";
import { findFigures } from "@/lib/suggestions/statistics";
import { stem } from "./words";

export type Figure = {
  /** the unit: "money:USD", "percent", "points", "times", "count:troop", "ordinal:armycorps" */
  key: string;
  value: number;
  /** half the last written digit's worth, widened for "about", "nearly", "more than" */
  tolerance: number;
  text: string;
};

const NUMBER = /(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)/;
const SCALES: Record<string, number> = { k: 1e3, thousand: 1e3, m: 1e6, mn: 1e6, million: 1e6, bn: 1e9, billion: 1e9, tn: 1e12, trillion: 1e12 };
const SCALE = /(?:\s?(k|thousand|mn|m|million|bn|billion|tn|trillion))\b/i;
const SYMBOLS: Array<[RegExp, string]> = [
  [/^(?:US)?\$/, "USD"], [/^C\$/, "CAD"], [/^A\$/, "AUD"], [/^HK\$/, "HKD"], [/^NZ\$/, "NZD"], [/^S\$/, "SGD"],
  [/^€/, "EUR"], [/^£/, "GBP"], [/^¥/, "YEN"], [/^₩/, "KRW"], [/^₹/, "INR"],
];
const CURRENCY_WORDS: Record<string, string> = {
  dollar: "USD", euro: "EUR", pound: "GBP", yen: "YEN", won: "KRW", yuan: "CNY", renminbi: "CNY", rupee: "INR",
  franc: "CHF", ruble: "RUB", rouble: "RUB", peso: "MXN", real: "BRL", reai: "BRL", lira: "TRY", shekel: "ILS",
  krona: "SEK", kronor: "SEK", kroner: "NOK", pence: "GBX", cent: "USX", baht: "THB", ringgit: "MYR", rand: "ZAR",
};
/** Words that make a figure approximate: compare it within 10%. */
const APPROXIMATE = /\b(?:about|around|nearly|almost|roughly|some|approximately|over|more\s+than|less\s+than|fewer\s+than|at\s+least|up\s+to|an\s+estimated|close\s+to)\s+$/i;
const ORDINAL = /\b(\d{1,4})(?:st|nd|rd|th)\s+((?:\p{Lu}[\p{L}\-]*\s+){0,3}\p{Lu}[\p{L}\-]*|\p{Ll}+)/gu;
const DIGIT = /\d/;
const MONTHS = /^(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)/;

function readNumber(text: string): { value: number; step: number } | null {
  const m = NUMBER.exec(text);
  if (!m) return null;
  const digits = m[1]!.replace(/,/g, "");
  const decimals = digits.includes(".") ? digits.length - digits.indexOf(".") - 1 : 0;
  const scaleWord = SCALE.exec(text.slice(m.index + m[0].length))?.[1]?.toLowerCase();
  const scale = scaleWord ? SCALES[scaleWord]! : 1;
  return { value: Number(digits) * scale, step: 10 ** -decimals * scale };
}

function moneyUnit(text: string): string | null {
  for (const [re, code] of SYMBOLS) if (re.test(text)) return code;
  const word = /([a-z]+)$/i.exec(text)?.[1]?.toLowerCase();
  if (!word) return null;
  return CURRENCY_WORDS[word] ?? CURRENCY_WORDS[word.replace(/s$/, "")] ?? null;
}

/** The noun a bare count counts: the first plural among the next two words, else the next word. */
function countedNoun(after: string): string | null {
  const words = /^\s*(?:(?:thousand|million|billion|trillion)\s+)?([a-z][a-z-]*)(?:\s+([a-z][a-z-]*))?/.exec(after);
  if (!words) return null;
  const [first, second] = [words[1]!, words[2]];
  const noun = !/s$/.test(first) && second && /s$/.test(second) ? second : first;
  return stem(noun);
}

function unitOf(kind: string, text: string, after: string): string | null {
  if (kind === "money") return moneyUnit(text) && `money:${moneyUnit(text)}`;
  if (kind === "percent") return /point/i.test(text) ? "points" : "percent";
  if (kind === "multiple") return "times";
  const noun = countedNoun(after);
  return noun ? `count:${noun}` : null;
}

function tolerance(step: number, value: number, before: string): number {
  return APPROXIMATE.test(before) ? Math.max(step / 2, value * 0.1) : step / 2;
}

/** Figures of a text; a figure repeated (in quote and proposition) is kept once. */
export function findClaimFigures(text: string): Figure[] {
  if (!DIGIT.test(text)) return [];
  const out: Figure[] = [];
  for (const f of findFigures(text)) {
    const read = readNumber(f.text);
    const key = read && unitOf(f.kind, f.text, text.slice(f.end, f.end + 40));
    if (!read || !key) continue;
    out.push({ key, value: read.value, tolerance: tolerance(read.step, read.value, text.slice(Math.max(0, f.start - 24), f.start)), text: f.text });
  }
  for (const m of text.matchAll(ORDINAL)) {
    const label = m[2]!;
    if (MONTHS.test(label) || /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+$/.test(text.slice(Math.max(0, m.index - 12), m.index))) continue;
    const key = /^\p{Lu}/u.test(label) ? fastKey(label) : stem(label.toLowerCase());
    out.push({ key: `ordinal:${key}`, value: Number(m[1]), tolerance: 0, text: m[0] });
  }
  const seen = new Set<string>();
  return out.filter((f) => {
    const id = `${f.key} ${f.value}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

const agree = (a: Figure, b: Figure) => Math.abs(a.value - b.value) <= Math.max(a.tolerance, b.tolerance) + 1e-9 * Math.max(Math.abs(a.value), 1);

export type FigureMatch = { equal: Array<{ a: Figure; b: Figure }>; conflict: { a: Figure; b: Figure } | null };

/**
 * Equal figures, and the first conflict: a unit both claims state with no
 * value in common ("$2.3 billion" against "$3.2 billion").
 */
export function matchFigures(a: Figure[], b: Figure[]): FigureMatch {
  const equal: FigureMatch["equal"] = [];
  let conflict: FigureMatch["conflict"] = null;
  const keys = new Set(a.map((f) => f.key));
  for (const key of keys) {
    const mine = a.filter((f) => f.key === key);
    const theirs = b.filter((f) => f.key === key);
    if (theirs.length === 0) continue;
    let any = false;
    for (const x of mine) {
      const y = theirs.find((t) => agree(x, t));
      if (y) {
        equal.push({ a: x, b: y });
        any = true;
      }
    }
    if (!any && !conflict) conflict = { a: mine[0]!, b: theirs[0]! };
  }
  return { equal, conflict };
}

/** How much equal figures say: money, percentages, multiples and labels are specific; a small count is not. */
export function figureStrength(equal: FigureMatch["equal"]): number {
  let best = 0;
  for (const { a } of equal) {
    const s = a.key.startsWith("count:") ? (a.value >= 10 ? 0.6 : 0.3) : 1;
    if (s > best) best = s;
  }
  return Math.min(1, best + 0.2 * (equal.length - 1));
}
