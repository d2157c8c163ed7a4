import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import { apiTokens, users } from "@/db/schema";
import { clearAccountFailures } from "@/lib/auth/limiter";
import { hashPassword } from "@/lib/auth/password";
import { endSessionsOf } from "@/lib/auth/sessions";
import { domainWrite, domainWriteAfter, type AuditEntry } from "@/lib/domain-write";
import type { ActorRef } from "@/lib/auth/actor";
import { DomainFailure, type Result } from "@/lib/result";
import type { Tx } from "@/lib/audit";
import {
  changeRoleInput,
  createUserInput,
  endSessionsInput,
  resetPasswordInput,
  setDisabledInput,
  unlockInput,
} from "@/lib/validation/users";

/** What of a user may leave lib/: never the hash. */
export const publicUserColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  disabled: users.disabled,
};
export type PublicUser = { id: number; email: string; name: string; role: "admin" | "reviewer" | "viewer"; disabled: boolean };

async function findByEmail(tx: Tx, email: string) {
  const [row] = await tx.select(publicUserColumns).from(users).where(eq(sql`lower(${users.email})`, email.toLowerCase())).limit(1);
  return row;
}

async function getOrFail(tx: Tx, userId: number): Promise<PublicUser> {
  const [row] = await tx.select(publicUserColumns).from(users).where(eq(users.id, userId)).limit(1);
  if (!row) throw new DomainFailure({ code: "not_found", message: "No such user." });
  return row;
}

/**
 * When an account's trust is withdrawn (disabled, password reset, "sign out
 * everywhere"), everything that acts as it stops: every session (their rows
 * end, and sessions_valid_from covers any cookie without a row) and, unless
 * only sessions are ended, every personal access token.
 */
async function withdrawTrust(tx: Tx, userId: number, options: { tokens: boolean }, audit: (entry: AuditEntry) => Promise<void>) {
  const now = Date.now();
  await tx.update(users).set({ sessionsValidFrom: now }).where(eq(users.id, userId));
  const sessionsEnded = await endSessionsOf(tx, userId, now);
  const revoked = options.tokens
    ? await tx
        .update(apiTokens)
        .set({ revokedAt: new Date(now).toISOString() })
        .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
        .returning({ id: apiTokens.id, name: apiTokens.name })
    : [];
  for (const token of revoked) {
    await audit({ action: "token.revoke", entity: "api_token", entityId: token.id, before: { revokedAt: null }, after: { reason: "account trust withdrawn" } });
  }
  return { sessionsEnded, tokensRevoked: revoked.length };
}

export async function createUser(actor: ActorRef, input: unknown): Promise<Result<PublicUser>> {
  return insertUser(actor, input, createUserInput);
}

/**
 * Demo accounts take whatever DEMO_PASSWORD says, however short: they are
 * for a laptop demo, and the README says so.
 */
const demoUserInput = createUserInput.extend({ password: z.string().min(1).max(200) });
export async function createDemoUser(actor: ActorRef, input: unknown): Promise<Result<PublicUser>> {
  return insertUser(actor, input, demoUserInput);
}

async function insertUser(
  actor: ActorRef,
  input: unknown,
  schema: typeof createUserInput | typeof demoUserInput,
): Promise<Result<PublicUser>> {
  return domainWriteAfter({
    actor,
    role: "admin",
    schema,
    input,
    prepare: (data) => hashPassword(data.password),
    run: async ({ tx, input: data, audit, prepared: passwordHash }) => {
      if (await findByEmail(tx, data.email)) {
        throw new DomainFailure({
          code: "conflict",
          message: `An account for ${data.email} exists already.`,
          fields: { email: "An account with this email exists already." },
        });
      }
      const row = (
        await tx
          .insert(users)
          .values({ email: data.email, name: data.name, role: data.role, passwordHash })
          .returning(publicUserColumns)
      )[0]!;
      await audit({ action: "user.create", entity: "user", entityId: row.id, after: row });
      return row;
    },
  });
}

