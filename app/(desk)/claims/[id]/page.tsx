import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getClaim, type ClaimDetail } from "@/db/queries/claims";
import { can, requirePageUser } from "@/lib/auth/session";
import { parseId } from "@/lib/validation/parse-id";
import { formatDate, formatPublished, formatTimestamp } from "@/app/_components/format";
import { StatusBadge, STATUS_LABEL } from "@/app/_components/status";
import { VerdictPanel } from "@/app/_components/verdict-panel";
import { ClaimEdit } from "@/app/_components/claim-edit";
import { RelatedClaims } from "@/app/_components/related-claims";
import { relatedClaims } from "@/lib/claims/related";

type Params = Promise<{ id: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const id = parseId((await params).id);
  return { title: id ? `Claim ${id}` : "Claim" };
}

const STANCE_LABEL = { supports: "Supports", refutes: "Refutes", context: "Context" } as const;

function EvidenceTarget({ target }: { target: ClaimDetail["evidence"][number]["target"] }) {
  if (target.kind === "claim") {
    return (
      <>
        claim <Link href={`/claims/${target.claim.id}`}>“{target.claim.quote}”</Link> in{" "}
        <Link href={`/sources/${target.source.id}`}>{target.source.title}</Link> ({target.source.outlet})
      </>
    );
  }
  if (target.kind === "passage") {
    return (
      <>
        passage “{target.quote}” in <Link href={`/sources/${target.source.id}`}>{target.source.title}</Link> (
        {target.source.outlet})
        {target.orphaned ? <strong className="orphaned"> — these words are no longer in the source since it was edited</strong> : null}
      </>
    );
  }
  return (
    <a href={target.url} rel="noopener noreferrer nofollow" target="_blank">
      {target.url}
    </a>
  );
}

export default async function ClaimPage({ params }: { params: Params }) {
  const { id: raw } = await params;
  const user = await requirePageUser(`/claims/${raw}`);
  const id = parseId(raw);
  const claim = id ? await getClaim(id) : null;
  if (!claim) notFound();
  const related = (await relatedClaims(claim.id)) ?? [];
  const linked: Record<number, "supports" | "refutes" | "context"> = {};
  for (const e of claim.evidence) if (e.target.kind === "claim") linked[e.target.claim.id] = e.stance;

  return (
    <>
      <h1>
        Claim by {claim.speaker.name} <StatusBadge status={claim.status} />
      </h1>
      <figure className="in-context">
        <blockquote>
          <span className="muted">{claim.prefix.length === 32 ? "…" : ""}{claim.prefix}</span>
          <mark className={`claim status-${claim.status}`} data-claim-id={claim.id} data-status={claim.status}>
            {claim.quote}
          </mark>
          <span className="muted">{claim.suffix}{claim.suffix.length === 32 ? "…" : ""}</span>
        </blockquote>
        <figcaption>
          <Link href={`/sources/${claim.source.id}`}>{claim.source.title}</Link> · {claim.source.outlet} ·{" "}
          {formatPublished(claim.source.publishedAt, "date")}
        </figcaption>
      </figure>

      <dl className="facts">
        <dt>Speaker</dt>
        <dd>
          {claim.speaker.name}
          {claim.speaker.description ? <span className="muted"> — {claim.speaker.description}</span> : null}
        </dd>
        <dt>Type</dt>
        <dd>{claim.type}</dd>
        <dt>Proposition</dt>
        <dd>{claim.proposition ?? <span className="muted">not written yet</span>}</dd>
        {claim.resolvesOn ? (
          <>
            <dt>Resolves on</dt>
            <dd>
              <time dateTime={claim.resolvesOn}>{formatDate(claim.resolvesOn)}</time>
            </dd>
          </>
        ) : null}
        <dt>Status</dt>
        <dd>
          {STATUS_LABEL[claim.status]} <span className="muted">(version {claim.version})</span>
        </dd>
        <dt>Captured</dt>
        <dd>
          by {claim.createdBy}, {formatTimestamp(claim.createdAt)}
        </dd>
      </dl>
      {can(user, "reviewer") ? (
        <ClaimEdit
          claim={{
            id: claim.id,
            sourceId: claim.source.id,
            version: claim.version,
            type: claim.type,
            proposition: claim.proposition,
            resolvesOn: claim.resolvesOn,
            speaker: claim.speaker,
          }}
          canDelete={user.role === "admin" || (claim.createdById === user.id && claim.verdicts.length === 0)}
        />
      ) : null}

      {can(user, "reviewer") ? (
        <section aria-labelledby="verdict-heading" className="card verdict-card">
          <h2 id="verdict-heading">Record a verdict</h2>
          <VerdictPanel
            key={claim.id}
            claim={{ id: claim.id, status: claim.status, version: claim.version }}
            excludeSourceId={claim.source.id}
          />
        </section>
      ) : null}

      <section aria-labelledby="history-heading">
        <h2 id="history-heading">Verdict history</h2>
        {claim.verdicts.length === 0 ? (
          <p className="muted">No verdict yet.</p>
        ) : (
          <ol className="history">
            {claim.verdicts.map((v) => (
              <li key={v.id}>
                <StatusBadge status={v.status} /> by {v.reviewer.name},{" "}
                <time dateTime={v.createdAt}>{formatTimestamp(v.createdAt)}</time>
                {v.rationale ? <p>{v.rationale}</p> : null}
              </li>
            ))}
          </ol>
        )}
      </section>

      <section aria-labelledby="evidence-heading">
        <h2 id="evidence-heading">Evidence</h2>
        {claim.evidence.length === 0 ? (
          <p className="muted">No evidence linked.</p>
        ) : (
          <ul className="evidence">
            {claim.evidence.map((e) => (
              <li key={e.id}>
                <strong>{STANCE_LABEL[e.stance]}</strong>: <EvidenceTarget target={e.target} />
                {e.note ? <p className="muted">{e.note}</p> : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="related-heading">
        <h2 id="related-heading">Possibly the same claim</h2>
        <p className="muted">
          Claims in other sources that may assert the same thing: matched on wording, speakers, names, dates read against each
          source&rsquo;s publication day, and figures that agree.
        </p>
        <RelatedClaims claimId={claim.id} items={related} linked={linked} canLink={can(user, "reviewer")} />
      </section>

      <section aria-labelledby="cited-heading">
        <h2 id="cited-heading">Cited as evidence by</h2>
        {claim.citedBy.length === 0 ? (
          <p className="muted">No other claim cites this one.</p>
        ) : (
          <ul className="evidence">
            {claim.citedBy.map((c) => (
              <li key={c.id}>
                <strong>{STANCE_LABEL[c.stance]}</strong>: <Link href={`/claims/${c.claim.id}`}>“{c.claim.quote}”</Link> in{" "}
                <Link href={`/sources/${c.source.id}`}>{c.source.title}</Link> <StatusBadge status={c.claim.status} />
                {c.note ? <p className="muted">{c.note}</p> : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
