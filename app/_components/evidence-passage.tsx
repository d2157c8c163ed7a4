"use client";

import { useId, useState } from "react";
import { findPassagesAction } from "@/app/(desk)/_actions/passages";
import { callAction } from "./action-result";

type PassageHit = Extract<Awaited<ReturnType<typeof findPassagesAction>>, { ok: true }>["value"][number];

/**
 * Cite a passage of another source: paste its exact words (copied from that
 * article), pick the occurrence, and it is linked with its offsets.
 */
export function EvidencePassage({ excludeSourceId, onCite, disabled }: { excludeSourceId: number; onCite: (hit: PassageHit) => void; disabled: boolean }) {
  const id = useId();
  const [text, setText] = useState("");
  const [hits, setHits] = useState<PassageHit[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const find = async () => {
    const result = await callAction(() => findPassagesAction({ text, excludeSourceId }));
    if (!result.ok) {
      setHits(null);
      setProblem(Object.values(result.fields ?? {})[0] ?? result.message);
      return;
    }
    setProblem(result.value.length ? null : "Those exact words are in no other source.");
    setHits(result.value);
  };

  return (
    <div className="field">
      <label htmlFor={`${id}-passage`}>Quote a passage of another source</label>
      <div className="inline-form">
        <input
          id={`${id}-passage`}
          value={text}
          placeholder="Paste the exact words"
          onChange={(event) => setText(event.target.value)}
          onKeyDown={(event) => {
            if (event.key !== "Enter") return;
            event.preventDefault();
            void find();
          }}
        />
        <button type="button" onClick={() => void find()} disabled={disabled}>
          Find passage
        </button>
      </div>
      {problem ? <span className="field-error">{problem}</span> : null}
      {hits?.length ? (
        <ul className="passage-hits" aria-label="Passages found">
          {hits.map((hit) => (
            <li key={`${hit.source.id}:${hit.start}`}>
              <span className="muted">…{hit.before}</span>
              <mark>{hit.quote}</mark>
              <span className="muted">{hit.after}…</span>{" "}
              <button
                type="button"
                disabled={disabled}
                onClick={() => {
                  onCite(hit);
                  setHits(null);
                  setText("");
                }}
              >
                Cite passage in {hit.source.title}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
