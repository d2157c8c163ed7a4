"use client";

import { useEffect, useRef } from "react";

/** Keys typed into a field are text, not commands. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement || target instanceof HTMLInputElement;
}

/** The desk's one search box, in the header on every page; "/" focuses it. */
export function HeaderSearch({ initial = "" }: { initial?: string }) {
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented || isTyping(event.target)) return;
      event.preventDefault();
      input.current?.focus();
      input.current?.select();
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, []);
  return (
    <form role="search" action="/search" method="get" className="header-search" aria-label="Search the desk">
      <input
        ref={input}
        type="search"
        name="q"
        defaultValue={initial}
        placeholder="Search the desk ( / )"
        aria-label="Search the desk"
        aria-keyshortcuts="/"
        maxLength={300}
      />
    </form>
  );
}
