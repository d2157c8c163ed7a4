"use client";

import { useEffect } from "react";

/**
 * j and k move the focus down and up the page's rows (every link marked
 * `data-row-link`, in document order); Enter follows the focused one, as a
 * link does. Mounted once on a page of lists (the dashboard, search results).
 */
export function ListKeys() {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if ((event.key !== "j" && event.key !== "k") || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
      const target = event.target;
      if (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return;
      const rows = Array.from(document.querySelectorAll<HTMLAnchorElement>("a[data-row-link]"));
      if (rows.length === 0) return;
      const at = rows.indexOf(document.activeElement as HTMLAnchorElement);
      const next = at === -1 ? (event.key === "j" ? 0 : rows.length - 1) : Math.min(Math.max(at + (event.key === "j" ? 1 : -1), 0), rows.length - 1);
      event.preventDefault();
      rows[next]!.focus();
      rows[next]!.scrollIntoView({ block: "nearest" });
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, []);
  return null;
}
