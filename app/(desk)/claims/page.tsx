import type { Metadata } from "next";
import Link from "next/link";
import { listClaimsWithSourceTitles } from "@/db/queries/claims";
import { listSourceOptions } from "@/db/queries/sources";
import { listSpeakerOptions } from "@/db/queries/speakers";
import { CLAIM_STATUSES, CLAIM_TYPES } from "@/db/schema";
import { requirePageUser } from "@/lib/auth/session";
import { claimFiltersQuery, encodeCursor, queryObject } from "@/lib/validation/claim-filters";
import { FilterSelect } from "@/app/_components/filter-select";
import { StatusBadge, STATUS_LABEL } from "@/app/_components/status";

export const metadata: Metadata = { title: "Claims" };

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function ClaimsPage({ searchParams }: { searchParams: Search }) {
  const raw = queryObject(await searchParams);
  await requirePageUser(`/claims?${new URLSearchParams(raw)}`);
  const parsed = claimFiltersQuery.safeParse(raw);
  const filters = parsed.success ? parsed.data : {};
  const { items, nextCursor } = listClaimsWithSourceTitles({ ...filters, limit: filters.limit ?? 50 });
  const sources = listSourceOptions();
  const speakers = listSpeakerOptions();
  const next = nextCursor
    ? `/claims?${new URLSearchParams({ ...raw, cursor: encodeCursor(nextCursor) })}`
    : null;

  return (
    <>
      <h1>Claims</h1>
      <form method="get" className="filters" aria-label="Filter claims">
        <FilterSelect
          label="Status"
          name="status"
          anyLabel="Any status"
          value={filters.status}
          options={CLAIM_STATUSES.map((s) => ({ value: s, label: STATUS_LABEL[s] }))}
        />
        <FilterSelect
          label="Source"
          name="sourceId"
          anyLabel="Any source"
          value={filters.sourceId}
          options={sources.map((s) => ({ value: s.id, label: `${s.title} (${s.outlet})` }))}
        />
        <FilterSelect
          label="Speaker"
          name="speakerId"
          anyLabel="Any speaker"
          value={filters.speakerId}
          options={speakers.map((s) => ({ value: s.id, label: s.name }))}
        />
        <FilterSelect
          label="Type"
          name="type"
          anyLabel="Any type"
          value={filters.type}
          options={CLAIM_TYPES.map((t) => ({ value: t, label: t }))}
        />
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
