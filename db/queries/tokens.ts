import "server-only";
import { asc, eq, isNull } from "drizzle-orm";
import { getDb } from "../client";
import { apiTokens } from "../schema";

/** A user's tokens, never their hashes. */
export function listTokens(userId: number) {
  return getDb()
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      prefix: apiTokens.prefix,
      createdAt: apiTokens.createdAt,
      lastUsedAt: apiTokens.lastUsedAt,
      revokedAt: apiTokens.revokedAt,
    })
    .from(apiTokens)
    .where(eq(apiTokens.userId, userId))
    .orderBy(apiTokens.id)
    .all();
}

/** Every live token, by owner, for the admin page (never their hashes). */
export function listLiveTokensByUser() {
  const rows = getDb()
    .select({ id: apiTokens.id, userId: apiTokens.userId, name: apiTokens.name, prefix: apiTokens.prefix, lastUsedAt: apiTokens.lastUsedAt })
    .from(apiTokens)
    .where(isNull(apiTokens.revokedAt))
    .orderBy(asc(apiTokens.id))
    .all();
  const byUser = new Map<number, typeof rows>();
  for (const row of rows) (byUser.get(row.userId) ?? byUser.set(row.userId, []).get(row.userId)!).push(row);
  return byUser;
}
