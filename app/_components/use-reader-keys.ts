"use client";

import { useEffect, useRef } from "react";
import type { ClaimStatus } from "@/db/schema";

/** Each returns whether it did something, so that an unused key keeps its ordinary meaning. */
export type ReaderKeys = {
  escape: () => boolean;
  add: () => boolean;
  /** to the suggested claims */
  suggestion: () => boolean;
  verdict: (status: ClaimStatus) => boolean;
  move: (step: 1 | -1) => boolean;
};

const VERDICT_KEYS: Record<string, ClaimStatus> = { c: "corroborated", x: "contradicted", p: "pending" };

/** Keys typed into a field are text, not commands. Radios, checkboxes and buttons take no text. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) return !["radio", "checkbox", "button", "submit", "reset", "range", "color"].includes(target.type);
  return false;
}

/**
 * The reader's single-letter keys: a (add a claim from the selection), s (to
 * the suggested claims),
 * c / x / p (corroborated, contradicted, pending), j / k (next, previous
 * claim) and Escape. Listens on window, so that a control that handled a key
 * itself (a combobox closing its list on Escape) has already said so.
 */
export function useReaderKeys(keys: ReaderKeys) {
  const latest = useRef(keys);
  useEffect(() => {
    latest.current = keys;
  });

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return;
      const k = latest.current;
      let handled = false;
      if (event.key === "Escape") handled = k.escape();
      else if (isTyping(event.target)) return;
      else if (event.key === "a") handled = k.add();
      else if (event.key === "s") handled = k.suggestion();
      else if (event.key in VERDICT_KEYS) handled = k.verdict(VERDICT_KEYS[event.key]!);
      else if (event.key === "j") handled = k.move(1);
      else if (event.key === "k") handled = k.move(-1);
      // the key must not also land as a letter in the field the command focused
      if (handled) event.preventDefault();
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, []);
}
