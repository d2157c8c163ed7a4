import { z } from "zod";

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

const trimmed = (max: number, label: string) =>
  z
    .string()
    .transform((s) => s.normalize("NFC").trim())
    .pipe(z.string().min(1, `${label} is required.`).max(max, `${label} is at most ${max} characters.`));

export const requiredText = trimmed;

export const optionalText = (max: number, label: string) =>
  z
    .string()
    .transform((s) => s.normalize("NFC").trim())
    .pipe(z.string().max(max, `${label} is at most ${max} characters.`))
    .nullish()
    .transform((s) => (s ? s : null));

/** http(s) only: javascript:, data: and friends are refused whatever their case. */
export const httpUrl = z
  .string()
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
