"use client";

import { useCallback, useMemo, useRef, useState } from "react";
import type { Paragraph } from "@/lib/anchoring/segments";
import { acceptSuggestionAction, dismissSuggestionAction } from "@/app/(desk)/_actions/suggestions";
import { callAction } from "./action-result";
import { ArticleText } from "./article-text";
import { ClaimForm } from "./claim-form";
import type { ReaderClaim, ReaderSuggestion, ReaderVerdict } from "./reader-types";
import { SuggestionList } from "./suggestion-list";
import { SelectedClaim } from "./selected-claim";
import { STATUS_LABEL } from "./status";
import type { TextCapture } from "./text-selection";
import { useReaderKeys } from "./use-reader-keys";
import { useTextCapture } from "./use-text-capture";
import type { VerdictPanelHandle } from "./verdict-panel";

export type { ReaderClaim, ReaderSuggestion, ReaderVerdict } from "./reader-types";

/**
 * The article with its claims highlighted and a side panel for the claim
 * picked. A reviewer also captures claims from selected text, takes or sets
 * aside the claims the desk suggests, and records verdicts here, by mouse or
 * by keys (a, s, Enter, x, c, p, j, k, Escape).
 */
export function Reader({
  sourceId,
  body,
  paragraphs,
  claims,
  suggestions = [],
  verdicts,
  canWrite,
}: {
  sourceId: number;
  body: string;
  paragraphs: Paragraph[];
  claims: ReaderClaim[];
  suggestions?: ReaderSuggestion[];
  verdicts: ReaderVerdict[];
  canWrite: boolean;
}) {
  const articleRef = useRef<HTMLElement>(null);
  const frameRef = useRef<HTMLDivElement>(null);
  const verdictRef = useRef<VerdictPanelHandle>(null);
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [draft, setDraft] = useState<TextCapture | null>(null);
  const [notice, setNotice] = useState("");
  const [capture, clearCapture] = useTextCapture(articleRef, frameRef, body, canWrite);
  const suggestionsRef = useRef<HTMLOListElement>(null);
  const [busySuggestion, setBusySuggestion] = useState<number | null>(null);
  const [activeSuggestion, setActiveSuggestion] = useState<number | null>(null);
  // decided here and still in the (about to refresh) props: hidden at once
  const [decided, setDecided] = useState<ReadonlySet<number>>(new Set());
  const openSuggestions = useMemo(() => suggestions.filter((s) => !decided.has(s.id)), [suggestions, decided]);
  const suggestionById = useMemo(() => new Map(openSuggestions.map((s) => [s.id, s])), [openSuggestions]);

  const focusSuggestion = (id: number | null) => {
    const item = id === null ? null : suggestionsRef.current?.querySelector<HTMLElement>(`[data-suggestion-id="${id}"]`);
    (item ?? suggestionsRef.current?.querySelector<HTMLElement>("[data-suggestion-id]"))?.focus();
  };
  /** After a decision, the next suggestion takes the focus, so the list can be worked from the keyboard. */
  const decide = async (s: ReaderSuggestion, accept: boolean) => {
    const at = openSuggestions.findIndex((o) => o.id === s.id);
    const next = openSuggestions[at + 1] ?? openSuggestions[at - 1] ?? null;
    setBusySuggestion(s.id);
    const result = await callAction(() => (accept ? acceptSuggestionAction({ suggestionId: s.id }) : dismissSuggestionAction({ suggestionId: s.id })));
    setBusySuggestion(null);
    if (!result.ok) {
      setNotice(`Not done: ${result.message}`);
      return;
    }
    setDecided((all) => new Set([...all, s.id]));
    if (accept && result.value) setSelectedId((result.value as { claimId: number }).claimId);
    setNotice(accept ? "Claim saved from the suggestion." : "Suggestion dismissed.");
    // the item is gone once the list re-renders; then the next one takes the focus
    requestAnimationFrame(() => focusSuggestion(next?.id ?? null));
  };

  const byId = useMemo(() => new Map(claims.map((c) => [c.id, c])), [claims]);
  const selected = selectedId === null ? null : (byId.get(selectedId) ?? null);
  const history = useMemo(() => verdicts.filter((v) => v.claimId === selectedId), [verdicts, selectedId]);

  const pick = useCallback((id: number) => setSelectedId(id), []);
  const openDraft = (from: TextCapture) => {
    setDraft({ start: from.start, end: from.end, quote: from.quote });
    setNotice("");
  };
  const closeDraft = () => {
    setDraft(null);
    articleRef.current?.focus({ preventScroll: true });
  };

  useReaderKeys({
    escape: () => {
      if (!draft) return false;
      closeDraft();
      return true;
    },
    add: () => {
      if (!canWrite || !capture) return false;
      openDraft(capture);
      return true;
    },
    suggestion: () => {
      if (!canWrite || openSuggestions.length === 0) return false;
      focusSuggestion(activeSuggestion);
      return true;
    },
    verdict: (status) => {
      if (!canWrite || !selected || !verdictRef.current) return false;
      verdictRef.current.choose(status);
      return true;
    },
    move: (step) => {
      if (claims.length === 0) return false;
      const at = claims.findIndex((c) => c.id === selectedId);
      const next = at === -1 ? (step === 1 ? 0 : claims.length - 1) : Math.min(Math.max(at + step, 0), claims.length - 1);
      const id = claims[next]!.id;
      setSelectedId(id);
      articleRef.current?.querySelector(`mark[data-claim-id="${id}"]`)?.scrollIntoView({ block: "center" });
      return true;
    },
  });

  const showAdd = canWrite && capture && !(draft && draft.start === capture.start && draft.end === capture.end);

  return (
    <div className="reader">
      <div className="reader-text" ref={frameRef}>
        <ArticleText
          paragraphs={paragraphs}
          claims={byId}
          suggestions={suggestionById}
          selectedId={selectedId}
          onPick={pick}
          onPickSuggestion={(id) => focusSuggestion(id)}
          articleRef={articleRef}
        />
        {showAdd ? (
          <button
            type="button"
            className="add-claim primary"
            style={{ top: capture.top, left: capture.left }}
            aria-keyshortcuts="a"
            // keep the text selected while the button is pressed
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => openDraft(capture)}
          >
            Add claim
          </button>
        ) : null}
      </div>
      <aside className="side-panel" aria-label="Claims in this article">
        {canWrite ? (
          <p className="hint keys">
            Select text and press <kbd>a</kbd> to add a claim; <kbd>j</kbd>/<kbd>k</kbd> next and previous claim;{" "}
            <kbd>c</kbd>, <kbd>x</kbd>, <kbd>p</kbd> to mark it corroborated, contradicted or pending.
            {openSuggestions.length > 0 ? (
              <>
                {" "}
                <kbd>s</kbd> goes to the suggested claims: <kbd>Enter</kbd> accepts one, <kbd>x</kbd> dismisses it.
              </>
            ) : null}
          </p>
        ) : null}
        {canWrite && draft ? (
          <ClaimForm
            sourceId={sourceId}
            capture={draft}
            onClose={closeDraft}
            onSaved={(id) => {
              setDraft(null);
              clearCapture();
              setSelectedId(id);
              setNotice("Claim saved.");
              articleRef.current?.focus({ preventScroll: true });
            }}
          />
        ) : null}
        <p role="status" className="form-ok">
          {notice}
        </p>
        <SelectedClaim claim={selected} history={history} canWrite={canWrite} sourceId={sourceId} verdictRef={verdictRef} />
        {canWrite && suggestions.length > 0 ? (
          <section aria-labelledby="suggested-heading" className="suggestions">
            <h2 id="suggested-heading">Suggested claims ({openSuggestions.length})</h2>
            <SuggestionList
              suggestions={openSuggestions}
              busyId={busySuggestion}
              activeId={activeSuggestion}
              listRef={suggestionsRef}
              onAccept={(s) => void decide(s, true)}
              onDismiss={(s) => void decide(s, false)}
              onFocusSuggestion={(s) => {
                setActiveSuggestion(s.id);
                articleRef.current?.querySelector(`mark[data-suggestion-id="${s.id}"]`)?.scrollIntoView({ block: "nearest" });
              }}
            />
          </section>
        ) : null}
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
                  {c.orphaned ? " · orphaned: the quote is no longer in the text" : ""}
                </span>
              </button>
            </li>
          ))}
        </ol>
      </aside>
    </div>
  );
}
