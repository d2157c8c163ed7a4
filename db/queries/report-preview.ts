import "server-only";
import type { ReportFilters } from "@/lib/reports/filters";
import { countReportClaims, iterateReportClaims, type ReportClaim } from "./report-rows";

/**
 * How many claims a report would hold and its first few, in report order,
 * for the report page: the same query as the report, stopped at `limit` claims.
 */
export async function previewReport(filters: ReportFilters, limit = 10) {
  const chunks: ReportClaim[][] = [];
  for await (const chunk of iterateReportClaims(filters, { limit })) chunks.push(chunk);
  const claims = chunks.flat().map((c) => ({
    id: c.id,
    quote: c.quote,
    status: c.status,
    type: c.type,
    speaker: c.speaker.name,
    source: c.source.title,
    verdict: c.latestVerdict ? { at: c.latestVerdict.createdAt, reviewer: c.latestVerdict.reviewer.name } : null,
  }));
  return { count: await countReportClaims(filters), claims };
}
