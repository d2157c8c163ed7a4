import "server-only";
import type { z } from "zod";
import { asc, eq } from "drizzle-orm";
import { transaction, type Tx } from "@/db/client";
import { users, type Role } from "@/db/schema";
import { writeAudit } from "@/lib/audit";
import { loadActor, type Actor, type ActorRef } from "@/lib/auth/actor";
import { DomainFailure, fail, ok, type DomainError, type Result } from "@/lib/result";
import { zodFields } from "@/lib/validation/fields";

type WriteContext<I> = {
  tx: Tx;
  actor: Actor;
  input: I;
  audit: (entry: AuditEntry) => Promise<void>;
  /** the user a created row belongs to: the actor, or for the system the first admin */
  ownerId: () => Promise<number>;
};

type WriteOptions<S extends z.ZodType, T> = {
  actor: ActorRef;
  role: Role;
  schema: S;
  input: unknown;
  run: (ctx: WriteContext<z.output<S>>) => Promise<T>;
};

/**
 * The one shape of every write: parse the input with its zod schema, then in
 * one transaction re-read the actor's role, do the write and append its audit
 * row. A DomainFailure thrown by `run` rolls everything back and comes out as
 * a typed failure.
 *
 * The work awaits its statements, on both engines, and runs every one of them
 * through `tx`, the write's own transaction (db/client.ts `transaction`: on
 * SQLite one write at a time on the write connection, on PostgreSQL one
 * pooled connection held to the commit). A statement on the global handle
 * would run beside the write, not in it.
 */
export async function domainWrite<S extends z.ZodType, T>(options: WriteOptions<S, T>): Promise<Result<T>> {
  const parsed = options.schema.safeParse(options.input);
  if (!parsed.success) return refused(options.actor, options.role, parsed.error);
  return transact(options, parsed.data);
}

/**
 * domainWrite for a write that needs slow work on its input before the
 * transaction (a password hash: argon2 is async and costs 19 MiB). The work is
 * done only for an actor allowed to write and an input that parses, so no one
 * without the role can make the server hash; the role is checked again inside
 * the transaction, as for every write.
 */
export async function domainWriteAfter<S extends z.ZodType, P, T>(
  options: Omit<WriteOptions<S, T>, "run"> & {
    prepare: (input: z.output<S>) => Promise<P>;
    run: (ctx: WriteContext<z.output<S>> & { prepared: P }) => Promise<T>;
  },
): Promise<Result<T>> {
  const parsed = options.schema.safeParse(options.input);
  if (!parsed.success) return refused(options.actor, options.role, parsed.error);
  const who = await loadActor(options.actor, options.role);
  if (!who.ok) return who;
  let prepared: P;
  try {
    prepared = await options.prepare(parsed.data);
  } catch (error) {
    // the slow work found the input unusable (a page that cannot be fetched, an empty article)
    if (error instanceof DomainFailure) return { ok: false, error: error.error };
    throw error;
  }
  return transact({ ...options, run: (ctx) => options.run({ ...ctx, prepared }) }, parsed.data);
}

/** Bad input: the role check still comes first, so a viewer learns nothing from validation. */
async function refused(actor: ActorRef, role: Role, error: z.ZodError): Promise<{ ok: false; error: DomainError }> {
  const who = await loadActor(actor, role);
  if (!who.ok) return who;
  return fail("invalid", "Some values are not valid.", zodFields(error));
}

async function transact<I, T>(options: { actor: ActorRef; role: Role; run: (ctx: WriteContext<I>) => Promise<T> }, input: I): Promise<Result<T>> {
  try {
    return ok(
      await transaction(async (tx) => {
        const who = await loadActor(options.actor, options.role, tx);
        if (!who.ok) throw new DomainFailure(who.error);
        const actor = who.actor;
        return options.run({
          tx,
          actor,
          input,
          audit: (entry) => writeAudit(tx, { actor, ...entry }),
          ownerId: async () => actor.id ?? (await firstAdminId(tx)),
        });
      }),
    );
  } catch (error) {
    if (error instanceof DomainFailure) return { ok: false, error: error.error };
    throw error;
  }
}

export type AuditEntry = {
  action: string;
  entity: string;
  entityId: number | null;
  before?: unknown;
  after?: unknown;
};

async function firstAdminId(tx: Tx): Promise<number> {
  const [admin] = await tx.select({ id: users.id }).from(users).where(eq(users.role, "admin")).orderBy(asc(users.id)).limit(1);
  if (!admin) throw new DomainFailure({ code: "invalid", message: "Create an admin account first." });
  return admin.id;
}
