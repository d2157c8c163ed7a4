/**
 * Timestamp lines ("2024-01-21 15:00:00", "Published: April 28, 2026 at 7:45 a.m.",
 * "Published … | Updated …", "입력 2024.11.04 18:35 수정 …", "송고시간 2025-01-05 14:32").
 * The line must be nothing but labels and dates: "Updated figures show a 40% rise"
 * is a story line. A broadcaster's two-line stamp ("Posted 5:48 PM, Feb 18, 2025" /
 * "and last updated 7:12 PM, Feb 18, 2025") is two timestamp lines, the second
 * opening with "and".
 */
import { parseDateText, type DateParts } from "./published-date";

export type TimestampLine = { published: DateParts | null; updated: DateParts | null };

// Korean portals write "입력", "송고" (sent, at a wire) or "등록" for the first time and "수정" for the
// last, each perhaps followed by "시간"/"일시" (time): "송고시간 2025-01-05 14:32", "입력 2024.11.04 18:35".
const PUBLISHED_LABEL =
  /^(?:published|first published|posted|date|(?:기사\s?)?입력|등록|송고|발행|승인)(?:\s?(?:시간|일시|일))?\s?(?:on|at)?\s?:?\s{0,3}/i;
const UPDATED_LABEL =
  /^(?:updated|last updated|modified|last modified|수정|최종\s?수정|업데이트)(?:\s?(?:시간|일시|일))?\s?(?:on|at)?\s?:?\s{0,3}/i;
const RELATIVE = /^\d{1,3}\s(?:minutes?|mins?|hours?|hrs?|days?|weeks?)\sago$/i;
// splits before "Updated"/"Last updated" (the earliest space wins, so "last" stays with its label)
const PART_SPLIT = /\s[|·•/]\s|(?<!\blast)\s(?:and\s)?(?=(?:last\s)?(?:updated|modified)\b|수정|최종\s?수정|업데이트)/i;
// the second line of a two-line stamp opens with "and": read it as the label it continues
const CONTINUATION = /^and\s(?=(?:last\s)?(?:updated|modified)\b)/i;

export function readTimestampLine(line: string): TimestampLine | null {
  if (line.length > 200) return null;
  const found: TimestampLine = { published: null, updated: null };
  for (const raw of line.replace(CONTINUATION, "").split(PART_SPLIT)) {
    const part = raw.trim();
    if (!part) continue;
    const updated = UPDATED_LABEL.exec(part);
    const published = updated ? null : PUBLISHED_LABEL.exec(part);
    const label = updated ?? published;
    const rest = label ? part.slice(label[0].length) : part;
    const date = parseDateText(rest);
    if (!date) {
      if (label && RELATIVE.test(rest.trim())) continue;
      return null;
    }
    if (updated) found.updated ??= date;
    else found.published ??= date;
  }
  return found;
}
