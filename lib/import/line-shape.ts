/**
 * Measures of a line's shape that several rules share. All are single passes
 * over the line (global matches of one character class), so they stay linear.
 */

const LETTER = /\p{L}/u;

const isHangulCode = (c: number) => (c >= 0xac00 && c <= 0xd7af) || (c >= 0x1100 && c <= 0x11ff) || (c >= 0x3130 && c <= 0x318f);

// Plain loops with fast paths for ASCII and Hangul: a pattern with /g over a
// 100 KB line would allocate one match per character.
export function countHangul(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (isHangulCode(text.charCodeAt(i))) n++;
  return n;
}

export function countLetters(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      const lower = c | 32;
      if (lower >= 97 && lower <= 122) n++;
    } else if (isHangulCode(c)) n++;
    else if (c >= 0xd800 && c <= 0xdbff) {
      if (LETTER.test(text.slice(i, i + 2))) n++;
      i++;
    } else if (LETTER.test(text[i]!)) n++;
  }
  return n;
}

/** Share of a text's letters that are Hangul (0 when it has no letters). */
export function hangulShare(text: string): number {
  const letters = countLetters(text);
  return letters ? countHangul(text) / letters : 0;
}

/** A line whose letters are mostly Hangul (a third is enough: such lines mix in digits and Latin brand names). */
export function mostlyHangulLine(line: string): boolean {
  return hangulShare(line) > 0.3;
}

export function hasHangul(text: string): boolean {
  return /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]/u.test(text);
}

export function wordCount(text: string): number {
  let count = 0;
  let inWord = false;
  for (const ch of text) {
    const space = ch === " " || ch === "\t" || ch === "\n";
    if (!space && !inWord) count++;
    inWord = !space;
  }
  return count;
}

const SENTENCE_END = /[.!?"”’)\]]$/u;

/**
 * A paragraph a reporter wrote: long enough and closed like a sentence. Used
 * where a rule would otherwise drop a run of lines (after a copyright line,
 * under a "Related" heading), so that a real paragraph stops the run.
 */
export function isStoryLike(line: string): boolean {
  return wordCount(line) >= 20 && SENTENCE_END.test(line);
}

const BULLET = /^[-•*·▶►▷]\s/u;

export function isBullet(line: string): boolean {
  return BULLET.test(line);
}

/** Whitespace the way a reader sees it: no-break and odd spaces become one space, invisible characters go. */
const ODD_SPACE = /[\u200b-\u200d\u2060\ufeff\u00ad\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]| {2}/;

export function normaliseSpaces(line: string): string {
  if (!ODD_SPACE.test(line)) return line.trim();
  return line
    .replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, "")
    .replace(/[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000 ]+/g, " ")
    .trim();
}

/** "MICHAEL LEE" → "Michael Lee"; names already in mixed case are left as written. */
export function titleCaseIfShouted(name: string): string {
  if (/\p{Ll}/u.test(name)) return name;
  return name
    .toLowerCase()
    .replace(/(^|[\s\-'’])(\p{L})/gu, (_m, sep: string, ch: string) => sep + ch.toUpperCase());
}
