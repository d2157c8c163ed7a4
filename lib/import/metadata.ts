/**
 * Small readers that turn what each source offers (page metadata, front
 * matter, text findings) into the desk's metadata fields.
 */
import { readByline } from "./bylines";
import { titleCaseIfShouted } from "./line-shape";
import { canonicalOutlet } from "./outlets";
import { parseDateText, readZone, toIsoString, type DateParts } from "./published-date";
import type { PublishedPrecision } from "./types";

// "SEOUL, Dec. 3 (Yonhap) -- …", "WASHINGTON (Reuters) - …": the agency that filed the story.
const WIRE_DATELINE = /^\p{Lu}[\p{Lu} .'’-]{1,40}(?:,[^()\n]{1,30})?\s\((yonhap|reuters|ap|afp|upi|xinhua|kyodo|bloomberg)\)\s?[-–—]{1,2}\s/iu;

export function wireAgency(firstParagraph: string | undefined): string | null {
  const agency = firstParagraph ? WIRE_DATELINE.exec(firstParagraph.slice(0, 120))?.[1] : undefined;
  return agency ? canonicalOutlet(agency) : null;
}

// A wire's handling tag before its headline: "(LEAD)", "(2nd LD)", "(URGENT)", "(News Focus)",
// "(UPDATE 2)", "(Yonhap Interview)", "(EDITORIAL from Korea Times)". Decision: the tag is the
// wire's version note, not the headline, so the title goes without it (the whole line stays in
// the removed headline line). The brackets must open the title, each word inside be capitalised,
// an ordinal or a number (a small joining word aside), a lone word be in capitals, and the
// headline after it open with a capital: "(Un)happy returns", "(Almost) everyone agrees" and
// "(Almost) Everyone Agrees" keep their brackets.
const TAG_WORD = String.raw`(?:\d{1,2}(?:st|nd|rd|th)|\d{1,2}|\p{Lu}[\p{L}.'’-]{0,15}|from|of|on|with|and|by)`;
const WIRE_TAG = new RegExp(String.raw`^\((${TAG_WORD}(?:\s${TAG_WORD}){0,4})\)\s+(?=[\p{Lu}\d])`, "u");

export function withoutWireTag(title: string): string {
  const tag = WIRE_TAG.exec(title);
  if (!tag || !/^[\p{Lu}\d]/u.test(tag[1]!)) return title;
  const words = tag[1]!.split(" ");
  if (words.length === 1 && !/^[\p{Lu}\d]{2,}$/u.test(words[0]!)) return title;
  const rest = title.slice(tag[0].length).trim();
  return rest.length >= 10 ? rest : title;
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

/** A zone for local times without one: a fixed offset, or one that depends on the day (US summer time). */
export type FallbackZone = string | ((parts: DateParts) => string | null);

export type PickOptions = {
  /**
   * The offset the page prints its own times in ("09.01 BST" → "+01:00"). A time given in UTC
   * (an ISO "Z" from page metadata) is the same instant written in the page's zone, so the desk
   * sees the outlet's local time; a time with another explicit offset keeps it.
   */
  pageOffset?: string | null;
};

function shiftTo(parts: DateParts, offset: string): DateParts {
  const sign = offset.startsWith("-") ? -1 : 1;
  const minutes = sign * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)));
  const t = new Date(Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute + minutes));
  return { ...parts, year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate(), hour: t.getUTCHours(), minute: t.getUTCMinutes(), offset };
}

/** The first candidate that reads as a date; local times without a zone take the fallback offset. */
export function pickPublished(
  candidates: Array<string | DateParts | null | undefined>,
  fallback: FallbackZone,
  options: PickOptions = {},
): Published | null {
  for (const candidate of candidates) {
    let parts = typeof candidate === "string" ? parseDateText(candidate) : (candidate ?? null);
    if (!parts) continue;
    const { pageOffset } = options;
    if (pageOffset && parts.offset === "+00:00" && pageOffset !== "+00:00" && parts.precision === "minute") parts = shiftTo(parts, pageOffset);
    const offset = typeof fallback === "string" ? fallback : (fallback(parts) ?? "+00:00");
    return { publishedAt: toIsoString(parts, offset), publishedPrecision: parts.precision };
  }
  return null;
}

// AP-style datelines: "WARREN, Mich. (WXYZ) —", "PHOENIX (AP) —". A US state (as AP abbreviates
// or spells it in datelines) or one of the cities AP datelines without a state gives the local
// zone of a time the text prints without one. Where a state spans two zones, its larger part's.
// "et", "ct", "mt", "pt", "akt" follow US summer time; Arizona and Hawaii do not.
const STATE_ZONES: Record<string, string> = {
  "ala.": "ct", "ariz.": "-07:00", "ark.": "ct", "calif.": "pt", "colo.": "mt", "conn.": "et", "del.": "et",
  "d.c.": "et", "fla.": "et", "ga.": "et", "ill.": "ct", "ind.": "et", "kan.": "ct", "ky.": "et", "la.": "ct",
  "md.": "et", "mass.": "et", "mich.": "et", "minn.": "ct", "miss.": "ct", "mo.": "ct", "mont.": "mt",
  "neb.": "ct", "nev.": "pt", "n.h.": "et", "n.j.": "et", "n.m.": "mt", "n.y.": "et", "n.c.": "et", "n.d.": "ct",
  "okla.": "ct", "ore.": "pt", "pa.": "et", "r.i.": "et", "s.c.": "et", "s.d.": "ct", "tenn.": "ct", "vt.": "et",
  "va.": "et", "wash.": "pt", "w.va.": "et", "wis.": "ct", "wyo.": "mt", alaska: "akt", hawaii: "-10:00",
  idaho: "mt", iowa: "ct", maine: "et", ohio: "et", texas: "ct", utah: "mt",
};
const STANDALONE_CITIES: Record<string, string> = {
  atlanta: "et", baltimore: "et", boston: "et", chicago: "ct", cincinnati: "et", cleveland: "et", dallas: "ct",
  denver: "mt", detroit: "et", honolulu: "-10:00", houston: "ct", indianapolis: "et", "las vegas": "pt",
  "los angeles": "pt", miami: "et", milwaukee: "ct", minneapolis: "ct", "new orleans": "ct", "new york": "et",
  "oklahoma city": "ct", philadelphia: "et", phoenix: "-07:00", pittsburgh: "et", "st. louis": "ct",
  "salt lake city": "mt", "san antonio": "ct", "san diego": "pt", "san francisco": "pt", seattle: "pt",
  washington: "et",
};
const US_DATELINE = /^(\p{Lu}[\p{Lu} .'’-]{1,30}?)(?:,\s([A-Z][A-Za-z.]{1,6}))?\s?(?:\([^()]{1,30}\)\s?)?[—–-]{1,2}\s/u;

/** The zone of an American dateline's place, as a function of the day; null for any other first paragraph. */
export function datelineZone(firstParagraph: string | undefined): ((parts: DateParts) => string | null) | null {
  const m = firstParagraph ? US_DATELINE.exec(firstParagraph.slice(0, 80)) : null;
  if (!m) return null;
  const zone = m[2] ? STATE_ZONES[m[2].toLowerCase()] : STANDALONE_CITIES[m[1]!.trim().toLowerCase()];
  if (!zone) return null;
  if (zone.startsWith("-")) return () => zone;
  if (zone === "akt") return (p) => (readZone("pt", p.year, p.month, p.day) === "-07:00" ? "-08:00" : "-09:00");
  return (p) => readZone(zone, p.year, p.month, p.day) ?? null;
}
