"use client";

import { useEffect, useRef, useState } from "react";

export type Answer<T> = { text: string; items: T[]; failed: boolean };

/**
 * What the server finds for the text typed in a combobox, for both of the
 * desk's comboboxes: asked 150 ms after the last keystroke while the list is
 * open; an answer to an older text is dropped. The highlighted option is
 * cleared when the answer is for a new text, and kept when the list reopens
 * and the same text is answered again (else ArrowDown's pick would vanish
 * under the user's finger). `search` must keep its identity between renders.
 */
export function useComboboxSearch<T>(open: boolean, text: string, search: (text: string) => Promise<T[] | null>) {
  const [found, setFound] = useState<Answer<T>>({ text: "", items: [], failed: false });
  const [active, setActive] = useState(-1);
  const answered = useRef("");

  useEffect(() => {
    if (!open || !text) return;
    let stale = false;
    const timer = setTimeout(async () => {
      let items: T[] | null;
      try {
        items = await search(text);
      } catch {
        items = null;
      }
      if (stale) return;
      setFound({ text, items: items ?? [], failed: items === null });
      if (answered.current !== text) setActive(-1);
      answered.current = text;
    }, 150);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [open, text, search]);

  return { found, active, setActive };
}
