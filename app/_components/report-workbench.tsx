"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import type { ClaimStatus } from "@/db/schema";
import type { ReportFormat } from "@/lib/reports/filters";
import { previewReportAction } from "@/app/(desk)/_actions/reports";
import { callAction, type ActionResult } from "./action-result";
import { FilterSelect } from "./filter-select";
import { formatTimestamp } from "./format";
import { StatusBadge } from "./status";
import { useHydrated } from "./use-hydrated";

export type ReportPreviewRow = {
  id: number;
  quote: string;
  status: ClaimStatus;
  speaker: string;
  source: string;
  verdict: { at: string; reviewer: string } | null;
};
export type ReportPreview = { count: number; claims: ReportPreviewRow[] };

type Option = { value: string | number; label: string };
export type ReportFilterOptions = Record<"statuses" | "sources" | "speakers" | "types" | "reviewers", Option[]>;

const EXPORTS: ReadonlyArray<[ReportFormat, string]> = [
  ["csv", "CSV"],
  ["json", "JSON"],
  ["jsonld", "ClaimReview JSON-LD"],
  ["md", "Markdown"],
  ["html", "HTML"],
];

const FIELD_LABEL: Record<string, string> = {
  status: "Status",
  sourceId: "Source",
  speakerId: "Speaker",
  type: "Claim type",
  reviewerId: "Reviewer",
  from: "Verdict from",
  to: "Verdict to",
};

/** The filled-in fields of a form, as its GET submission would send them. */
function formQuery(form: HTMLFormElement): string {
  const params = new URLSearchParams();
  for (const [name, value] of new FormData(form)) if (typeof value === "string" && value !== "") params.append(name, value);
  return params.toString();
}

const withQuery = (path: string, query: string) => (query ? `${path}${path.includes("?") ? "&" : "?"}${query}` : path);
const claimsCount = (n: number) => `${n} matching claim${n === 1 ? "" : "s"}`;

/**
 * The report page's filter form with a count, a preview and export links that
 * follow the filters as they change. Without script, the form is an ordinary
 * GET form and the page renders the same things for the submitted filters.
 */
export function ReportWorkbench({
  options,
  values,
  initial,
}: {
  options: ReportFilterOptions;
  values: Record<string, string>;
  initial: ActionResult<ReportPreview>;
}) {
  const hydrated = useHydrated();
  const initialQuery = new URLSearchParams(values).toString();
  const [query, setQuery] = useState(initialQuery);
  const [shown, setShown] = useState({ query: initialQuery, result: initial });
  const shownQuery = shown.query;

  useEffect(() => {
    if (query === shownQuery) return;
    let stale = false;
    const timer = setTimeout(async () => {
      const result = await callAction(() => previewReportAction(Object.fromEntries(new URLSearchParams(query))));
      if (!stale) setShown({ query, result });
    }, 250);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [query, shownQuery]);

  const result = shown.result;
  const busy = query !== shownQuery;

  return (
    <>
      <form
        method="get"
        action="/reports"
        className="filters"
        aria-label="Report filters"
        onChange={(event) => setQuery(formQuery(event.currentTarget))}
      >
        <FilterSelect label="Status" name="status" anyLabel="Any status" value={values.status} options={options.statuses} />
        <FilterSelect label="Source" name="sourceId" anyLabel="Any source" value={values.sourceId} options={options.sources} />
        <FilterSelect label="Speaker" name="speakerId" anyLabel="Any speaker" value={values.speakerId} options={options.speakers} />
        <FilterSelect label="Claim type" name="type" anyLabel="Any type" value={values.type} options={options.types} />
        <FilterSelect label="Reviewer" name="reviewerId" anyLabel="Any reviewer" value={values.reviewerId} options={options.reviewers} />
        <label className="field">
          <span>Verdict from</span>
          <input type="date" name="from" defaultValue={values.from ?? ""} aria-describedby="report-dates-hint" />
        </label>
        <label className="field">
          <span>Verdict to</span>
          <input type="date" name="to" defaultValue={values.to ?? ""} aria-describedby="report-dates-hint" />
        </label>
        <button type="submit">Apply filters</button>
        <a href="/reports">Clear</a>
      </form>
      <p id="report-dates-hint" className="hint">
        The verdict dates bound the day (UTC) of each claim’s latest verdict, both days included.{" "}
        {hydrated ? "The count and the preview follow the filters as you change them." : "Apply the filters to count again."}
      </p>

      <p role="status" className="report-count" aria-busy={busy}>
        {result.ok ? claimsCount(result.value.count) : "Nothing counted: some filters are not valid."}
      </p>
      {result.ok ? null : (
        <div className="form-error" role="alert">
          <p>{result.message}</p>
          {result.fields ? (
            <ul>
              {Object.entries(result.fields).map(([field, message]) => (
                <li key={field}>{FIELD_LABEL[field] ? `${FIELD_LABEL[field]}: ${message}` : message}</li>
              ))}
            </ul>
          ) : null}
        </div>
      )}

      {result.ok ? (
        <>
          <section aria-labelledby="report-export" className="report-exports">
            <h2 id="report-export">Export</h2>
            <p className="actions">
              {EXPORTS.map(([format, label]) => (
                <a
                  key={format}
                  className="button-link"
                  href={withQuery(`/api/v1/reports?format=${format}`, query)}
                  download={format === "html" ? undefined : ""}
                >
                  Export {label}
                </a>
              ))}
              <a href={withQuery("/reports/print", query)}>Printable report</a>
            </p>
          </section>
          <section aria-labelledby="report-preview" className={busy ? "report-preview busy" : "report-preview"}>
            <h2 id="report-preview">Preview</h2>
            <PreviewTable preview={result.value} />
          </section>
        </>
      ) : null}
    </>
  );
}

function PreviewTable({ preview }: { preview: ReportPreview }) {
  if (preview.claims.length === 0) return <p>No claims match these filters.</p>;
  return (
    <table className="data">
      <caption className="hint">
        {preview.count > preview.claims.length
          ? `The first ${preview.claims.length} of ${claimsCount(preview.count)}, in the report’s order.`
          : "Every matching claim, in the report’s order."}
      </caption>
      <thead>
        <tr>
          <th scope="col">Quote</th>
          <th scope="col">Speaker</th>
          <th scope="col">Status</th>
          <th scope="col">Source</th>
          <th scope="col">Latest verdict</th>
        </tr>
      </thead>
      <tbody>
        {preview.claims.map((c) => (
          <tr key={c.id}>
            <td>
              <Link href={`/claims/${c.id}`}>“{c.quote}”</Link>
            </td>
            <td>{c.speaker}</td>
            <td>
              <StatusBadge status={c.status} />
            </td>
            <td>{c.source}</td>
            <td>{c.verdict ? `${formatTimestamp(c.verdict.at)} · ${c.verdict.reviewer}` : <span className="muted">none yet</span>}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
