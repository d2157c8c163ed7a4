import { z } from "zod";
import { SEARCH_KINDS, type SearchKind } from "@/db/queries/search-kinds";

/** GET /api/v1/search and /search: the words, which kinds (comma-separated, default all), how many of each. */
export const deskSearchQuery = z.object({
  q: z.string().max(2000).default(""),
  kind: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (!v) return [...SEARCH_KINDS];
      const kinds = v.split(",").map((k) => k.trim());
      const unknown = kinds.filter((k) => !(SEARCH_KINDS as readonly string[]).includes(k));
      if (unknown.length) {
        ctx.addIssue({ code: "custom", message: `Kind is one or more of ${SEARCH_KINDS.join(", ")}.` });
        return z.NEVER;
      }
      return kinds as SearchKind[];
    }),
  limit: z
    .string()
    .regex(/^\d{1,3}$/, "Use a whole number from 1 to 50.")
    .transform(Number)
    .refine((n) => n >= 1 && n <= 50, "Use a whole number from 1 to 50.")
    .optional(),
});

/** GET /api/v1/claims/{id}/related: how many related claims at most. */
export const relatedQuery = z.object({
  limit: z
    .string()
    .regex(/^\d{1,2}$/, "Use a whole number from 1 to 20.")
    .transform(Number)
    .refine((n) => n >= 1 && n <= 20, "Use a whole number from 1 to 20.")
    .optional(),
});
