import "server-only";
import type { ReportFilters } from "@/lib/reports/filters";
import { countReportClaims, iterateReportClaims } from "./report-rows";

/**
 * How many claims a report would hold and its first few, in report order,
 * for the report page. Only the first chunk is read; the generator is closed
 * right after.
 */
export function previewReport(filters: ReportFilters, limit = 10) {
  const chunks = iterateReportClaims(filters);
  const first = chunks.next();
  chunks.return(undefined);
  const claims = (first.done ? [] : first.value).slice(0, limit).map((c) => ({
    id: c.id,
    quote: c.quote,
    status: c.status,
    type: c.type,
    speaker: c.speaker.name,
    source: c.source.title,
    verdict: c.latestVerdict ? { at: c.latestVerdict.createdAt, reviewer: c.latestVerdict.reviewer.name } : null,
  }));
  return { count: countReportClaims(filters), claims };
}
