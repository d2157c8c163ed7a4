"use client";

import { memo, type ReactNode, type RefObject } from "react";
import type { Paragraph } from "@/lib/anchoring/segments";
import type { ReaderClaim, ReaderSuggestion } from "./reader-types";
import { STATUS_LABEL } from "./status";

/**
 * The article with each claim as a <mark>. Every run of text sits in a span
 * carrying its body offset (`data-start`), which is how a selection is mapped
 * back to the body (see text-selection.ts).
 */
export const ArticleText = memo(function ArticleText({
  paragraphs,
  claims,
  suggestions,
  selectedId,
  onPick,
  onPickSuggestion,
  articleRef,
}: {
  paragraphs: Paragraph[];
  claims: ReadonlyMap<number, ReaderClaim>;
  suggestions?: ReadonlyMap<number, ReaderSuggestion>;
  selectedId: number | null;
  onPick: (id: number) => void;
  onPickSuggestion?: (id: number) => void;
  articleRef: RefObject<HTMLElement | null>;
}) {
  // a suggested claim: dashed, no fill, so it never reads as a claim of some status
  const renderSuggested = (ids: number[], inner: ReactNode, start: number): ReactNode =>
    ids.reduceRight<ReactNode>((content, id) => {
      const suggestion = suggestions?.get(id);
      if (!suggestion) return content;
      return (
        <mark
          key={`${start}-s${id}`}
          className="suggestion"
          data-suggestion-id={id}
          title={`Suggested claim · ${suggestion.speakerName ?? "the article itself"}`}
          onClick={() => {
            if (!document.getSelection()?.isCollapsed) return;
            onPickSuggestion?.(id);
          }}
        >
          {content}
        </mark>
      );
    }, inner);

  const renderMarks = (ids: number[], text: string, start: number, suggestionIds: number[] = []): ReactNode =>
    ids.reduceRight<ReactNode>(
      (inner, id) => {
        const claim = claims.get(id);
        if (!claim) return inner;
        return (
          <mark
            key={`${start}-${id}`}
            className={`claim status-${claim.status}${id === selectedId ? " selected" : ""}`}
            data-claim-id={id}
            data-status={claim.status}
            title={`${claim.speaker.name} · ${STATUS_LABEL[claim.status]}`}
            onClick={(event) => {
              event.stopPropagation();
              // a drag that ends on a mark selects text, not the claim
              if (!document.getSelection()?.isCollapsed) return;
              onPick(id);
            }}
          >
            {inner}
          </mark>
        );
      },
      renderSuggested(
        suggestionIds,
        <span key={start} data-start={start}>
          {text}
        </span>,
        start,
      ),
    );

  return (
    <article className="article-body" aria-label="Article text" ref={articleRef} tabIndex={-1}>
      {paragraphs.map((p) => (
        <p key={p.start}>{p.segments.map((s) => renderMarks(s.claimIds, s.text, s.start, s.suggestionIds))}</p>
      ))}
    </article>
  );
});
