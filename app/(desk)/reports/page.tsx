import type { Metadata } from "next";
import { listReviewerOptions } from "@/db/queries/report-options";
import { listSourceOptions } from "@/db/queries/sources";
import { listSpeakerOptions } from "@/db/queries/speakers";
import { CLAIM_STATUSES, CLAIM_TYPES } from "@/db/schema";
import { requirePageUser } from "@/lib/auth/session";
import { queryObject } from "@/lib/validation/claim-filters";
import { ReportWorkbench } from "@/app/_components/report-workbench";
import { STATUS_LABEL } from "@/app/_components/status";
import { actionResultOf } from "../_actions/run";
import { reportPreviewFor } from "./preview";

export const metadata: Metadata = { title: "Reports" };

type Search = Promise<Record<string, string | string[] | undefined>>;

/** The verdict report: filters, a live count and preview, and an export per format. Viewers may use it. */
export default async function ReportsPage({ searchParams }: { searchParams: Search }) {
  const raw = queryObject(await searchParams);
  const query = new URLSearchParams(raw).toString();
  await requirePageUser(query ? `/reports?${query}` : "/reports");
  const options = {
    statuses: CLAIM_STATUSES.map((s) => ({ value: s, label: STATUS_LABEL[s] })),
    sources: (await listSourceOptions()).map((s) => ({ value: s.id, label: `${s.title} (${s.outlet})` })),
    speakers: (await listSpeakerOptions()).map((s) => ({ value: s.id, label: s.name })),
    types: CLAIM_TYPES.map((t) => ({ value: t, label: t })),
    reviewers: (await listReviewerOptions()).map((u) => ({ value: u.id, label: u.name })),
  };

  return (
    <>
      <h1>Reports</h1>
      <p className="muted">
        Choose the claims to report on, then export them: a spreadsheet, data for scripts, ClaimReview markup for
        search engines, Markdown, or a page to print.
      </p>
      <ReportWorkbench key={query} options={options} values={raw} initial={actionResultOf(await reportPreviewFor(raw))} />
    </>
  );
}
