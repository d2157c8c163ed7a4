/**
 * Figures that make a sentence a statistic: money ("$2.3 billion", "₩1.2
 * trillion", "673.3 trillion won"), percentages ("4.5 percent", "82%"),
 * multiples ("2.4 times"), counts ("3,400 troops", "57 studies"), counts with
 * a scale or unit written onto the number ("2.9bn litres", "1.3km", "40k
 * jobs") and vote tallies ("voted 71-27", "a 5-4 ruling", "by 52 to 48").
 * Numbers that only date or name something are not figures: years, day
 * numbers next to a month, ordinals ("11th"), clock times, ages between commas,
 * scores ("a 2-1 win"), and labels ("Article 4", "COVID-19", "G20"); a
 * capitalised word before a number makes it a label unless it is a quantifier
 * ("About 12,000 homes", "Some 40 people").
 */
export type Figure = { start: number; end: number; text: string; kind: "money" | "percent" | "multiple" | "count" | "tally" };

const NUM = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
const SCALE = String.raw`(?:\s?(?:million|billion|trillion|bn|mn|m|k)\b)?`;
const CURRENCY_WORDS = String.raw`dollars|euros|pounds|yen|won|yuan|renminbi|rupees|francs|kroner|kronor|krona|pesos|rubles|roubles|dinars|dirhams|riyals|reais|lira|shekels|baht|ringgit|rand|pence|cents`;

const RULES: Array<{ re: RegExp; kind: Figure["kind"] }> = [
  { re: new RegExp(String.raw`(?:US|C|A|HK|NZ|S)?[$€£¥₩₹]\s?(?:${NUM})${SCALE}`, "g"), kind: "money" },
  { re: new RegExp(String.raw`\b(?:${NUM})\s?(?:(?:million|billion|trillion)\s+)?(?:${CURRENCY_WORDS})\b`, "gi"), kind: "money" },
  { re: new RegExp(String.raw`\b(?:${NUM})\s?(?:%|percent\b|per cent\b|percentage points?\b|pct\b)`, "gi"), kind: "percent" },
  { re: new RegExp(String.raw`\b(?:${NUM})\s?(?:times|fold)\b`, "gi"), kind: "multiple" },
  { re: new RegExp(String.raw`\b(?:${NUM})\s(?:million|billion|trillion)\b`, "gi"), kind: "count" },
  // a scale or unit written onto the number: "2.9bn litres", "£42m" is money above, "1.3km", "40k jobs"
  { re: new RegExp(String.raw`(?<![\p{L}\p{N}\-–.,:/])(?:${NUM})(?:bn|mn|tn|m|k|km|kg|mm|cm|ft|mph|kph|kmh|mw|gw|kw|kwh|mwh|gwh)\b`, "giu"), kind: "count" },
  // a vote tally: "voted 71-27", "a 5-4 ruling", "by a vote of 52 to 48", "passed 218-214" (a score, "won 2-1", is not a figure)
  { re: /(?<=\b(?:vot(?:e|es|ed|ing)|ballot|margin|tally|passed|approved|rejected|confirmed|defeated|split|ruled|ruling)\s+(?:(?:of|by|was|a|an|the)\s+){0,3})\d{1,3}\s?(?:-|–|to)\s?\d{1,3}\b(?![-–]\d)|\b\d{1,3}[-–]\d{1,3}(?=\s+(?:vote|ruling|decision|majority|margin|tally)\b)/gi, kind: "tally" },
  { re: new RegExp(String.raw`(?<![\p{L}\p{N}\-–.,:/])(?:${NUM})(?![\p{L}\p{N}]|[\-–][\p{L}\p{N}]|,\d|\.\d)`, "gu"), kind: "count" },
];

const MONTH_BEFORE = /(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?\s+$/;
const MONTH_AFTER = /^(?:st|nd|rd|th)?\s+(?:of\s+)?(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b/;
const TIME_AFTER = /^(?:\s?(?:a\.m\.|p\.m\.|am\b|pm\b|o['’]clock)|:\d\d)/i;
const LABEL_BEFORE = /(?:\b\p{Lu}[\p{L}.]*|\bNo\.|#)\s$/u;
// capitalised at a sentence start, these quantify a number rather than label it
const QUANTIFIER_BEFORE = /\b(?:About|Some|Nearly|Almost|Around|Roughly|Approximately|Over|Under|More|Fewer|Less|Only|Just|Up|At|Another|Exactly|Precisely|Perhaps|Maybe|Still|Now|Already|All|Those|These|The|Of|Between|By|From|To)\s$/;
// a counted thing after a bare integer, with at most one modifier between: "37 payments", "3,000 older adults"
const COUNTED_AFTER = /^\s*(?:[a-z][a-z-]*\s+)?(?:[a-z]{2,}s|people|children|men|women|staff|personnel|police|aircraft|cattle|sheep|fish|feet|foot|mph|km|kph|kg|mm|cm|m|ft|mi|lb|oz|gw|mw|kw|kwh|degrees?)\b/;
const YEAR = /^(?:1[89]|2[01])\d\d$/;

function isBareCount(text: string, start: number, end: number): boolean {
  const number = text.slice(start, end);
  const before = text.slice(Math.max(0, start - 12), start);
  const after = text.slice(end, end + 40);
  if (MONTH_BEFORE.test(before) || MONTH_AFTER.test(after) || TIME_AFTER.test(after)) return false;
  if (LABEL_BEFORE.test(before) && !QUANTIFIER_BEFORE.test(before)) return false;
  if (/,\s?$/.test(before) && /^,/.test(after)) return false; // an age: "Martin Pryce, 54, of Clifton"
  if (/[\d.,]/.test(number.replace(/^\d+$/, ""))) return true; // "24,316", "7.8 miles"
  if (YEAR.test(number)) return false;
  return COUNTED_AFTER.test(after) && !/^\s+(?:years?\s+old|a\.m|p\.m)/.test(after);
}

/** Figures in text, in order, without overlaps; positions shifted by offset. */
export function findFigures(text: string, offset = 0): Figure[] {
  if (!/\d/.test(text)) return [];
  const found: Figure[] = [];
  for (const rule of RULES) {
    rule.re.lastIndex = 0;
    for (let m = rule.re.exec(text); m; m = rule.re.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      if (rule.kind === "count" && !/\s(?:million|billion|trillion)$/i.test(m[0]) && !isBareCount(text, start, end)) continue;
      if (rule.kind !== "count" && rule.kind !== "money" && YEAR.test(m[0].replace(/\D+$/, "")) && !/%|percent|times/i.test(m[0])) continue;
      found.push({ start, end, text: m[0], kind: rule.kind });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Figure[] = [];
  let lastEnd = -1;
  for (const f of found) {
    if (f.start < lastEnd) continue;
    lastEnd = f.end;
    out.push({ ...f, start: f.start + offset, end: f.end + offset });
  }
  return out;
}
