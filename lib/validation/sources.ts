import { z } from "zod";
import { PUBLISHED_PRECISIONS } from "@/db/enums";
import { LIMITS, httpUrl, isoDateTimeWithOffset, optionalName, optionalText, requiredName, text } from "./common";

export const createSourceInput = z.strictObject({
  title: requiredName(LIMITS.title, "Title"),
  outlet: requiredName(LIMITS.name, "Outlet"),
  byline: optionalName(LIMITS.name, "Byline"),
  url: httpUrl.nullish().transform((u) => u ?? null),
  publishedAt: isoDateTimeWithOffset,
  publishedPrecision: z.enum(PUBLISHED_PRECISIONS).default("minute"),
  language: z
    .string()
    .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, "Use a language tag such as en or ko.")
    .default("en"),
  // bodies are stored in NFC so that offsets mean the same thing everywhere
  body: text("Body")
    .transform((s) => s.normalize("NFC").replace(/\r\n?/g, "\n").trim())
    .pipe(z.string().min(1, "Body is required.").max(LIMITS.body, `Body is at most ${LIMITS.body} characters.`)),
  translationNote: optionalText(LIMITS.note, "Translation note"),
  caption: optionalText(LIMITS.note, "Caption"),
});
export type CreateSourceInput = z.input<typeof createSourceInput>;

/** An admin's correction of a source: a revised body (and title), on top of the revision they saw. */
export const updateSourceInput = z.strictObject({
  sourceId: z.coerce.number().int().positive(),
  baseUpdatedAt: z.string().min(1, "Reload the source: the form is missing its revision."),
  title: createSourceInput.shape.title.optional(),
  body: createSourceInput.shape.body,
});
