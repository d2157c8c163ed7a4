import "server-only";
import { previewReport } from "@/db/queries/report-preview";
import { reportFiltersQuery } from "@/lib/reports/filters";
import { fail, ok, type Result } from "@/lib/result";
import { zodFields } from "@/lib/validation/fields";
import { queryObject } from "@/lib/validation/claim-filters";
import type { ReportPreview } from "@/app/_components/report-workbench";

/**
 * The count and first rows for the report page's filters, as its first render
 * and its live updates both show them. Empty values mean "any".
 */
export async function reportPreviewFor(raw: Record<string, string>): Promise<Result<ReportPreview>> {
  const parsed = reportFiltersQuery.safeParse(queryObject(raw));
  if (!parsed.success) return fail("invalid", "Some values are not valid.", zodFields(parsed.error));
  return ok(await previewReport(parsed.data, 10));
}
