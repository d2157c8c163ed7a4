"use server";

import { z } from "zod";
import type { ActionResult } from "@/app/_components/action-result";
import type { ReportPreview } from "@/app/_components/report-workbench";
import { reportPreviewFor } from "../reports/preview";
import { readAction } from "./run";

// a form's values: names to text, nothing else, and not many of them
const formValues = z.record(z.string().max(40), z.string().max(100)).refine((v) => Object.keys(v).length <= 20, "Too many values.");

/** The live count and preview of the report page; any signed-in user may read them. */
export async function previewReportAction(input: unknown): Promise<ActionResult<ReportPreview>> {
  return readAction(formValues, input, (values) => reportPreviewFor(values));
}
