import "server-only";
import { randomBytes } from "node:crypto";
import { and, eq, isNull, lt } from "drizzle-orm";
import { getDb, transaction } from "@/db/client";
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
export async function startSession(userId: number, now = Date.now()): Promise<string> {
  const id = randomBytes(24).toString("base64url");
  await transaction(async (tx) => {
    await tx.insert(sessions).values({ id, userId, startedAt: now });
    await tx.delete(sessions).where(lt(sessions.startedAt, now - KEEP_MS));
  });
  return id;
}

/** Sign-out of one session (the one whose cookie is being cleared). */
export async function endSession(id: string, now = Date.now()): Promise<void> {
  await transaction(async (tx) => {
    await tx.update(sessions).set({ endedAt: now }).where(and(eq(sessions.id, id), isNull(sessions.endedAt)));
  });
}

/** Every session of an account, inside the transaction of the write that ends them. */
export async function endSessionsOf(tx: Tx, userId: number, now = Date.now()): Promise<number> {
  const ended = await tx
    .update(sessions)
    .set({ endedAt: now })
    .where(and(eq(sessions.userId, userId), isNull(sessions.endedAt)))
    .returning({ id: sessions.id });
  return ended.length;
}

/** Whether the session a cookie names is on, for that user. */
export async function sessionIsLive(id: unknown, userId: number): Promise<boolean> {
  if (typeof id !== "string" || !id) return false;
  const [row] = await getDb()
    .select({ endedAt: sessions.endedAt })
    .from(sessions)
    .where(and(eq(sessions.id, id), eq(sessions.userId, userId)))
    .limit(1);
  return row !== undefined && row.endedAt === null;
}
