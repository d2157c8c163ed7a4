/**
 * Bylines in the shapes newsrooms print them:
 *   "BY MICHAEL LEE [lee.junhyuk@joongang.co.kr]", "By Grace Whitfield",
 *   "By Grace Whitfield and Tom Ode, Staff Writers", "Kwak Hee-yang 2024. 11. 4. 18:35",
 *   "By Jane Doe | April 28, 2026", "Grace Whitfield, Staff Writer",
 *   "Nadia Okonkwo · Oct 2, 2025" (a newsletter's author line: name, then a date).
 * Every candidate name must look like a person's name (each word capitalised,
 * no sentence words), so that "By the end of the year…" or "By Monday it
 * rained." stay in the story.
 */
import { canonicalOutlet } from "./outlets";
import { parseDateText, type DateParts } from "./published-date";
import { titleCaseIfShouted } from "./line-shape";

const MAX_BYLINE = 200;

export type Byline = { name: string | null; date: DateParts | null };

const MONTH_OR_DAY = new Set([
  "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
  "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
]);
// words that open a sentence or a headline, never a name
const NOT_A_FIRST_NAME = new Set([
  "the", "this", "that", "these", "those", "a", "an", "in", "on", "at", "after", "before", "during",
  "for", "next", "last", "then", "now", "all", "most", "some", "early", "late", "mid", "its", "their",
  "his", "her", "our", "my", "no", "one", "two", "three", "law", "order", "way", "far",
]);
const PARTICLES = new Set(["de", "da", "di", "du", "dos", "van", "von", "der", "den", "bin", "al", "el", "la", "le", "y"]);
const NAME_WORD = /^\p{Lu}[\p{L}'’.-]{0,30}$/u;
const AGENCIES = new Set(["Reuters", "AFP", "AP", "Yonhap", "Bloomberg", "Xinhua", "Kyodo", "Newsis", "News1"]);

const ROLE =
  /^(?:(?:senior|chief|staff|special|political|foreign|business|sports|health|science|metro|city|investigative|national|local|contributing|associate|deputy|managing|editorial|opinion|courts?|education|environment|climate|tech(?:nology)?|news)\s){0,3}(?:writers?|reporters?|correspondents?|editors?|columnists?|contributors?|photographers?|staff|bureau chief|intern|journalists?)$/i;
const ROLE_FOR = /^(?:for|special to|of) [^,]{1,60}$/i;

export function isPersonName(candidate: string): boolean {
  const words = candidate.trim().split(/\s+/);
  if (words.length > 5 || !words[0]) return false;
  if (words.length === 1) return AGENCIES.has(words[0]);
  if (NOT_A_FIRST_NAME.has(words[0].toLowerCase())) return canonicalOutlet(candidate) !== candidate;
  return words.every((w, i) => {
    if (i > 0 && i < words.length - 1 && PARTICLES.has(w)) return true;
    return NAME_WORD.test(w) && !MONTH_OR_DAY.has(w.toLowerCase().replace(/\.$/, ""));
  });
}

function isRole(segment: string): boolean {
  const s = segment.trim();
  if (ROLE.test(s) || ROLE_FOR.test(s)) return true;
  // "The Associated Press", "Yonhap": an agency named after the writer
  const outlet = canonicalOutlet(s);
  return outlet !== null && outlet !== s.replace(/[.,;:]+$/, "");
}

/** The names in "Grace Whitfield and Tom Ode" or "A, B and C", or null if any is not a name. */
function readNames(text: string): string[] | null {
  const names = text
    .split(/,|\s(?:and|&)\s/)
    .map((n) => n.trim())
    .filter(Boolean);
  if (!names.length) return null;
  return names.every(isPersonName) ? names.map(titleCaseIfShouted) : null;
}

function joinNames(names: string[]): string {
  if (names.length <= 2) return names.join(" and ");
  return `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

const EMAIL_IN_BRACKETS = /\s?[[(<][^[\]()<>@]{0,100}@[^[\]()<>]{0,100}[\])>]/g;
const TRAILING_EMAIL = /[\s,;:|–—-]{1,4}[\w.+-]{1,64}@[\w.-]{1,128}$/;
const SEGMENT_SPLIT = /\s[|·•]\s|\s[—–]\s/;

/** "By …" lines: names, then optional roles, dates and agencies after commas or bars. */
function readByPrefixed(rest: string): Byline | null {
  const segments = rest.split(SEGMENT_SPLIT);
  const [first, ...others] = segments;
  if (!first) return null;
  const parts = first.split(",").map((p) => p.trim());
  // names may themselves be comma-separated: take parts while they are names
  let nameEnd = 0;
  while (nameEnd < parts.length && !isRole(parts[nameEnd]!) && readNames(parts[nameEnd]!)) nameEnd++;
  if (nameEnd === 0) return null;
  const names = readNames(parts.slice(0, nameEnd).join(", "));
  if (!names) return null;
  let date: DateParts | null = null;
  for (const part of [...parts.slice(nameEnd), ...others]) {
    const label = part.replace(/^(?:published|updated|posted)\s?:?\s?/i, "");
    const parsed = parseDateText(label);
    if (parsed) {
      date ??= parsed;
      continue;
    }
    if (!isRole(part)) return null;
  }
  return { name: joinNames(names), date };
}

const READING_TIME = /^\d{1,3}\s?min(?:ute)?s?(?:\s?read)?$/i;

/**
 * "Nadia Okonkwo · Oct 2, 2025", "Jane Doe | Staff Writer | 5 min read": a name (two
 * words or more, each capitalised), then only dates, roles or a reading time after
 * bars or middle dots. Without a date or a role after it, a bare name is not enough.
 */
function readSeparated(text: string): Byline | null {
  const segments = text.split(SEGMENT_SPLIT).map((s) => s.trim());
  if (segments.length < 2 || segments.length > 4) return null;
  const [name, ...rest] = segments;
  if (!name || !name.includes(" ") || !isPersonName(name)) return null;
  let date: DateParts | null = null;
  let role = false;
  for (const segment of rest) {
    const parsed = parseDateText(segment);
    if (parsed) date ??= parsed;
    else if (isRole(segment)) role = true;
    else if (!READING_TIME.test(segment)) return null;
  }
  return date || role ? { name: titleCaseIfShouted(name), date } : null;
}

/**
 * A byline line, with the name(s) and any date on it; null for anything else.
 * A line with an e-mail in it must still be a name once the e-mail is taken out.
 */
export function readByline(input: string): Byline | null {
  if (input.length > MAX_BYLINE) return null;
  const withoutEmail = input.replace(EMAIL_IN_BRACKETS, "").replace(TRAILING_EMAIL, "").trim();
  const hadEmail = withoutEmail.length !== input.trim().length;

  // "김지훈 기자": a Korean reporter's name before the word for reporter
  const korean = /^([가-힣]{2,4})\s?기자$/.exec(withoutEmail);
  if (korean) return { name: korean[1]!, date: null };

  const by = /^by\s?:?\s(.+)$/i.exec(withoutEmail);
  if (by) return readByPrefixed(by[1]!.trim());

  const separated = readSeparated(withoutEmail);
  if (separated) return separated;

  // "Kwak Hee-yang 2024. 11. 4. 18:35": a name, then nothing but a date
  const firstDigit = withoutEmail.search(/\d/);
  if (firstDigit > 0) {
    const name = withoutEmail.slice(0, firstDigit).replace(/[\s,|·•–—-]+$/, "");
    const date = parseDateText(withoutEmail.slice(firstDigit));
    if (date && isPersonName(name) && name.includes(" ")) return { name: titleCaseIfShouted(name), date };
    return null;
  }

  // "Grace Whitfield, Staff Writer"
  const comma = withoutEmail.indexOf(",");
  if (comma > 0) {
    const names = readNames(withoutEmail.slice(0, comma));
    const role = withoutEmail.slice(comma + 1).trim();
    if (names && role && isRole(role)) return { name: joinNames(names), date: null };
    return null;
  }

  // "Michael Lee lee@…": only with the e-mail, a bare name on its own line could be anything
  if (hadEmail && isPersonName(withoutEmail) && withoutEmail.includes(" ")) {
    return { name: titleCaseIfShouted(withoutEmail), date: null };
  }
  return null;
}
