/**
 * A publication time as the import form edits it: a date, a time and the
 * publisher's UTC offset, or only the date when that is all the article says.
 */
export type PublishedParts = { date: string; time: string; zone: string; dateOnly: boolean };

const ISO = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

export function splitPublished(iso: string | null, precision: "date" | "minute" | null): PublishedParts {
  const m = iso ? ISO.exec(iso) : null;
  if (!m) return { date: "", time: "", zone: "", dateOnly: false };
  return { date: m[1]!, time: precision === "date" ? "" : m[2]!, zone: m[3] === "Z" ? "+00:00" : m[3]!, dateOnly: precision === "date" };
}

/** The ISO timestamp and precision to save, or "" when no date is given (the server then says it is missing). */
export function joinPublished(parts: PublishedParts): { publishedAt: string; publishedPrecision: "date" | "minute" } {
  if (!parts.date) return { publishedAt: "", publishedPrecision: "minute" };
  const zone = /^[+-]\d{2}:\d{2}$/.test(parts.zone) ? parts.zone : "+00:00";
  const time = parts.dateOnly || !parts.time ? "00:00" : parts.time;
  return { publishedAt: `${parts.date}T${time}:00${zone}`, publishedPrecision: parts.dateOnly || !parts.time ? "date" : "minute" };
}

/** Offsets a desk meets most, with names people know them by. */
export const COMMON_ZONES = [
  ["+09:00", "KST / JST"],
  ["+08:00", "China, Philippines, Singapore"],
  ["+00:00", "UTC / GMT"],
  ["+01:00", "CET, BST"],
  ["+02:00", "CEST, EET"],
  ["+03:00", "Moscow"],
  ["-04:00", "EDT"],
  ["-05:00", "EST, CDT"],
  ["-07:00", "PDT"],
  ["-08:00", "PST"],
] as const;
