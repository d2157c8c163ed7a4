"use client";

import Link from "next/link";
import { useState, type ReactNode } from "react";
import type { ClaimStatus, ClaimType } from "@/db/schema";
import type { Paragraph } from "@/lib/anchoring/segments";
import { formatDate } from "./format";
import { STATUS_LABEL, StatusBadge } from "./status";

export type ReaderClaim = {
  id: number;
  quote: string;
  type: ClaimType;
  status: ClaimStatus;
  proposition: string | null;
  resolvesOn: string | null;
  speaker: { id: number; name: string };
};

/** The article with each claim as a <mark>, and a panel for the claim picked. */
export function Reader({ paragraphs, claims }: { paragraphs: Paragraph[]; claims: ReaderClaim[] }) {
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const byId = new Map(claims.map((c) => [c.id, c]));
  const selected = selectedId === null ? null : byId.get(selectedId) ?? null;

  const renderMarks = (ids: number[], text: string, key: string): ReactNode =>
    ids.reduceRight<ReactNode>((inner, id) => {
      const claim = byId.get(id)!;
      return (
        <mark
          key={`${key}-${id}`}
          className={`claim status-${claim.status}${id === selectedId ? " selected" : ""}`}
          data-claim-id={id}
          data-status={claim.status}
          title={`${claim.speaker.name} · ${STATUS_LABEL[claim.status]}`}
          onClick={(event) => {
            event.stopPropagation();
            setSelectedId(id);
          }}
        >
          {inner}
        </mark>
      );
    }, text);

  return (
    <div className="reader">
      <article className="article-body" aria-label="Article text">
        {paragraphs.map((p) => (
          <p key={p.start}>{p.segments.map((s) => renderMarks(s.claimIds, s.text, `${s.start}`))}</p>
        ))}
      </article>
      <aside className="side-panel" aria-label="Claims in this article">
        <section aria-label="Selected claim" className="selected-claim">
          {selected ? (
            <>
              <h2>Selected claim</h2>
              <blockquote>{selected.quote}</blockquote>
              <dl className="facts">
                <dt>Speaker</dt>
                <dd>{selected.speaker.name}</dd>
                <dt>Type</dt>
                <dd>{selected.type}</dd>
                <dt>Status</dt>
                <dd>
                  <StatusBadge status={selected.status} />
                </dd>
                {selected.proposition ? (
                  <>
                    <dt>Proposition</dt>
                    <dd>{selected.proposition}</dd>
                  </>
                ) : null}
                {selected.resolvesOn ? (
                  <>
                    <dt>Resolves on</dt>
                    <dd>{formatDate(selected.resolvesOn)}</dd>
                  </>
                ) : null}
              </dl>
              <Link href={`/claims/${selected.id}`}>Open claim page</Link>
            </>
          ) : (
            <p className="muted">Click a highlighted passage, or pick a claim below.</p>
          )}
        </section>
        <h2>Claims ({claims.length})</h2>
        <ol className="claim-list">
          {claims.map((c) => (
            <li key={c.id}>
              <button
                type="button"
                className={`claim-pick status-border-${c.status}`}
                aria-pressed={c.id === selectedId}
                onClick={() => setSelectedId(c.id)}
              >
                <span className="quote">“{c.quote}”</span>
                <span className="muted">
                  {c.speaker.name} · {STATUS_LABEL[c.status]}
                </span>
              </button>
            </li>
          ))}
        </ol>
      </aside>
    </div>
  );
}
