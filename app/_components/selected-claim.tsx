"use client";

import Link from "next/link";
import type { Ref } from "react";
import { formatDate, formatTimestamp } from "./format";
import type { ReaderClaim, ReaderVerdict } from "./reader-types";
import { StatusBadge } from "./status";
import { VerdictPanel, type VerdictPanelHandle } from "./verdict-panel";

/** The side panel's account of the claim picked in the reader, with the verdict form for a reviewer. */
export function SelectedClaim({
  claim,
  history,
  canWrite,
  sourceId,
  verdictRef,
}: {
  claim: ReaderClaim | null;
  history: ReaderVerdict[];
  canWrite: boolean;
  sourceId: number;
  verdictRef: Ref<VerdictPanelHandle>;
}) {
  return (
    <section aria-label="Selected claim" className="selected-claim">
      {claim ? (
        <>
          <h2>Selected claim</h2>
          <blockquote className="quote-preview">{claim.quote}</blockquote>
          {claim.orphaned ? <p className="hint">Orphaned: the source text changed and this quote is no longer in it.</p> : null}
          <dl className="facts">
            <dt>Speaker</dt>
            <dd>{claim.speaker.name}</dd>
            <dt>Type</dt>
            <dd>{claim.type}</dd>
            <dt>Status</dt>
            <dd>
              <StatusBadge status={claim.status} />
            </dd>
            {claim.proposition ? (
              <>
                <dt>Proposition</dt>
                <dd>{claim.proposition}</dd>
              </>
            ) : null}
            {claim.resolvesOn ? (
              <>
                <dt>Resolves on</dt>
                <dd>{formatDate(claim.resolvesOn)}</dd>
              </>
            ) : null}
          </dl>
          <Link href={`/claims/${claim.id}`}>Open claim page</Link>
          {canWrite ? (
            // keyed by claim: moving to another claim starts a fresh verdict
            <VerdictPanel key={claim.id} ref={verdictRef} claim={claim} excludeSourceId={sourceId} shortcuts />
          ) : null}
          <section aria-label="Verdict history" className="reader-history">
            <h3>History</h3>
            {history.length === 0 ? (
              <p className="muted">No verdict yet.</p>
            ) : (
              <ol className="history">
                {history.map((v) => (
                  <li key={v.id}>
                    <StatusBadge status={v.status} /> by {v.reviewer}, <time dateTime={v.createdAt}>{formatTimestamp(v.createdAt)}</time>
                    {v.rationale ? <p>{v.rationale}</p> : null}
                  </li>
                ))}
              </ol>
            )}
          </section>
        </>
      ) : (
        <p className="muted">Click a highlighted passage, pick a claim below, or press j for the first one.</p>
      )}
    </section>
  );
}
