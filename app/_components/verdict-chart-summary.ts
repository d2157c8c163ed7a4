import type { ClaimStatus } from "@/db/schema";

/** One month of verdicts ("2024-11"), by the status each verdict gave. */
export type ChartMonth = Record<ClaimStatus, number> & { month: string; total: number };

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "2024-11" → "Nov 2024". */
export function monthLabel(month: string): string {
  const [y, m] = month.split("-");
  return `${MONTHS[Number(m) - 1] ?? m} ${y}`;
}

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function breakdown(m: Record<ClaimStatus, number>): string {
  const parts = (["corroborated", "contradicted", "pending"] as const).filter((s) => m[s] > 0).map((s) => `${m[s]} ${s}`);
  return parts.length ? parts.join(", ") : "none";
}

/**
 * The chart in words, for its <desc> and caption: how many verdicts over
 * which months and how they split, the busiest month, and where the latest
 * month stands against the months before it.
 */
export function summariseVerdicts(months: readonly ChartMonth[], earlier: ChartMonth | null = null): string {
  const shown = months.reduce((n, m) => n + m.total, 0);
  if (shown === 0 && !earlier) return "No verdicts have been recorded on these claims yet.";
  const sums: Record<ClaimStatus, number> = { corroborated: 0, contradicted: 0, pending: 0 };
  for (const m of months) for (const s of ["corroborated", "contradicted", "pending"] as const) sums[s] += m[s];
  const first = months[0]!;
  const last = months.at(-1)!;
  const span = first.month === last.month ? `in ${monthLabel(first.month)}` : `from ${monthLabel(first.month)} to ${monthLabel(last.month)}`;
  const sentences = [`${count(shown, "verdict")} ${span}: ${breakdown(sums)}.`];
  if (months.length > 1) {
    const busiest = months.reduce((best, m) => (m.total > best.total ? m : best));
    sentences.push(`Busiest month: ${monthLabel(busiest.month)}, with ${count(busiest.total, "verdict")}.`);
    const before = months.slice(0, -1).reduce((n, m) => n + m.total, 0) / (months.length - 1);
    const trend = last.total > before ? "above" : last.total < before ? "below" : "level with";
    sentences.push(
      `Latest month, ${monthLabel(last.month)}: ${count(last.total, "verdict")} (${breakdown(last)}), ${trend} the average of ${formatAverage(before)} a month before it.`,
    );
  }
  if (earlier) sentences.push(`${count(earlier.total, "earlier verdict")}, before ${monthLabel(first.month)}, are counted in the table only.`);
  return sentences.join(" ");
}

const formatAverage = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));
