import type { ReportClaim, ReportEvidence, ReportSummary } from "@/db/queries/report-rows";
import type { ReportFilters } from "./filters";

export type ReportContext = {
  generatedAt: string;
  filters: ReportFilters;
  /** where the desk is published, for links to claims (PUBLIC_URL) */
  publicUrl: string;
  /** the desk's organisation, author of its ClaimReviews (ORG_NAME) */
  orgName: string;
  /** names for the filter ids, to print what was asked */
  filterLabels: Record<string, string>;
  /** counts for the printable report's summary */
  summary?: ReportSummary;
};

/** Chunks of claims in report order, as they are read from the database (or, in a test, an array of them). */
export type ReportChunks = AsyncIterable<ReportClaim[]> | Iterable<ReportClaim[]>;

export type Writer = (chunks: ReportChunks, ctx: ReportContext) => AsyncGenerator<string>;

export const claimUrl = (ctx: ReportContext, id: number) => `${ctx.publicUrl.replace(/\/+$/, "")}/claims/${id}`;

export const STATUS_WORD = { pending: "Pending", corroborated: "Corroborated", contradicted: "Contradicted" } as const;

/** Evidence in one line of plain words: "supports claim 12 “…” (Title)". */
export function describeEvidence(e: ReportEvidence, ctx: ReportContext): string {
  const t = e.target;
  const what =
    t.kind === "claim"
      ? `claim ${claimUrl(ctx, t.claimId)} “${t.quote}” (${t.sourceTitle})`
      : t.kind === "passage"
        ? `passage “${t.quote}” (${t.sourceTitle}, characters ${t.start}–${t.end})`
        : t.url;
  return `${e.stance} ${what}${e.note ? ` — ${e.note}` : ""}`;
}

/** The filters in words, for the top of a report. */
export function describeFilters(ctx: ReportContext): string {
  const f = ctx.filters;
  const parts: string[] = [];
  if (f.status) parts.push(`status ${f.status}`);
  if (f.type) parts.push(`type ${f.type}`);
  if (f.sourceId) parts.push(`source ${ctx.filterLabels.sourceId ?? f.sourceId}`);
  if (f.speakerId) parts.push(`speaker ${ctx.filterLabels.speakerId ?? f.speakerId}`);
  if (f.reviewerId) parts.push(`reviewer ${ctx.filterLabels.reviewerId ?? f.reviewerId}`);
  if (f.from || f.to) parts.push(`latest verdict ${f.from ?? "…"} to ${f.to ?? "…"}`);
  return parts.length ? parts.join(", ") : "all claims";
}
