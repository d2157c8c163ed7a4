/**
 * Small readers that turn what each source offers (page metadata, front
 * matter, text findings) into the desk's metadata fields.
 */
import { readByline } from "./bylines";
import { titleCaseIfShouted } from "./line-shape";
import { canonicalOutlet } from "./outlets";
import { parseDateText, toIsoString, type DateParts } from "./published-date";
import type { PublishedPrecision } from "./types";

// "SEOUL, Dec. 3 (Yonhap) -- …", "WASHINGTON (Reuters) - …": the agency that filed the story.
const WIRE_DATELINE = /^\p{Lu}[\p{Lu} .'’-]{1,40}(?:,[^()\n]{1,30})?\s\((yonhap|reuters|ap|afp|upi|xinhua|kyodo|bloomberg)\)\s?[-–—]{1,2}\s/iu;

export function wireAgency(firstParagraph: string | undefined): string | null {
  const agency = firstParagraph ? WIRE_DATELINE.exec(firstParagraph.slice(0, 120))?.[1] : undefined;
  return agency ? canonicalOutlet(agency) : null;
}

/** "Council passes budget | The Gazette" → "Council passes budget" when the tail is the outlet. */
export function withoutSiteSuffix(title: string, outlet: string | null): string {
  if (!outlet) return title;
  for (const sep of [" | ", " - ", " – ", " — ", " :: "]) {
    const at = title.lastIndexOf(sep);
    if (at > 0 && canonicalOutlet(title.slice(at + sep.length)) === canonicalOutlet(outlet)) return title.slice(0, at).trim();
  }
  return title;
}

/** A byline from page metadata: "By GRACE WHITFIELD" → "Grace Whitfield"; a bare name is kept. */
export function bylineFromMeta(value: string | null | undefined): string | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^by\s/i.test(trimmed)) return readByline(trimmed)?.name ?? null;
  return trimmed.length <= 120 ? titleCaseIfShouted(trimmed) : null;
}

/** "budget-vote-2026.md" → null, "city council passes budget.txt" → "city council passes budget". */
export function titleFromFileName(fileName: string | null | undefined): string | null {
  if (!fileName) return null;
  const base = fileName.replace(/^.*[\\/]/, "").replace(/\.[A-Za-z0-9]{1,5}$/, "");
  const words = base.split(/[\s_-]+/).filter(Boolean);
  return words.length >= 3 && words.every((w) => /^\p{L}+$/u.test(w)) ? words.join(" ") : null;
}

export type Published = { publishedAt: string; publishedPrecision: PublishedPrecision };

/** The first candidate that reads as a date; local times without a zone take the fallback offset. */
export function pickPublished(candidates: Array<string | DateParts | null | undefined>, fallbackOffset: string): Published | null {
  for (const candidate of candidates) {
    const parts = typeof candidate === "string" ? parseDateText(candidate) : (candidate ?? null);
    if (parts) return { publishedAt: toIsoString(parts, fallbackOffset), publishedPrecision: parts.precision };
  }
  return null;
}
