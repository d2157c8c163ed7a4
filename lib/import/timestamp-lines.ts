/**
 * Timestamp lines ("2024-01-21 15:00:00", "Published: April 28, 2026 at 7:45 a.m.",
 * "Published … | Updated …", "입력 2024.11.04 18:35 수정 …"). The line must be
 * nothing but labels and dates: "Updated figures show a 40% rise" is a story line.
 */
import { parseDateText, type DateParts } from "./published-date";

export type TimestampLine = { published: DateParts | null; updated: DateParts | null };

const PUBLISHED_LABEL = /^(?:published|first published|posted|date|입력|기사입력|등록|송고|발행|승인)\s?(?:on|at)?\s?:?\s{0,3}/i;
const UPDATED_LABEL = /^(?:updated|last updated|modified|last modified|수정|최종수정|업데이트)\s?(?:on|at)?\s?:?\s{0,3}/i;
const RELATIVE = /^\d{1,3}\s(?:minutes?|mins?|hours?|hrs?|days?|weeks?)\sago$/i;
const PART_SPLIT = /\s[|·•/]\s|\s(?=(?:updated|last updated|modified)\b|수정|최종수정|업데이트)/i;

export function readTimestampLine(line: string): TimestampLine | null {
  if (line.length > 200) return null;
  const found: TimestampLine = { published: null, updated: null };
  for (const raw of line.split(PART_SPLIT)) {
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
