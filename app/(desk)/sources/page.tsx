import type { Metadata } from "next";
import Link from "next/link";
import { decodeSourceCursor, encodeSourceCursor, listSourcesPage, type SourceCursor, type SourceSort } from "@/db/queries/sources";
import { can, requirePageUser } from "@/lib/auth/session";
import { queryObject } from "@/lib/validation/claim-filters";
import { formatPublished } from "@/app/_components/format";
import { Pager } from "@/app/_components/pager";
import { Tally } from "@/app/_components/status";
import { StatusBar, StatusKey, StatusPatterns } from "@/app/_components/status-bar";

export const metadata: Metadata = { title: "Sources" };

const PAGE_SIZE = 50;

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function SourcesPage({ searchParams }: { searchParams: Search }) {
  const raw = queryObject(await searchParams);
  const query = new URLSearchParams(raw).toString();
  const user = await requirePageUser(query ? `/sources?${query}` : "/sources");
  const sort: SourceSort = raw.sort === "published-asc" ? "published-asc" : "published-desc";
  const after = raw.cursor ? decodeSourceCursor(raw.cursor) : null;
  const before = !after && raw.before ? decodeSourceCursor(raw.before) : null;
  const badCursor = Boolean((raw.cursor && !after) || (raw.before && !after && !before));
  const { items, nextCursor, prevCursor } = await listSourcesPage({ sort, limit: PAGE_SIZE, after, before });

  const href = (params: { sort: SourceSort; cursor?: SourceCursor | null; before?: SourceCursor | null }) => {
    const search = new URLSearchParams();
    if (params.sort !== "published-desc") search.set("sort", params.sort);
    if (params.cursor) search.set("cursor", encodeSourceCursor(params.cursor));
    if (params.before) search.set("before", encodeSourceCursor(params.before));
    const qs = search.toString();
    return qs ? `/sources?${qs}` : "/sources";
  };
  const ascending = sort === "published-asc";

  return (
    <>
      <StatusPatterns />
      <h1>Sources</h1>
      {can(user, "reviewer") ? (
        <p>
          <Link href="/sources/new" className="button-link">
            Add source
          </Link>
        </p>
      ) : null}
      {badCursor ? (
        <p className="form-error" role="alert" aria-label="Page problem">
          That page link was not understood; here is the first page.
        </p>
      ) : null}
      {items.length === 0 && !after && !before ? (
        <p>No sources yet.</p>
      ) : (
        <>
          <div className="list-tools">
            <p className="sort-links">
              <span id="sort-label">Published:</span>{" "}
              <span role="group" aria-labelledby="sort-label">
                <Link href={href({ sort: "published-desc" })} aria-current={ascending ? undefined : "true"}>
                  Newest first
                </Link>{" "}
                ·{" "}
                <Link href={href({ sort: "published-asc" })} aria-current={ascending ? "true" : undefined}>
                  Oldest first
                </Link>
              </span>
            </p>
            <StatusKey label="Key to the claim bars" />
          </div>
          <table className="data">
            <caption className="visually-hidden">Sources, {ascending ? "oldest" : "newest"} first</caption>
            <thead>
              <tr>
                <th scope="col">Title</th>
                <th scope="col">Outlet</th>
                <th scope="col" aria-sort={ascending ? "ascending" : "descending"}>
                  Published <span aria-hidden="true">{ascending ? "↑" : "↓"}</span>
                </th>
                <th scope="col">Claims</th>
              </tr>
            </thead>
            <tbody>
              {items.map((s) => (
                <tr key={s.id}>
                  <td>
                    <Link href={`/sources/${s.id}`}>{s.title}</Link>
                  </td>
                  <td>
                    {s.outlet}
                    {s.byline ? <span className="muted"> · {s.byline}</span> : null}
                  </td>
                  <td>{formatPublished(s.publishedAt, s.publishedPrecision)}</td>
                  <td className="claim-counts">
                    <StatusBar pending={s.pending} corroborated={s.corroborated} contradicted={s.contradicted} />
                    <span>
                      {s.claimCount} <span className="muted">(</span>
                      <Tally pending={s.pending} corroborated={s.corroborated} contradicted={s.contradicted} />
                      <span className="muted">)</span>
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {items.length === 0 ? <p>No more sources.</p> : null}
          <Pager
            label="Pages of sources"
            previous={prevCursor ? href({ sort, before: prevCursor }) : null}
            next={nextCursor ? href({ sort, cursor: nextCursor }) : null}
          />
        </>
      )}
    </>
  );
}
