"use client";

import { useId, useState } from "react";
import type { Stance } from "@/db/schema";
import { EvidencePassage } from "./evidence-passage";
import { EvidenceSearch } from "./evidence-search";
import { LIMITS } from "@/lib/validation/common";

export type EvidenceDraft = {
  key: string;
  target:
    | { kind: "claim"; claimId: number; label: string }
    | { kind: "passage"; sourceId: number; start: number; end: number; quote: string; label: string }
    | { kind: "url"; url: string };
  stance: Stance;
  note: string;
};

const STANCE_LABEL: Record<Stance, string> = { supports: "Supports", refutes: "Refutes", context: "Context" };
const STANCES = Object.keys(STANCE_LABEL) as Stance[];
export const MAX_EVIDENCE = 20;

/** The evidence as recordVerdict takes it. */
export function evidenceInput(items: EvidenceDraft[]) {
  return items.map((item) => ({ target: targetInput(item.target), stance: item.stance, note: item.note }));
}

function targetInput(target: EvidenceDraft["target"]) {
  if (target.kind === "claim") return { kind: "claim" as const, claimId: target.claimId };
  if (target.kind === "passage") {
    return { kind: "passage" as const, sourceId: target.sourceId, start: target.start, end: target.end, quote: target.quote };
  }
  return { kind: "url" as const, url: target.url };
}

function looksLikeWebAddress(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && Boolean(url.hostname);
  } catch {
    return false;
  }
}

/**
 * Evidence given with a verdict: another claim (found by its words), a
 * passage of another source, or a web page, each with its stance and a note. The server checks every target again.
 */
export function EvidencePicker({
  items,
  onChange,
  excludeSourceId,
  errors,
}: {
  items: EvidenceDraft[];
  onChange: (items: EvidenceDraft[]) => void;
  excludeSourceId: number;
  errors: Record<number, string[]>;
}) {
  const id = useId();
  const [url, setUrl] = useState("");
  const [urlProblem, setUrlProblem] = useState<string | null>(null);
  const full = items.length >= MAX_EVIDENCE;

  const add = (item: EvidenceDraft) => {
    if (full || items.some((i) => i.key === item.key)) return;
    onChange([...items, item]);
  };
  const update = (key: string, change: Partial<Pick<EvidenceDraft, "stance" | "note">>) =>
    onChange(items.map((i) => (i.key === key ? { ...i, ...change } : i)));

  const addUrl = () => {
    const value = url.trim();
    if (!looksLikeWebAddress(value)) {
      setUrlProblem("Enter a full http:// or https:// address.");
      return;
    }
    setUrlProblem(null);
    setUrl("");
    add({ key: `url:${value}`, target: { kind: "url", url: value }, stance: "supports", note: "" });
  };

  return (
    <fieldset className="evidence-picker">
      <legend>Evidence</legend>
      {items.length ? (
        <ol className="evidence-items">
          {items.map((item, index) => (
            <li key={item.key}>
              <fieldset>
                <legend>
                  {item.target.kind === "claim"
                    ? `Claim ${item.target.label}`
                    : item.target.kind === "passage"
                      ? `Passage ${item.target.label}`
                      : `Web page ${item.target.url}`}
                </legend>
                <label className="field">
                  <span>Stance</span>
                  <select value={item.stance} onChange={(event) => update(item.key, { stance: event.target.value as Stance })}>
                    {STANCES.map((s) => (
                      <option key={s} value={s}>
                        {STANCE_LABEL[s]}
                      </option>
                    ))}
                  </select>
                </label>
                <label className="field">
                  <span>Note</span>
                  <input value={item.note} maxLength={LIMITS.note} onChange={(event) => update(item.key, { note: event.target.value })} />
                </label>
                <button type="button" onClick={() => onChange(items.filter((i) => i.key !== item.key))}>
                  Remove
                </button>
                {errors[index]?.map((message) => (
                  <span key={message} className="field-error">
                    {message}
                  </span>
                ))}
              </fieldset>
            </li>
          ))}
        </ol>
      ) : (
        <p className="hint">None yet.</p>
      )}
      <EvidenceSearch
        excludeSourceId={excludeSourceId}
        cited={new Set(items.flatMap((i) => (i.target.kind === "claim" ? [i.target.claimId] : [])))}
        onCite={(hit) =>
          add({
            key: `claim:${hit.id}`,
            target: { kind: "claim", claimId: hit.id, label: `“${hit.quote}” (${hit.speaker.name}, ${hit.source.outlet})` },
            stance: "supports",
            note: "",
          })
        }
      />
      <EvidencePassage
        excludeSourceId={excludeSourceId}
        disabled={full}
        onCite={(hit) =>
          add({
            key: `passage:${hit.source.id}:${hit.start}:${hit.end}`,
            target: { kind: "passage", sourceId: hit.source.id, start: hit.start, end: hit.end, quote: hit.quote, label: `“${hit.quote}” (${hit.source.title})` },
            stance: "supports",
            note: "",
          })
        }
      />
      <div className="field">
        <label htmlFor={`${id}-url`}>Link a web page</label>
        <div className="inline-form">
          <input
            id={`${id}-url`}
            type="url"
            value={url}
            placeholder="https://"
            onChange={(event) => setUrl(event.target.value)}
            onKeyDown={(event) => {
              if (event.key !== "Enter") return;
              event.preventDefault();
              addUrl();
            }}
            aria-invalid={urlProblem ? true : undefined}
            aria-describedby={urlProblem ? `${id}-url-problem` : undefined}
          />
          <button type="button" onClick={addUrl} disabled={full}>
            Add link
          </button>
        </div>
        {urlProblem ? (
          <span id={`${id}-url-problem`} className="field-error">
            {urlProblem}
          </span>
        ) : null}
      </div>
      {full ? <p className="hint">At most {MAX_EVIDENCE} pieces of evidence with one verdict.</p> : null}
    </fieldset>
  );
}
