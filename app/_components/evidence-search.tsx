"use client";

import { useEffect, useId, useState } from "react";
import type { ClaimStatus } from "@/db/schema";
import { searchClaimsAction } from "@/app/(desk)/_actions/claims";
import { callAction } from "./action-result";
import { STATUS_LABEL } from "./status";

export type ClaimHit = {
  id: number;
  quote: string;
  status: ClaimStatus;
  speaker: { name: string };
  source: { title: string; outlet: string };
};

/** Finds claims in other sources by the words of their quote or proposition, to cite one. */
export function EvidenceSearch({
  excludeSourceId,
  cited,
  onCite,
}: {
  excludeSourceId: number;
  cited: ReadonlySet<number>;
  onCite: (hit: ClaimHit) => void;
}) {
  const id = useId();
  const [query, setQuery] = useState("");
  const [hits, setHits] = useState<ClaimHit[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const text = query.trim();
  useEffect(() => {
    if (text.length < 2) return;
    let stale = false;
    const timer = setTimeout(async () => {
      const result = await callAction(() => searchClaimsAction({ text, excludeSourceId }));
      if (stale) return;
      setHits(result.ok ? result.value : []);
      setProblem(result.ok ? null : result.message);
    }, 200);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [text, excludeSourceId]);

  return (
    <div className="evidence-search">
      <label className="field">
        <span>Find a claim in another source</span>
        <input
          type="search"
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            if (event.target.value.trim().length < 2) setHits(null);
          }}
          // Enter searches as typing does; it must not save the verdict half-made
          onKeyDown={(event) => event.key === "Enter" && event.preventDefault()}
          aria-describedby={`${id}-count`}
        />
      </label>
      <p id={`${id}-count`} className="hint" aria-live="polite">
        {problem ?? (hits === null || text.length < 2 ? "Words from its quote or proposition." : `${hits.length} matching claim${hits.length === 1 ? "" : "s"}.`)}
      </p>
      {hits && hits.length > 0 && text.length >= 2 ? (
        <ul className="hits" aria-label="Matching claims">
          {hits.map((hit) => (
            <li key={hit.id}>
              <span>“{hit.quote}”</span>{" "}
              <span className="muted">
                {hit.speaker.name} · {hit.source.title} ({hit.source.outlet}) · {STATUS_LABEL[hit.status]}
              </span>{" "}
              <button type="button" onClick={() => onCite(hit)} disabled={cited.has(hit.id)} aria-label={`${cited.has(hit.id) ? "Cited" : "Cite"} “${hit.quote}”`}>
                {cited.has(hit.id) ? "Cited" : "Cite"}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
