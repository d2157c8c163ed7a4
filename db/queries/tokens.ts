import "server-only";
import { eq } from "drizzle-orm";
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
