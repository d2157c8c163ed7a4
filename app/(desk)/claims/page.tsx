import type { Metadata } from "next";
import Link from "next/link";
import { listClaims } from "@/db/queries/claims";
import { listSourceOptions } from "@/db/queries/sources";
import { listSpeakerOptions } from "@/db/queries/speakers";
import { CLAIM_STATUSES, CLAIM_TYPES } from "@/db/schema";
import { requirePageUser } from "@/lib/auth/session";
import { claimFiltersQuery, encodeCursor, queryObject } from "@/lib/validation/claim-filters";
import { StatusBadge, STATUS_LABEL } from "@/app/_components/status";

export const metadata: Metadata = { title: "Claims" };

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function ClaimsPage({ searchParams }: { searchParams: Search }) {
  const raw = queryObject(await searchParams);
  await requirePageUser(`/claims?${new URLSearchParams(raw)}`);
  const parsed = claimFiltersQuery.safeParse(raw);
  const filters = parsed.success ? parsed.data : {};
  const { items, nextCursor } = listClaims({ ...filters, limit: filters.limit ?? 50 });
  const sources = listSourceOptions();
  const speakers = listSpeakerOptions();
  const next = nextCursor
    ? `/claims?${new URLSearchParams({ ...raw, cursor: encodeCursor(nextCursor) })}`
    : null;

  return (
    <>
      <h1>Claims</h1>
      <form method="get" className="filters" aria-label="Filter claims">
        <label className="field">
          <span>Status</span>
          <select name="status" defaultValue={filters.status ?? ""}>
            <option value="">Any status</option>
            {CLAIM_STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABEL[s]}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Source</span>
          <select name="sourceId" defaultValue={filters.sourceId ?? ""}>
            <option value="">Any source</option>
            {sources.map((s) => (
              <option key={s.id} value={s.id}>
                {s.title} ({s.outlet})
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Speaker</span>
          <select name="speakerId" defaultValue={filters.speakerId ?? ""}>
            <option value="">Any speaker</option>
            {speakers.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Type</span>
          <select name="type" defaultValue={filters.type ?? ""}>
            <option value="">Any type</option>
            {CLAIM_TYPES.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">Filter</button>
        <Link href="/claims">Clear</Link>
      </form>
      {!parsed.success ? (
        <p className="form-error" role="alert" aria-label="Filter problem">
          Some filters were not understood and were ignored.
        </p>
      ) : null}
      {items.length === 0 ? (
        <p>No claims match these filters.</p>
      ) : (
        <table className="data">
          <thead>
            <tr>
              <th scope="col">Quote</th>
              <th scope="col">Speaker</th>
              <th scope="col">Type</th>
              <th scope="col">Status</th>
              <th scope="col">Source</th>
            </tr>
          </thead>
          <tbody>
            {items.map((c) => (
              <tr key={c.id}>
                <td>
                  <Link href={`/claims/${c.id}`}>“{c.quote}”</Link>
                </td>
                <td>{c.speaker.name}</td>
                <td>{c.type}</td>
                <td>
                  <StatusBadge status={c.status} />
                </td>
                <td>
                  <Link href={`/sources/${c.sourceId}`}>{c.sourceTitle}</Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {next ? (
        <p>
          <Link href={next}>Older claims</Link>
        </p>
      ) : null}
    </>
  );
}
