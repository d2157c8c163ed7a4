"use client";

import { useRef, type KeyboardEvent } from "react";
import { formatDate } from "./format";
import type { ReaderSuggestion } from "./reader-types";
import { TYPE_LABEL } from "./claim-fields";

/**
 * The claims the desk suggests in this article, in reading order. Each one
 * is a focusable item: Enter (or its Accept button) makes it a claim, x (or
 * Dismiss) sets it aside for good. Focus moves on to the next one, so a
 * reviewer can go down the list from the keyboard.
 */
export function SuggestionList({
  suggestions,
  busyId,
  activeId,
  onAccept,
  onDismiss,
  onFocusSuggestion,
  listRef,
}: {
  suggestions: ReaderSuggestion[];
  busyId: number | null;
  activeId: number | null;
  onAccept: (s: ReaderSuggestion) => void;
  onDismiss: (s: ReaderSuggestion) => void;
  onFocusSuggestion: (s: ReaderSuggestion) => void;
  listRef: React.RefObject<HTMLOListElement | null>;
}) {
  const lastKey = useRef<number | null>(null);
  const onKeyDown = (event: KeyboardEvent<HTMLLIElement>, s: ReaderSuggestion) => {
    if (event.target !== event.currentTarget || event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === "Enter") {
      event.preventDefault();
      lastKey.current = s.id;
      onAccept(s);
    } else if (event.key === "x") {
      // x on a suggestion dismisses it; elsewhere in the reader x marks a claim contradicted
      event.preventDefault();
      onDismiss(s);
    } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const item = event.key === "ArrowDown" ? event.currentTarget.nextElementSibling : event.currentTarget.previousElementSibling;
      (item as HTMLElement | null)?.focus();
    }
  };

  if (suggestions.length === 0) return <p className="muted">No suggested claims left in this article.</p>;
  return (
    <ol className="suggestion-list" ref={listRef} aria-label="Suggested claims">
      {suggestions.map((s) => {
        const speaker = s.speakerName ?? "the article itself";
        const when = s.resolvesOn ? `resolves on ${formatDate(s.resolvesOn)}` : s.resolvesRange ? `resolves ${formatDate(s.resolvesRange.from)} – ${formatDate(s.resolvesRange.to)}` : null;
        return (
          <li
            key={s.id}
            tabIndex={0}
            data-suggestion-id={s.id}
            className={`suggestion-item${s.id === activeId ? " active" : ""}`}
            aria-label={`Suggested claim: “${s.quote}”, ${speaker}`}
            aria-keyshortcuts="Enter x"
            aria-busy={busyId === s.id}
            onKeyDown={(event) => onKeyDown(event, s)}
            onFocus={() => onFocusSuggestion(s)}
          >
            <span className="quote">“{s.quote}”</span>
            <span className="muted">
              {speaker}
              {s.speakerId === undefined && s.speakerName ? " (new speaker)" : ""} · {TYPE_LABEL[s.type]}
              {s.kind === "quotation" ? " · direct quotation" : " · reported"}
              {when ? ` · ${when}` : ""}
            </span>
            <span className="why">Why: {s.why}</span>
            <span className="actions">
              <button type="button" disabled={busyId === s.id} onClick={() => onAccept(s)}>
                Accept
              </button>
              <button type="button" disabled={busyId === s.id} onClick={() => onDismiss(s)}>
                Dismiss
              </button>
            </span>
          </li>
        );
      })}
    </ol>
  );
}
