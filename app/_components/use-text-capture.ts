"use client";

import { useCallback, useEffect, useState, type RefObject } from "react";
import { captureSelection, selectionCorner, type TextCapture } from "./text-selection";

export type PendingCapture = TextCapture & { top: number; left: number };

const same = (a: PendingCapture | null, b: PendingCapture | null) =>
  a === b || (a !== null && b !== null && a.start === b.start && a.end === b.end && a.top === b.top && a.left === b.left);

/**
 * The text the reader has selected in the article, as body offsets, with the
 * spot for the "Add claim" button. Follows the document's selection while
 * `enabled`; `clear` drops the selection too.
 */
export function useTextCapture(
  articleRef: RefObject<HTMLElement | null>,
  frameRef: RefObject<HTMLElement | null>,
  body: string,
  enabled: boolean,
): [PendingCapture | null, () => void] {
  const [capture, setCapture] = useState<PendingCapture | null>(null);

  useEffect(() => {
    if (!enabled) return;
    const update = () => {
      const article = articleRef.current;
      const frame = frameRef.current;
      const selection = document.getSelection();
      const found = article ? captureSelection(article, body, selection) : null;
      const corner = found && frame ? selectionCorner(frame, selection) : null;
      const next = found && corner ? { ...found, ...corner } : null;
      setCapture((previous) => (same(previous, next) ? previous : next));
    };
    document.addEventListener("selectionchange", update);
    return () => document.removeEventListener("selectionchange", update);
  }, [articleRef, frameRef, body, enabled]);

  const clear = useCallback(() => {
    document.getSelection()?.removeAllRanges();
    setCapture(null);
  }, []);

  return [enabled ? capture : null, clear];
}
