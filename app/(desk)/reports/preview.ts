import "server-only";
import { previewReport } from "@/db/queries/report-preview";
import { reportFiltersQuery } from "@/lib/reports/filters";
import { zodFields } from "@/lib/validation/fields";
import { queryObject } from "@/lib/validation/claim-filters";
import type { ActionResult } from "@/app/_components/action-result";
import type { ReportPreview } from "@/app/_components/report-workbench";
import { invalidInput } from "../_actions/run";

/**
 * The count and first rows for the report page's filters, as its first render
 * and its live updates both show them. Empty values mean "any".
 */
export function reportPreviewFor(raw: Record<string, string>): ActionResult<ReportPreview> {
  const parsed = reportFiltersQuery.safeParse(queryObject(raw));
  if (!parsed.success) return invalidInput(zodFields(parsed.error));
  return { ok: true, value: previewReport(parsed.data, 10) };
}
