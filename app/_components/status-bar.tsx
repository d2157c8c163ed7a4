import type { ClaimStatus } from "@/db/schema";
import { STATUS_LABEL } from "./status";

/** Bars and the legend stack the statuses in this order, the reading order of every tally. */
export const STATUS_ORDER: readonly ClaimStatus[] = ["corroborated", "contradicted", "pending"];

export const PATTERN_ID: Record<ClaimStatus, string> = {
  corroborated: "status-fill-corroborated",
  contradicted: "status-fill-contradicted",
  pending: "status-fill-pending",
};

/** A status's fill: its colour and its own texture, so that no one needs to tell the colours apart. */
export const statusFill = (status: ClaimStatus) => `url(#${PATTERN_ID[status]})`;

/**
 * The three fills, defined once per page for every bar and chart on it:
 * corroborated solid green, contradicted red with white diagonal stripes,
 * pending ochre with white dots. Each is dark enough to stand out from the
 * white page at 3:1 or more. Not display:none: browsers do not paint patterns
 * from a hidden SVG.
 */
export function StatusPatterns() {
  return (
    <svg className="svg-defs" width="0" height="0" aria-hidden="true" focusable="false">
      <defs>
        <pattern id={PATTERN_ID.corroborated} width="6" height="6" patternUnits="userSpaceOnUse">
          <rect width="6" height="6" fill="#17602c" />
        </pattern>
        <pattern id={PATTERN_ID.contradicted} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="6" height="6" fill="#9b1c13" />
          <rect width="2" height="6" fill="#ffffff" />
        </pattern>
        <pattern id={PATTERN_ID.pending} width="6" height="6" patternUnits="userSpaceOnUse">
          <rect width="6" height="6" fill="#7a5b00" />
          <circle cx="3" cy="3" r="1.3" fill="#ffffff" />
        </pattern>
      </defs>
    </svg>
  );
}

export type Tallies = Record<ClaimStatus, number>;

/** "12 claims: 5 corroborated, 3 contradicted, 4 pending", the words every bar stands for. */
export function tallySentence(t: Tallies): string {
  const total = t.corroborated + t.contradicted + t.pending;
  if (total === 0) return "No claims";
  return `${total} claim${total === 1 ? "" : "s"}: ${t.corroborated} corroborated, ${t.contradicted} contradicted, ${t.pending} pending`;
}

/** A small stacked bar of each status's share, named by its counts. Needs <StatusPatterns /> on the page. */
export function StatusBar({ pending, corroborated, contradicted, width = 120, height = 12 }: Tallies & { width?: number; height?: number }) {
  const tallies: Tallies = { pending, corroborated, contradicted };
  const total = pending + corroborated + contradicted;
  let done = 0;
  const segments = STATUS_ORDER.filter((s) => tallies[s] > 0).map((status) => {
    // edges from running sums, so the segments always fill the bar exactly
    const x = Math.round((width * done) / total);
    done += tallies[status];
    return { status, x, w: Math.round((width * done) / total) - x };
  });
  return (
    <svg className="status-bar" role="img" aria-label={tallySentence(tallies)} width={width} height={height} viewBox={`0 0 ${width} ${height}`}>
      {total === 0 ? (
        <rect x="0.5" y="0.5" width={width - 1} height={height - 1} fill="none" stroke="#9aa5b1" strokeDasharray="3 2" />
      ) : (
        segments.map((s) => <rect key={s.status} x={s.x} y="0" width={s.w} height={height} fill={statusFill(s.status)} />)
      )}
    </svg>
  );
}

/** One swatch per status, beside its name: the key to every bar and chart. */
export function StatusKey({ label = "Key" }: { label?: string }) {
  return (
    <ul className="status-key" aria-label={label}>
      {STATUS_ORDER.map((s) => (
        <li key={s}>
          <svg width="14" height="14" aria-hidden="true" focusable="false">
            <rect width="14" height="14" fill={statusFill(s)} />
          </svg>
          {STATUS_LABEL[s]}
        </li>
      ))}
    </ul>
  );
}
