import type { ClaimStatus } from "@/db/schema";

export const STATUS_LABEL: Record<ClaimStatus, string> = {
  pending: "Pending",
  corroborated: "Corroborated",
  contradicted: "Contradicted",
};

export function StatusBadge({ status }: { status: ClaimStatus }) {
  return <span className={`badge status-${status}`}>{STATUS_LABEL[status]}</span>;
}

/** Colour is never the only signal: each status also has its own underline. */
export function StatusLegend() {
  return (
    <ul className="legend" aria-label="Highlight colours">
      {(Object.keys(STATUS_LABEL) as ClaimStatus[]).map((s) => (
        <li key={s}>
          <mark className={`claim status-${s}`} data-status={s}>
            {STATUS_LABEL[s]}
          </mark>
        </li>
      ))}
    </ul>
  );
}

export function Tally({ pending, corroborated, contradicted }: Record<ClaimStatus, number>) {
  return (
    <span className="tally">
      <span className="status-text-corroborated">{corroborated} corroborated</span> ·{" "}
      <span className="status-text-contradicted">{contradicted} contradicted</span> ·{" "}
      <span className="status-text-pending">{pending} pending</span>
    </span>
  );
}
