import "server-only";
import { and, eq, gt, inArray, lt } from "drizzle-orm";
import { getDb } from "@/db/client";
import { signInFailures } from "@/db/schema";

/**
 * Failed sign-ins are counted per account and per client address in the
 * database, so the limit holds across restarts and across processes.
 * The tenth failure within the window locks further tries on that key until
 * the oldest of those failures leaves the window.
 */
export const WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES = 10;

export const accountKey = (email: string) => `account:${email.trim().toLowerCase()}`;
export const addressKey = (address: string) => `address:${address}`;

export type LockState = { locked: false } | { locked: true; retryAfterMs: number };

export function lockState(keys: readonly string[], now = Date.now()): LockState {
  let retryAfterMs = 0;
  for (const key of keys) {
    const recent = getDb()
      .select({ at: signInFailures.at })
      .from(signInFailures)
      .where(and(eq(signInFailures.key, key), gt(signInFailures.at, now - WINDOW_MS)))
      .orderBy(signInFailures.at)
      .all();
    if (recent.length >= MAX_FAILURES) {
      // unlocked once fewer than MAX_FAILURES remain in the window
      const releasing = recent[recent.length - MAX_FAILURES]!.at;
      retryAfterMs = Math.max(retryAfterMs, releasing + WINDOW_MS - now);
    }
  }
  return retryAfterMs > 0 ? { locked: true, retryAfterMs } : { locked: false };
}

export function recordFailure(keys: readonly string[], now = Date.now()): void {
  const db = getDb();
  db.transaction((tx) => {
    tx.insert(signInFailures).values(keys.map((key) => ({ key, at: now }))).run();
    tx.delete(signInFailures).where(lt(signInFailures.at, now - WINDOW_MS)).run();
  });
}

export function clearFailures(keys: readonly string[]): void {
  getDb().delete(signInFailures).where(inArray(signInFailures.key, [...keys])).run();
}
