import type { Metadata } from "next";
import Link from "next/link";
import { requirePageUser } from "@/lib/auth/session";
import { searchEverything } from "@/lib/search";
import { deskSearchQuery } from "@/lib/validation/search-query";
import { queryObject } from "@/lib/validation/claim-filters";
import { ListKeys } from "@/app/_components/list-keys";
import { MarkedSnippet } from "@/app/_components/marked-snippet";
import { StatusBadge } from "@/app/_components/status";
import { formatDate, formatTimestamp } from "@/app/_components/format";
import type { ClaimStatus } from "@/db/schema";

export const metadata: Metadata = { title: "Search" };

type Search = Promise<Record<string, string | string[] | undefined>>;

/** Results of the header's search box, grouped by kind; j and k move through them. */
export default async function SearchPage({ searchParams }: { searchParams: Search }) {
  const raw = queryObject(await searchParams);
  await requirePageUser(`/search?${new URLSearchParams(raw)}`);
  const parsed = deskSearchQuery.safeParse(raw);
  const q = parsed.success ? parsed.data.q : "";
  const result = parsed.success && q.trim() ? await searchEverything(q, { kinds: parsed.data.kind, limit: parsed.data.limit ?? 10 }) : null;
  const problem = !parsed.success ? "These search options are not valid." : result && !result.ok ? result.error.message : null;
  const r = result?.ok ? result.value : null;
  const total = r ? r.claims.length + r.sources.length + r.speakers.length + r.verdicts.length : 0;
  return (
    <>
      <h1>Search</h1>
      <form action="/search" method="get" role="search" aria-label="Search again" className="inline-form">
        <label className="field">
          <span>Search for</span>
          <input type="search" name="q" defaultValue={q} maxLength={300} />
        </label>
        <button type="submit">Search</button>
      </form>
      {problem ? (
        <p role="alert" aria-label="Search problem" className="form-error">
          {problem}
        </p>
      ) : null}
      {r ? (
        <p role="status">
          {total === 0 ? `Nothing found for “${q}”.` : `${total} result${total === 1 ? "" : "s"} for “${q}”. Press j and k to move through them.`}
        </p>
      ) : null}
      {r ? <ListKeys /> : null}
      {r && r.claims.length > 0 ? (
        <section aria-labelledby="claims-results">
          <h2 id="claims-results">Claims ({r.claims.length})</h2>
          <ol className="results">
            {r.claims.map((c) => (
              <li key={c.id}>
                <Link href={`/claims/${c.id}`} data-row-link>
                  “{c.quote}”
                </Link>{" "}
                <StatusBadge status={c.status as ClaimStatus} />
                <div className="muted">
                  {c.speaker.name} · {c.source.title} ({c.source.outlet})
                </div>
                <MarkedSnippet text={c.snippet} />
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      {r && r.sources.length > 0 ? (
        <section aria-labelledby="sources-results">
          <h2 id="sources-results">Sources ({r.sources.length})</h2>
          <ol className="results">
            {r.sources.map((s) => (
              <li key={s.id}>
                <Link href={`/sources/${s.id}`} data-row-link>
                  {s.title}
                </Link>
                <div className="muted">
                  {s.outlet} · {formatDate(s.publishedAt.slice(0, 10))}
                </div>
                <MarkedSnippet text={s.snippet} />
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      {r && r.speakers.length > 0 ? (
        <section aria-labelledby="speakers-results">
          <h2 id="speakers-results">Speakers ({r.speakers.length})</h2>
          <ol className="results">
            {r.speakers.map((s) => (
              <li key={s.id}>
                <Link href={`/speakers/${s.id}`} data-row-link>
                  {s.name}
                </Link>{" "}
                <span className="muted">{s.description}</span>
                <div>
                  <MarkedSnippet text={s.snippet} />
                </div>
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      {r && r.verdicts.length > 0 ? (
        <section aria-labelledby="verdicts-results">
          <h2 id="verdicts-results">Verdicts and evidence ({r.verdicts.length})</h2>
          <ol className="results">
            {r.verdicts.map((v) => (
              <li key={`${v.kind}-${v.id}`}>
                <Link href={`/claims/${v.claimId}`} data-row-link>
                  “{v.claimQuote}”
                </Link>
                <div className="muted">
                  {v.kind === "verdict" ? `${v.status} by ${v.reviewer}` : `evidence that ${v.stance === "context" ? "gives context" : v.stance}`}, {formatTimestamp(v.createdAt)}
                </div>
                <MarkedSnippet text={v.snippet} />
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </>
  );
}
