"use client";

import { useSyncExternalStore } from "react";

const never = () => () => {};

/** False in the server's HTML and during hydration, true once React runs the page: a form that needs script waits for it. */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    never,
    () => true,
    () => false,
  );
}