export function changeRole(actor: ActorRef, input: unknown): Promise<Result<PublicUser>> {
  return domainWrite({
    actor,
    role: "admin",
    schema: changeRoleInput,
    input,
    run: async ({ tx, actor: me, input: data, audit }) => {
      const before = await getOrFail(tx, data.userId);
      if (me.id === data.userId && data.role !== "admin") {
        throw new DomainFailure({ code: "invalid", message: "You cannot remove your own admin role." });
      }
      const after = (
        await tx
          .update(users)
          .set({ role: data.role, updatedAt: new Date().toISOString() })
          .where(eq(users.id, data.userId))
          .returning(publicUserColumns)
      )[0]!;
      await audit({ action: "user.change_role", entity: "user", entityId: data.userId, before, after });
      return after;
    },
  });
}

export function setDisabled(actor: ActorRef, input: unknown): Promise<Result<PublicUser>> {
  return domainWrite({
    actor,
    role: "admin",
    schema: setDisabledInput,
    input,
    run: async ({ tx, actor: me, input: data, audit }) => {
      const before = await getOrFail(tx, data.userId);
      if (me.id === data.userId && data.disabled) {
        throw new DomainFailure({ code: "invalid", message: "You cannot disable your own account." });
      }
      const after = (
        await tx
          .update(users)
          .set({ disabled: data.disabled, updatedAt: new Date().toISOString() })
          .where(eq(users.id, data.userId))
          .returning(publicUserColumns)
      )[0]!;
      // disabling ends every session and token it had: re-enabling the account brings none back
      const withdrawn = data.disabled ? await withdrawTrust(tx, data.userId, { tokens: true }, audit) : null;
      await audit({ action: data.disabled ? "user.disable" : "user.enable", entity: "user", entityId: data.userId, before, after: { ...after, ...withdrawn } });
      return after;
    },
  });
}

export async function resetPassword(actor: ActorRef, input: unknown): Promise<Result<PublicUser>> {
  return domainWriteAfter({
    actor,
    role: "admin",
    schema: resetPasswordInput,
    input,
    prepare: (data) => hashPassword(data.password),
    run: async ({ tx, input: data, audit, prepared: passwordHash }) => {
      await getOrFail(tx, data.userId);
      const after = (
        await tx
          .update(users)
          .set({ passwordHash, updatedAt: new Date().toISOString() })
          .where(eq(users.id, data.userId))
          .returning(publicUserColumns)
      )[0]!;
      // a reset password ends the sessions signed in with the old one, and the tokens made under it
      const withdrawn = await withdrawTrust(tx, data.userId, { tokens: true }, audit);
      // the audit row says that it changed, never what it is
      await audit({ action: "user.reset_password", entity: "user", entityId: data.userId, after: withdrawn });
      return after;
    },
  });
}

/**
 * "Sign out everywhere": ends every session of the account (tokens stay:
 * they are the account's scripts, revoked one by one). Anyone for themselves,
 * an admin for anyone.
 */
export function endAllSessions(actor: ActorRef, input: unknown) {
  return domainWrite({
    actor,
    role: "viewer",
    schema: endSessionsInput,
    input,
    run: async ({ tx, actor: me, input: data, audit }) => {
      if (data.userId !== me.id && me.role !== "admin") {
        throw new DomainFailure({ code: "forbidden", message: "Only an admin may sign another account out." });
      }
      await getOrFail(tx, data.userId);
      const withdrawn = await withdrawTrust(tx, data.userId, { tokens: false }, audit);
      await audit({ action: "user.end_sessions", entity: "user", entityId: data.userId, after: withdrawn });
      return withdrawn;
    },
  });
}

/** Lifts every sign-in lock and slow-down on an account, at every address. */
export function unlockAccount(actor: ActorRef, input: unknown) {
  return domainWrite({
    actor,
    role: "admin",
    schema: unlockInput,
    input,
    run: async ({ tx, input: data, audit }) => {
      const user = await getOrFail(tx, data.userId);
      const cleared = await clearAccountFailures(tx, user.email);
      await audit({ action: "user.unlock", entity: "user", entityId: user.id, after: { failuresCleared: cleared } });
      return { email: user.email, cleared };
    },
  });
}
