import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import { getDb, transaction } from "@/db/client";
import { apiTokens } from "@/db/schema";
import type { ActorRef } from "@/lib/auth/actor";
import { domainWrite } from "@/lib/domain-write";
import { DomainFailure } from "@/lib/result";
import { createTokenInput, revokeTokenInput } from "@/lib/validation/tokens";

/**
 * Personal access tokens: `cd_` and 32 random bytes, shown once, stored as a
 * SHA-256 hash (the token is random, so a slow hash buys nothing). A token
 * carries its owner's role as the database has it at each request.
 */
const PREFIX = "cd_";

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export function createToken(actor: ActorRef, input: unknown) {
  return domainWrite({
    actor,
    role: "viewer",
    schema: createTokenInput,
    input,
    run: async ({ tx, input: data, audit, ownerId }) => {
      const token = `${PREFIX}${randomBytes(32).toString("base64url")}`;
      const row = (
        await tx
          .insert(apiTokens)
          .values({ userId: await ownerId(), name: data.name, tokenHash: hashToken(token), prefix: token.slice(0, 10) })
          .returning({ id: apiTokens.id, name: apiTokens.name, prefix: apiTokens.prefix, createdAt: apiTokens.createdAt })
      )[0]!;
      await audit({ action: "token.create", entity: "api_token", entityId: row.id, after: row });
      return { ...row, token };
    },
  });
}

/** Owners revoke their own tokens; admins any. */
export function revokeToken(actor: ActorRef, input: unknown) {
  return domainWrite({
    actor,
    role: "viewer",
    schema: revokeTokenInput,
    input,
    run: async ({ tx, actor: me, input: data, audit }) => {
      const [token] = await tx.select().from(apiTokens).where(eq(apiTokens.id, data.tokenId)).limit(1);
      if (!token || (token.userId !== me.id && me.role !== "admin")) {
        throw new DomainFailure({ code: "not_found", message: "No such token." });
      }
      if (token.revokedAt) return token;
      const after = (
        await tx
          .update(apiTokens)
          .set({ revokedAt: new Date().toISOString() })
          .where(eq(apiTokens.id, token.id))
          .returning()
      )[0]!;
      await audit({ action: "token.revoke", entity: "api_token", entityId: token.id, before: { revokedAt: null }, after: { revokedAt: after.revokedAt } });
      return after;
    },
  });
}

/**
 * The owner of a live (unrevoked) bearer token, or null; whether that account
 * is still enabled is the caller's check. Touches last_used_at at most once a minute.
 */
export async function userForToken(token: string): Promise<number | null> {
  if (!token.startsWith(PREFIX) || token.length > 100) return null;
  const [row] = await getDb()
    .select({ id: apiTokens.id, userId: apiTokens.userId, lastUsedAt: apiTokens.lastUsedAt })
    .from(apiTokens)
    .where(and(eq(apiTokens.tokenHash, hashToken(token)), isNull(apiTokens.revokedAt)))
    .limit(1);
  if (!row) return null;
  const now = new Date();
  if (!row.lastUsedAt || now.getTime() - Date.parse(row.lastUsedAt) > 60_000) {
    await transaction(async (tx) => {
      await tx.update(apiTokens).set({ lastUsedAt: now.toISOString() }).where(eq(apiTokens.id, row.id));
    });
  }
  return row.userId;
}
