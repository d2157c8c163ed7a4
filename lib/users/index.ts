import "server-only";
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { users } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { domainWrite } from "@/lib/domain-write";
import type { ActorRef } from "@/lib/auth/actor";
import { DomainFailure, type Result } from "@/lib/result";
import type { Tx } from "@/lib/audit";
import {
  changeRoleInput,
  createUserInput,
  resetPasswordInput,
  setDisabledInput,
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

function findByEmail(tx: Tx, email: string) {
  return tx.select(publicUserColumns).from(users).where(eq(sql`lower(${users.email})`, email.toLowerCase())).get();
}

function getOrFail(tx: Tx, userId: number): PublicUser {
  const row = tx.select(publicUserColumns).from(users).where(eq(users.id, userId)).get();
  if (!row) throw new DomainFailure({ code: "not_found", message: "No such user." });
  return row;
}

/** Argon2 is async and slow, so the hash is made before the (synchronous) transaction. */
async function hashIfPresent(input: unknown): Promise<string | null> {
  const pw = (input as { password?: unknown } | null)?.password;
  return typeof pw === "string" && pw.length > 0 && pw.length <= 200 ? hashPassword(pw) : null;
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
  const passwordHash = await hashIfPresent(input);
  return domainWrite({
    actor,
    role: "admin",
    schema,
    input,
    run: ({ tx, input: data, audit }) => {
      if (findByEmail(tx, data.email)) {
        throw new DomainFailure({
          code: "conflict",
          message: `An account for ${data.email} exists already.`,
          fields: { email: "An account with this email exists already." },
        });
      }
      const row = tx
        .insert(users)
        .values({ email: data.email, name: data.name, role: data.role, passwordHash: passwordHash! })
        .returning(publicUserColumns)
        .get();
      audit({ action: "user.create", entity: "user", entityId: row.id, after: row });
      return row;
    },
  });
}

export function changeRole(actor: ActorRef, input: unknown): Result<PublicUser> {
  return domainWrite({
    actor,
    role: "admin",
    schema: changeRoleInput,
    input,
    run: ({ tx, actor: me, input: data, audit }) => {
      const before = getOrFail(tx, data.userId);
      if (me.id === data.userId && data.role !== "admin") {
        throw new DomainFailure({ code: "invalid", message: "You cannot remove your own admin role." });
      }
      const after = tx
        .update(users)
        .set({ role: data.role, updatedAt: new Date().toISOString() })
        .where(eq(users.id, data.userId))
        .returning(publicUserColumns)
        .get();
      audit({ action: "user.change_role", entity: "user", entityId: data.userId, before, after });
      return after;
    },
  });
}

export function setDisabled(actor: ActorRef, input: unknown): Result<PublicUser> {
  return domainWrite({
    actor,
    role: "admin",
    schema: setDisabledInput,
    input,
    run: ({ tx, actor: me, input: data, audit }) => {
      const before = getOrFail(tx, data.userId);
      if (me.id === data.userId && data.disabled) {
        throw new DomainFailure({ code: "invalid", message: "You cannot disable your own account." });
      }
      const after = tx
        .update(users)
        // disabling ends every session it had: re-enabling the account does not bring them back
        .set({ disabled: data.disabled, updatedAt: new Date().toISOString(), ...(data.disabled ? { sessionsValidFrom: Date.now() } : {}) })
        .where(eq(users.id, data.userId))
        .returning(publicUserColumns)
        .get();
      audit({ action: data.disabled ? "user.disable" : "user.enable", entity: "user", entityId: data.userId, before, after });
      return after;
    },
  });
}

export async function resetPassword(actor: ActorRef, input: unknown): Promise<Result<PublicUser>> {
  const passwordHash = await hashIfPresent(input);
  return domainWrite({
    actor,
    role: "admin",
    schema: resetPasswordInput,
    input,
    run: ({ tx, input: data, audit }) => {
      getOrFail(tx, data.userId);
      const after = tx
        .update(users)
        // a reset password ends the sessions signed in with the old one
        .set({ passwordHash: passwordHash!, updatedAt: new Date().toISOString(), sessionsValidFrom: Date.now() })
        .where(eq(users.id, data.userId))
        .returning(publicUserColumns)
        .get();
      // the audit row says that it changed, never what it is
      audit({ action: "user.reset_password", entity: "user", entityId: data.userId });
      return after;
    },
  });
}
