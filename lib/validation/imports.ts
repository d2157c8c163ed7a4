import { z } from "zod";
import { CLAIM_TYPES, IMPORT_FORMATS, PUBLISHED_PRECISIONS } from "@/db/enums";
import { binaryTextProblem } from "@/lib/import/decode";
import { LIMITS, httpUrl, id, isoDate, isoDateTimeWithOffset, optionalName, optionalText } from "./common";

/** The largest article accepted, pasted, uploaded or fetched. */
export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;
export const IMPORT_MAX_MB = IMPORT_MAX_BYTES / 1024 / 1024;

/** A language tag such as en, ko or pt-BR. */
export const languageTag = z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, "Use a language tag such as en or ko.");

/**
 * What a reviewer sets or corrects before saving. A field left out takes
 * what the article itself says; an empty one clears it.
 */
export const importMetadata = z.strictObject({
  title: optionalName(LIMITS.title, "Title").optional(),
  outlet: optionalName(LIMITS.name, "Outlet").optional(),
  byline: optionalName(LIMITS.name, "Byline").optional(),
  url: z.union([httpUrl, z.literal("").transform(() => null)]).nullish(),
  publishedAt: z.union([isoDateTimeWithOffset, z.literal("").transform(() => null)]).nullish(),
  publishedPrecision: z.enum(PUBLISHED_PRECISIONS).nullish(),
  language: z.union([languageTag, z.literal("").transform(() => null)]).nullish(),
  translationNote: optionalText(LIMITS.note, "Translation note").optional(),
  caption: optionalText(LIMITS.note, "Caption").optional(),
});
export type ImportMetadata = z.output<typeof importMetadata>;

/** The article as given: text that is not empty, not binary, not too large. */
const rawArticle = z
  .string()
  .refine((s) => s.trim().length > 0, "The article is empty: paste or upload some text.")
  .refine((s) => Buffer.byteLength(s, "utf8") <= IMPORT_MAX_BYTES, `An article is at most ${IMPORT_MAX_MB} MB.`)
  .superRefine((s, ctx) => {
    const problem = binaryTextProblem(s);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
    else if (!s.isWellFormed()) ctx.addIssue({ code: "custom", message: "The text contains a broken character (a lone surrogate)." });
  });

/**
 * One article to import: its text (`raw`, with its `format`) or a `url` the
 * server fetches. `allowDuplicate` saves it even when the desk has the same
 * or a near-identical article already (the reviewer has seen the warning).
 */
export const importSourceInput = z
  .strictObject({
    raw: rawArticle.optional(),
    format: z.enum(IMPORT_FORMATS, { message: `Format is one of ${IMPORT_FORMATS.join(", ")}.` }).default("text"),
    url: httpUrl.nullish(),
    fileName: z.string().max(255).nullish(),
    metadata: importMetadata.default({}),
    /** values for what the article does not say (a bulk import's outlet or date); what it says wins */
    defaults: importMetadata.default({}),
    allowDuplicate: z.boolean().default(false),
  })
  .refine((v) => v.raw !== undefined || Boolean(v.url), { message: "Give the article's text (raw) or its address (url).", path: ["raw"] });
export type ImportSourceInput = z.input<typeof importSourceInput>;

export const suggestionDecision = z.strictObject({ suggestionId: id });

/** Accepting a suggestion: its own values, unless the reviewer corrected them on the way. */
export const acceptSuggestionInput = z.strictObject({
  suggestionId: id,
  speakerId: id.optional(),
  speakerName: optionalName(LIMITS.name, "Speaker name").optional(),
  type: z.enum(CLAIM_TYPES).optional(),
  proposition: optionalText(LIMITS.proposition, "Proposition").optional(),
  resolvesOn: isoDate.nullish(),
});
