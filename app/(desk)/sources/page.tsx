import type { Metadata } from "next";
import Link from "next/link";
import { listSources } from "@/db/queries/sources";
import { can, requirePageUser } from "@/lib/auth/session";
import { formatPublished } from "@/app/_components/format";
import { Tally } from "@/app/_components/status";

export const metadata: Metadata = { title: "Sources" };

export default async function SourcesPage() {
  const user = await requirePageUser("/sources");
  const sources = listSources();
  return (
    <>
      <h1>Sources</h1>
      {can(user, "reviewer") ? (
        <p>
          <Link href="/sources/new" className="button-link">
            Add source
          </Link>
        </p>
      ) : null}
      {sources.length === 0 ? (
        <p>No sources yet.</p>
      ) : (
        <table className="data">
          <thead>
            <tr>
              <th scope="col">Title</th>
              <th scope="col">Outlet</th>
              <th scope="col">Published</th>
              <th scope="col">Claims</th>
            </tr>
          </thead>
          <tbody>
            {sources.map((s) => (
              <tr key={s.id}>
                <td>
                  <Link href={`/sources/${s.id}`}>{s.title}</Link>
                </td>
                <td>
                  {s.outlet}
                  {s.byline ? <span className="muted"> · {s.byline}</span> : null}
                </td>
                <td>{formatPublished(s.publishedAt, s.publishedPrecision)}</td>
                <td>
                  {s.claimCount} <span className="muted">(</span>
                  <Tally pending={s.pending} corroborated={s.corroborated} contradicted={s.contradicted} />
                  <span className="muted">)</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
