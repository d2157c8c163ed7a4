import type { Metadata } from "next";
import Link from "next/link";
import { listClaimsWithSourceTitles } from "@/db/queries/claims";
import { getSourceSummary } from "@/db/queries/sources";
import { getSpeakerSummary } from "@/db/queries/speakers";
import { CLAIM_STATUSES, CLAIM_TYPES } from "@/db/schema";
import { requirePageUser } from "@/lib/auth/session";
import { claimFiltersQuery, encodeCursor, queryObject } from "@/lib/validation/claim-filters";
import { FilterSelect } from "@/app/_components/filter-select";
import { SpeakerPicker } from "@/app/_components/filter-combobox-speakers";
import { SourcePicker } from "@/app/_components/source-picker";
import { StatusBadge, STATUS_LABEL } from "@/app/_components/status";

export const metadata: Metadata = { title: "Claims" };

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function ClaimsPage({ searchParams }: { searchParams: Search }) {
  const raw = queryObject(await searchParams);
  await requirePageUser(`/claims?${new URLSearchParams(raw)}`);
  const parsed = claimFiltersQuery.safeParse(raw);
  const filters = parsed.success ? parsed.data : {};
  const { items, nextCursor } = await listClaimsWithSourceTitles({ ...filters, limit: filters.limit ?? 50 });
  // the pickers search as the reviewer types; only the chosen source and speaker are read here, by id
  const source = filters.sourceId ? await getSourceSummary(filters.sourceId) : null;
  const speaker = filters.speakerId ? await getSpeakerSummary(filters.speakerId) : null;
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
        <SourcePicker name="sourceId" initial={source ? { id: source.id, label: source.title, detail: source.outlet } : null} />
        <SpeakerPicker
          name="speakerId"
          initial={speaker ? { id: speaker.id, label: speaker.name, detail: speaker.description } : null}
          placeholder="Any speaker"
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
      {source || speaker ? (
        <p className="filter-summary">
          Showing claims
          {source ? (
            <>
              {" "}
              from <Link href={`/sources/${source.id}`}>{source.title}</Link> <span className="muted">({source.outlet})</span>
            </>
          ) : null}
          {speaker ? (
            <>
              {" "}
              by <Link href={`/speakers/${speaker.id}`}>{speaker.name}</Link>
            </>
          ) : null}
          .
        </p>
      ) : null}
      {(filters.sourceId && !source) || (filters.speakerId && !speaker) ? (
        <p className="form-error" role="alert" aria-label="Filter problem">
          {filters.sourceId && !source ? `No source with id ${filters.sourceId}. ` : ""}
          {filters.speakerId && !speaker ? `No speaker with id ${filters.speakerId}.` : ""}
        </p>
      ) : null}
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
