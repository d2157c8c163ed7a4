import type { ClaimStatus } from "@/db/schema";
import { STATUS_LABEL } from "./status";
import { STATUS_ORDER, StatusBar } from "./status-bar";

/** What getSpeakerRecord answers (components take data as props, never from db/). */
export type TrackRecord = {
  total: number;
  counts: Record<ClaimStatus, number>;
  shares: Record<ClaimStatus, number>;
  predictions: { total: number; cameTrue: number; cameFalse: number; open: number; overdue: number };
};

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** How the speaker's claims stand, by status with their shares, and how their predictions turned out. */
export function SpeakerRecord({ record }: { record: TrackRecord }) {
  const { total, counts, shares, predictions: p } = record;
  const resolved = p.cameTrue + p.cameFalse;
  return (
    <div className="speaker-record">
      <table className="data compact record-table">
        <caption>Claims by status</caption>
        <thead>
          <tr>
            <th scope="col">Status</th>
            <th scope="col">Claims</th>
            <th scope="col">Share</th>
          </tr>
        </thead>
        <tbody>
          {STATUS_ORDER.map((s) => (
            <tr key={s}>
              <th scope="row">
                <span className={`status-text-${s}`}>{STATUS_LABEL[s]}</span>
              </th>
              <td>{counts[s]}</td>
              <td>{total ? `${shares[s]}%` : "—"}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">All claims</th>
            <td>{total}</td>
            <td>
              <StatusBar {...counts} />
            </td>
          </tr>
        </tfoot>
      </table>

      <table className="data compact record-table">
        <caption>Predictions</caption>
        <thead>
          <tr>
            <th scope="col">Outcome</th>
            <th scope="col">Predictions</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">Came true (corroborated)</th>
            <td>{p.cameTrue}</td>
          </tr>
          <tr>
            <th scope="row">Came false (contradicted)</th>
            <td>{p.cameFalse}</td>
          </tr>
          <tr>
            <th scope="row">Still open (pending)</th>
            <td>{p.open}</td>
          </tr>
          <tr>
            <th scope="row">Open past their resolves-on date</th>
            <td>{p.overdue}</td>
          </tr>
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">All predictions</th>
            <td>{p.total}</td>
          </tr>
        </tfoot>
      </table>
      <p className="record-summary">
        {p.total === 0
          ? "No predictions."
          : `${resolved} of ${plural(p.total, "prediction")} resolved: ${p.cameTrue} came true, ${p.cameFalse} came false; ${p.open} still open${
              p.open ? `, ${p.overdue} of them past ${p.overdue === 1 ? "its" : "their"} resolves-on date` : ""
            }.`}
      </p>
    </div>
  );
}
