import "server-only";
import { asc, eq, isNull } from "drizzle-orm";
import { getDb } from "../client";
import { apiTokens } from "../schema";

/** A user's tokens, never their hashes. */
export async function listTokens(userId: number) {
  return await getDb()
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
    .orderBy(apiTokens.id);
}

/** Every live token, by owner, for the admin page (never their hashes). */
export async function listLiveTokensByUser() {
  const rows = await getDb()
    .select({ id: apiTokens.id, userId: apiTokens.userId, name: apiTokens.name, prefix: apiTokens.prefix, lastUsedAt: apiTokens.lastUsedAt })
    .from(apiTokens)
    .where(isNull(apiTokens.revokedAt))
    .orderBy(asc(apiTokens.id));
  const byUser = new Map<number, typeof rows>();
  for (const row of rows) (byUser.get(row.userId) ?? byUser.set(row.userId, []).get(row.userId)!).push(row);
  return byUser;
}
