import { STATUS_LABEL } from "./status";
import { STATUS_ORDER, StatusKey, statusFill } from "./status-bar";
import { monthLabel, summariseVerdicts, type ChartMonth } from "./verdict-chart-summary";

const PLOT_HEIGHT = 160;
const STEP = 32;
const BAR = 22;
const MARGIN = { top: 12, right: 12, bottom: 40, left: 40 };

/** A round step for the value axis (1, 2 or 5 × 10ⁿ) giving at most five gridlines. */
function axisStep(max: number): number {
  const rough = Math.max(max, 1) / 4;
  const power = 10 ** Math.floor(Math.log10(rough));
  return [1, 2, 5, 10].map((f) => f * power).find((s) => s >= rough && Number.isInteger(s)) ?? Math.max(1, Math.ceil(rough));
}

/**
 * A stacked bar per month of the verdicts recorded on a speaker's claims,
 * drawn on the server as SVG. Screen readers get its title as its name and
 * the summary as its description; everyone gets the summary as a caption and
 * the numbers in a table. Needs <StatusPatterns /> on the page.
 */
export function VerdictChart({ id, title, months, earlier }: { id: string; title: string; months: readonly ChartMonth[]; earlier: ChartMonth | null }) {
  const summary = summariseVerdicts(months, earlier);
  const max = Math.max(0, ...months.map((m) => m.total));
  const step = axisStep(max);
  const top = Math.max(step, Math.ceil(max / step) * step);
  const ticks = Array.from({ length: top / step + 1 }, (_, i) => i * step);
  const y = (value: number) => MARGIN.top + PLOT_HEIGHT - (value / top) * PLOT_HEIGHT;
  const width = Math.max(280, MARGIN.left + months.length * STEP + MARGIN.right);
  const height = MARGIN.top + PLOT_HEIGHT + MARGIN.bottom;
  const totals = { corroborated: 0, contradicted: 0, pending: 0, total: 0 };
  for (const m of [...months, ...(earlier ? [earlier] : [])]) {
    for (const s of STATUS_ORDER) totals[s] += m[s];
    totals.total += m.total;
  }

  return (
    <figure className="verdict-chart">
      <div className="chart-scroll">
        <svg role="img" aria-labelledby={`${id}-title`} aria-describedby={`${id}-desc`} width={width} height={height} viewBox={`0 0 ${width} ${height}`}>
          <title id={`${id}-title`}>{title}</title>
          <desc id={`${id}-desc`}>{summary}</desc>
          <g className="chart-axis">
            {ticks.map((t) => (
              <g key={t}>
                <line x1={MARGIN.left} x2={width - MARGIN.right} y1={y(t)} y2={y(t)} stroke={t === 0 ? "#5b6672" : "#d7dce2"} />
                <text x={MARGIN.left - 6} y={y(t) + 4} textAnchor="end">
                  {t}
                </text>
              </g>
            ))}
          </g>
          {months.map((m, i) => {
            const x = MARGIN.left + i * STEP + (STEP - BAR) / 2;
            let base = 0;
            const [year, month] = m.month.split("-");
            return (
              <g key={m.month}>
                {STATUS_ORDER.filter((s) => m[s] > 0).map((s) => {
                  const from = base;
                  base += m[s];
                  return (
                    <rect key={s} x={x} y={y(base)} width={BAR} height={y(from) - y(base)} fill={statusFill(s)} stroke="#ffffff" strokeWidth="1">
                      <title>{`${monthLabel(m.month)}: ${m[s]} ${s}`}</title>
                    </rect>
                  );
                })}
                <text className="chart-label" x={x + BAR / 2} y={MARGIN.top + PLOT_HEIGHT + 16} textAnchor="middle">
                  {monthLabel(m.month).slice(0, 3)}
                </text>
                {i === 0 || month === "01" ? (
                  <text className="chart-label" x={x + BAR / 2} y={MARGIN.top + PLOT_HEIGHT + 30} textAnchor="middle">
                    {year}
                  </text>
                ) : null}
              </g>
            );
          })}
        </svg>
      </div>
      <figcaption>
        <StatusKey label="Key to the chart" />
        <p>{summary}</p>
      </figcaption>
      <details>
        <summary>Chart data</summary>
        <table className="data compact">
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">Month</th>
              {STATUS_ORDER.map((s) => (
                <th key={s} scope="col">
                  {STATUS_LABEL[s]}
                </th>
              ))}
              <th scope="col">All verdicts</th>
            </tr>
          </thead>
          <tbody>
            {earlier ? (
              <tr>
                <th scope="row">Before {monthLabel(months[0]!.month)}</th>
                {STATUS_ORDER.map((s) => (
                  <td key={s}>{earlier[s]}</td>
                ))}
                <td>{earlier.total}</td>
              </tr>
            ) : null}
            {months.map((m) => (
              <tr key={m.month}>
                <th scope="row">{monthLabel(m.month)}</th>
                {STATUS_ORDER.map((s) => (
                  <td key={s}>{m[s]}</td>
                ))}
                <td>{m.total}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">All months</th>
              {STATUS_ORDER.map((s) => (
                <td key={s}>{totals[s]}</td>
              ))}
              <td>{totals.total}</td>
            </tr>
          </tfoot>
        </table>
      </details>
    </figure>
  );
}
