import type { Metadata } from "next";
import Link from "next/link";
import { dashboard, type DashboardRow } from "@/db/queries/dashboard";
import { requirePageUser } from "@/lib/auth/session";
import { ListKeys } from "@/app/_components/list-keys";
import { STATUS_LABEL, StatusBadge } from "@/app/_components/status";
import { formatDate, formatTimestamp } from "@/app/_components/format";

export const metadata: Metadata = { title: "Dashboard" };

function ClaimRows({ rows, label, empty, due }: { rows: DashboardRow[]; label: string; empty: string; due?: "overdue" | "soon" }) {
  if (rows.length === 0) return <p className="muted">{empty}</p>;
  return (
    <ol className="dash-list" aria-label={label}>
      {rows.map((c) => (
        <li key={c.id}>
          <Link href={`/claims/${c.id}`} data-row-link>
            “{c.quote}”
          </Link>
          <div className="muted">
            {c.speaker} · {c.source}
            {due && c.resolvesOn ? (
              <>
                {" · "}
                {due === "overdue" ? (
                  <strong className="overdue">Overdue: due {formatDate(c.resolvesOn)}, still pending</strong>
                ) : (
                  <span>Due {formatDate(c.resolvesOn)}</span>
                )}
              </>
            ) : (
              <> · captured {formatTimestamp(c.createdAt)}</>
            )}
          </div>
        </li>
      ))}
    </ol>
  );
}

/**
 * The desk's start: the reviewer's own open claims, the queue oldest first,
 * predictions past their date and coming due, the latest verdicts, and how
 * the desk stands. Every row links to its claim; j and k move through them.
 */
export default async function DashboardPage() {
  const user = await requirePageUser("/");
  const today = new Date().toISOString().slice(0, 10);
  const d = await dashboard({ userId: user.id, today });
  const total = d.counts.pending + d.counts.corroborated + d.counts.contradicted;
  return (
    <>
      <ListKeys />
      <h1>Dashboard</h1>
      <p className="muted">
        Press <kbd>/</kbd> to search, <kbd>j</kbd> and <kbd>k</kbd> to move through the lists, <kbd>Enter</kbd> to open a claim.
      </p>
      <section aria-labelledby="counts-heading" className="dash-counts">
        <h2 id="counts-heading" className="visually-hidden">
          Claims by status
        </h2>
        <dl>
          <div>
            <dt>Claims</dt>
            <dd>{total.toLocaleString("en")}</dd>
          </div>
          {(["pending", "corroborated", "contradicted"] as const).map((s) => (
            <div key={s}>
              <dt>{STATUS_LABEL[s]}</dt>
              <dd>
                <Link href={`/claims?status=${s}`}>{d.counts[s].toLocaleString("en")}</Link>
              </dd>
            </div>
          ))}
          <div>
            <dt>Overdue predictions</dt>
            <dd className={d.overdueTotal > 0 ? "overdue" : undefined}>{d.overdueTotal.toLocaleString("en")}</dd>
          </div>
        </dl>
      </section>
      <div className="dash-grid">
        <section aria-labelledby="overdue-heading">
          <h2 id="overdue-heading">Predictions past their date</h2>
          <ClaimRows rows={d.overdue} label="Overdue predictions" empty="No prediction is past its date." due="overdue" />
        </section>
        <section aria-labelledby="soon-heading">
          <h2 id="soon-heading">Due within 30 days</h2>
          <ClaimRows rows={d.dueSoon} label="Predictions due within 30 days" empty="Nothing resolves in the next 30 days." due="soon" />
        </section>
        <section aria-labelledby="mine-heading">
          <h2 id="mine-heading">My open work</h2>
          <ClaimRows rows={d.mine} label="Claims I captured that are still pending" empty="No pending claims of yours." />
        </section>
        <section aria-labelledby="queue-heading">
          <h2 id="queue-heading">Pending queue, oldest first</h2>
          <ClaimRows rows={d.queue} label="Pending queue" empty="Nothing is pending." />
        </section>
        <section aria-labelledby="recent-heading" className="wide">
          <h2 id="recent-heading">Recent verdicts</h2>
          {d.recent.length === 0 ? (
            <p className="muted">No verdicts yet.</p>
          ) : (
            <ol className="dash-list" aria-label="Recent verdicts">
              {d.recent.map((v) => (
                <li key={v.id}>
                  <StatusBadge status={v.status} />{" "}
                  <Link href={`/claims/${v.claimId}`} data-row-link>
                    “{v.quote}”
                  </Link>
                  <div className="muted">
                    {v.reviewer}, {formatTimestamp(v.createdAt)}
                    {v.rationale ? ` · ${v.rationale.length > 140 ? `${v.rationale.slice(0, 140)}…` : v.rationale}` : ""}
                  </div>
                </li>
              ))}
            </ol>
          )}
        </section>
      </div>
    </>
  );
}
