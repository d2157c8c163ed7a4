import { z } from "zod";

// In the browser zod never compiles a parser with `new Function`: the page's
// Content-Security-Policy forbids eval, and even zod's probe for it would be
// reported as a violation. The server keeps the compiled (faster) parsers.
if (typeof window !== "undefined") z.config({ jitless: true });

export const LIMITS = {
  name: 200,
  email: 254,
  title: 500,
  quote: 2000,
  proposition: 2000,
  rationale: 10000,
  note: 2000,
  url: 2000,
  body: 500_000,
  password: { min: 12, max: 200 },
} as const;

export const id = z.coerce.number().int().positive();

/**
 * Every text field, prose, quote or name: a NUL is refused (C libraries,
 * terminals and log lines cut text there), and so is a lone surrogate (half a
 * character: it cannot be written as UTF-8, so what would be stored is not
 * what was sent). Refused rather than cleaned, so that a quote is never
 * silently changed.
 */
export const text = (label: string) =>
  z
    .string()
    .refine((s) => !s.includes("\0"), `${label} contains a NUL character.`)
    .refine((s) => s.isWellFormed(), `${label} contains a broken character (a lone surrogate).`);

/**
 * Bidi controls (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C) and
 * zero-width characters (U+200B–U+200D, U+2060–U+2064, U+FEFF). In a name
 * they are invisible, yet they make two equal-looking names differ (a speaker
 * no longer matches its alias) or reorder how a name reads next to the text
 * around it. Names arrive pasted from web pages, where these hide, and no one
 * can see them to delete them, so they are stripped instead of refused. The
 * cost: a ZWNJ that Persian spelling needs, or the ZWJ inside an emoji
 * sequence, goes too; in the desk's Latin and Hangul names neither means anything.
 */
const INVISIBLE_IN_NAMES = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\u061C\uFEFF]/g;

const stripInvisible = (s: string) => s.replace(INVISIBLE_IN_NAMES, "");

/** Prose: NFC, trimmed, otherwise as typed. */
const prose = (label: string) => text(label).transform((s) => s.normalize("NFC").trim());

/**
 * A name: invisible characters are stripped before NFC, so that what they
 * separated composes; one that was nothing but invisible characters is empty.
 */
const nameText = (label: string) => text(label).transform((s) => stripInvisible(s).normalize("NFC").trim());

/** An optional field: empty or missing is null. */
const optional = (cleaned: z.ZodType<string, string>, max: number, label: string) =>
  cleaned
    .pipe(z.string().max(max, `${label} is at most ${max} characters.`))
    .nullish()
    .transform((s) => (s ? s : null));

export const optionalText = (max: number, label: string) => optional(prose(label), max, label);

/**
 * A name (speaker names and aliases, user and token names, source titles,
 * outlets and bylines): what the desk shows as a label and matches on. One
 * left empty once its invisible characters are gone is refused.
 */
export const requiredName = (max: number, label: string) =>
  nameText(label).pipe(z.string().min(1, `${label} is required.`).max(max, `${label} is at most ${max} characters.`));

export const optionalName = (max: number, label: string) => optional(nameText(label), max, label);

/** A positive id in a query string ("" is dropped before parsing: see queryObject). */
export const queryId = z
  .string()
  .regex(/^[1-9]\d{0,15}$/, "Use a positive whole number.")
  .transform(Number)
  .optional();

/** http(s) only: javascript:, data: and friends are refused whatever their case. */
export const httpUrl = text("A URL")
  .trim()
  .max(LIMITS.url, `A URL is at most ${LIMITS.url} characters.`)
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === "http:" || url.protocol === "https:") && Boolean(url.hostname);
    } catch {
      return false;
    }
  }, "Enter a full http:// or https:// address.")
  .transform((value) => new URL(value).toString());

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use the form YYYY-MM-DD.")
  .refine((value) => {
    const d = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
  }, "That date does not exist.");

/** ISO 8601 date-time with an explicit offset (Z or ±hh:mm). */
export const isoDateTimeWithOffset = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/,
    "Use an ISO 8601 date and time with its offset, e.g. 2024-11-04T18:35:00+09:00.",
  )
  .refine((value) => !Number.isNaN(new Date(value).getTime()), "That date and time does not exist.");
