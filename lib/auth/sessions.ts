import "server-only";
import { randomBytes } from "node:crypto";
import { and, eq, isNull, lt } from "drizzle-orm";
import { getDb } from "@/db/client";
import { sessions } from "@/db/schema";
import type { Tx } from "@/lib/audit";

/**
 * Sessions on the server. The cookie is a sealed JWT that names its session
 * row (`sid`); the row says whether the session is still on. Sign-out ends the
 * row, so a copy of the cookie taken before it is refused after it, by every
 * server of the desk (the row is in the shared database, not in a process).
 */

/** Rows older than this are pruned at the next sign-in: far past any cookie's life. */
const KEEP_MS = 30 * 24 * 60 * 60 * 1000;

/** A new session for a sign-in; its id goes into the cookie. */
export function startSession(userId: number, now = Date.now()): string {
  const id = randomBytes(24).toString("base64url");
  const db = getDb();
  db.transaction((tx) => {
    tx.insert(sessions).values({ id, userId, startedAt: now }).run();
    tx.delete(sessions).where(lt(sessions.startedAt, now - KEEP_MS)).run();
  });
  return id;
}

/** Sign-out of one session (the one whose cookie is being cleared). */
export function endSession(id: string, now = Date.now()): void {
  getDb().update(sessions).set({ endedAt: now }).where(and(eq(sessions.id, id), isNull(sessions.endedAt))).run();
}

/** Every session of an account, inside the transaction of the write that ends them. */
export function endSessionsOf(tx: Tx, userId: number, now = Date.now()): number {
  return tx
    .update(sessions)
    .set({ endedAt: now })
    .where(and(eq(sessions.userId, userId), isNull(sessions.endedAt)))
    .returning({ id: sessions.id })
    .all().length;
}

/** Whether the session a cookie names is on, for that user. */
export function sessionIsLive(id: unknown, userId: number): boolean {
  if (typeof id !== "string" || !id) return false;
  const row = getDb()
    .select({ endedAt: sessions.endedAt })
    .from(sessions)
    .where(and(eq(sessions.id, id), eq(sessions.userId, userId)))
    .get();
  return row !== undefined && row.endedAt === null;
}
