import { z } from "zod";
import { CLAIM_STATUSES, CLAIM_TYPES } from "@/db/schema";
import { isoDate } from "@/lib/validation/common";

export const REPORT_FORMATS = ["csv", "json", "jsonld", "md", "html"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

const optionalId = z
  .string()
  .regex(/^[1-9]\d{0,15}$/, "Use a positive whole number.")
  .transform(Number)
  .optional();

/**
 * The report's filters as a query string carries them, for the page, the API
 * and the command line alike. `from`/`to` bound the date (UTC) of the
 * claim's latest verdict, both days included; `reviewerId` is who gave it.
 */
export const reportFiltersQuery = z
  .strictObject({
    status: z.enum(CLAIM_STATUSES, { message: `Status is one of ${CLAIM_STATUSES.join(", ")}.` }).optional(),
    type: z.enum(CLAIM_TYPES, { message: `Type is one of ${CLAIM_TYPES.join(", ")}.` }).optional(),
    sourceId: optionalId,
    speakerId: optionalId,
    reviewerId: optionalId,
    from: isoDate.optional(),
    to: isoDate.optional(),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { message: "The range ends before it starts.", path: ["to"] });

export type ReportFilters = z.output<typeof reportFiltersQuery>;

export const reportQuery = z.object({
  format: z.enum(REPORT_FORMATS, { message: `Format is one of ${REPORT_FORMATS.join(", ")}.` }),
});

/** A file name that says the date and the filters: claimdesk-report-2026-11-23-contradicted-speaker-4.csv */
export function reportFileName(format: ReportFormat, filters: ReportFilters, now = new Date()): string {
  const parts = ["claimdesk-report", now.toISOString().slice(0, 10)];
  if (filters.status) parts.push(filters.status);
  if (filters.type) parts.push(filters.type);
  if (filters.sourceId) parts.push(`source-${filters.sourceId}`);
  if (filters.speakerId) parts.push(`speaker-${filters.speakerId}`);
  if (filters.reviewerId) parts.push(`reviewer-${filters.reviewerId}`);
  if (filters.from) parts.push(`from-${filters.from}`);
  if (filters.to) parts.push(`to-${filters.to}`);
  const extension = format === "jsonld" ? "jsonld" : format;
  return `${parts.join("-")}.${extension}`;
}
