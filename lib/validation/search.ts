import { z } from "zod";
import { LIMITS, id, queryId, text } from "./common";

const query = text("Search")
  .transform((s) => s.normalize("NFC").trim())
  .pipe(z.string().max(LIMITS.name, `Search for at most ${LIMITS.name} characters.`));

export const speakerSearchInput = z.strictObject({ query });

export const claimSearchInput = z.strictObject({
  text: query,
  excludeSourceId: id.optional(),
  limit: z.number().int().min(1).max(50).default(10),
});

/** GET /api/v1/claims/search?q=&excludeSourceId=&limit=: the same search from a query string. */
export const claimSearchQuery = z.object({
  q: query.pipe(z.string().min(1, "Give the words to search for.")),
  excludeSourceId: queryId,
  limit: z
    .string()
    .regex(/^\d{1,2}$/, "Use a whole number from 1 to 50.")
    .transform(Number)
    .refine((v) => v >= 1 && v <= 50, "Use a whole number from 1 to 50.")
    .optional(),
});

/** Exact words from another source, to cite as a passage. */
export const passageSearchInput = z.strictObject({
  text: text("Passage")
    .transform((s) => s.normalize("NFC").trim())
    .pipe(z.string().min(8, "Quote at least 8 characters of the passage.").max(LIMITS.quote, `A passage is at most ${LIMITS.quote} characters.`)),
  excludeSourceId: id.optional(),
});
