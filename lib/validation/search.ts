import { z } from "zod";
import { LIMITS, id } from "./common";

const query = z
  .string()
  .transform((s) => s.normalize("NFC").trim())
  .pipe(z.string().max(LIMITS.name, `Search for at most ${LIMITS.name} characters.`));

export const speakerSearchInput = z.strictObject({ query });

export const claimSearchInput = z.strictObject({
  text: query,
  excludeSourceId: id.optional(),
  limit: z.number().int().min(1).max(50).default(10),
});

/** Exact words from another source, to cite as a passage. */
export const passageSearchInput = z.strictObject({
  text: z
    .string()
    .transform((s) => s.normalize("NFC").trim())
    .pipe(z.string().min(8, "Quote at least 8 characters of the passage.").max(LIMITS.quote, `A passage is at most ${LIMITS.quote} characters.`)),
  excludeSourceId: id.optional(),
});
