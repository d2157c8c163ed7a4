import { z } from "zod";
import { CLAIM_STATUSES, CLAIM_TYPES } from "@/db/enums";
import { queryId } from "./common";

/** The claim list's query string, shared by /claims and GET /api/v1/claims. */

/** ?limit= of a list: a whole number from 1; values above 200 are capped, not refused. */
export const cappedLimit = z
  .string()
  .regex(/^\d{1,6}$/, "Use a whole number from 1 to 200.")
  .transform((v) => Math.min(Number(v), 200))
  .refine((v) => v >= 1, "Use a whole number from 1 to 200.")
  .optional();

export const claimFiltersQuery = z.object({
  status: z.enum(CLAIM_STATUSES, { message: `Status is one of ${CLAIM_STATUSES.join(", ")}.` }).optional(),
  type: z.enum(CLAIM_TYPES, { message: `Type is one of ${CLAIM_TYPES.join(", ")}.` }).optional(),
  sourceId: queryId,
  speakerId: queryId,
  limit: cappedLimit,
  cursor: z
    .string()
    .max(64)
    .transform((v, ctx) => {
      const id = decodeCursor(v);
      if (id === null) {
        ctx.addIssue({ code: "custom", message: "This cursor was not issued by this API." });
        return z.NEVER;
      }
      return id;
    })
    .optional(),
});

export function encodeCursor(id: number): string {
  return Buffer.from(`claim:${id}`).toString("base64url");
}

export function decodeCursor(cursor: string): number | null {
  const m = /^claim:([1-9]\d{0,15})$/.exec(Buffer.from(cursor, "base64url").toString("utf8"));
  return m ? Number(m[1]) : null;
}

/** Empty form fields ("") mean "any", as a GET form sends them. */
export function queryObject(params: URLSearchParams | Record<string, string | string[] | undefined>) {
  const entries = params instanceof URLSearchParams ? [...params.entries()] : Object.entries(params);
  const out: Record<string, string> = {};
  for (const [k, v] of entries) {
    const value = Array.isArray(v) ? v[0] : v;
    if (value !== undefined && value !== "") out[k] = value;
  }
  return out;
}
