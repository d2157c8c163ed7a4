import "server-only";
import type { z } from "zod";
import { asc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { users, type Role } from "@/db/schema";
import { writeAudit, type Tx } from "@/lib/audit";
import { loadActor, type Actor, type ActorRef } from "@/lib/auth/actor";
import { DomainFailure, fail, ok, type DomainError, type Result } from "@/lib/result";
import { zodFields } from "@/lib/validation/fields";

type WriteContext<I> = {
  tx: Tx;
  actor: Actor;
  input: I;
  audit: (entry: AuditEntry) => void;
  /** the user a created row belongs to: the actor, or for the system the first admin */
  ownerId: () => number;
};

type WriteOptions<S extends z.ZodType, T> = {
  actor: ActorRef;
  role: Role;
  schema: S;
  input: unknown;
  run: (ctx: WriteContext<z.output<S>>) => T;
};

/**
 * The doors are async, so that an engine whose statements are awaited (a
 * connection pool) can sit behind the same doors. On SQLite the work inside
 * the transaction stays synchronous: one connection, and a transaction that
 * awaited would let another write's statements run inside it. `transact`
 * refuses a run that returns a promise, rolling back.
 */

/**
 * The one shape of every write: parse the input with its zod schema, then in
 * one synchronous transaction re-read the actor's role, do the write and
 * append its audit row. A DomainFailure thrown by `run` rolls everything back
 * and comes out as a typed failure.
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
    run: (ctx: WriteContext<z.output<S>> & { prepared: P }) => T;
  },
): Promise<Result<T>> {
  const parsed = options.schema.safeParse(options.input);
  if (!parsed.success) return refused(options.actor, options.role, parsed.error);
  const who = loadActor(options.actor, options.role);
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
function refused(actor: ActorRef, role: Role, error: z.ZodError): { ok: false; error: DomainError } {
  const who = loadActor(actor, role);
  if (!who.ok) return who;
  return fail("invalid", "Some values are not valid.", zodFields(error));
}

function transact<I, T>(options: { actor: ActorRef; role: Role; run: (ctx: WriteContext<I>) => T }, input: I): Result<T> {
  try {
    return ok(
      // IMMEDIATE takes the write lock before the first read, so a read-then-write never
      // meets SQLITE_BUSY half-way when another process writes too (busy_timeout waits instead)
      getDb().transaction((tx) => {
        const who = loadActor(options.actor, options.role, tx);
        if (!who.ok) throw new DomainFailure(who.error);
        const actor = who.actor;
        const value = options.run({
          tx,
          actor,
          input,
          audit: (entry) => writeAudit(tx, { actor, ...entry }),
          ownerId: () => actor.id ?? firstAdminId(tx),
        });
        if (isThenable(value)) throw new Error("A door's work on SQLite must not await inside its transaction (another write could interleave); do the slow part before it.");
        return value;
      }, { behavior: "immediate" }),
    );
  } catch (error) {
    if (error instanceof DomainFailure) return { ok: false, error: error.error };
    throw error;
  }
}

const isThenable = (value: unknown): value is PromiseLike<unknown> =>
  typeof value === "object" && value !== null && typeof (value as { then?: unknown }).then === "function";

export type AuditEntry = {
  action: string;
  entity: string;
  entityId: number | null;
  before?: unknown;
  after?: unknown;
};

function firstAdminId(tx: Tx): number {
  const admin = tx.select({ id: users.id }).from(users).where(eq(users.role, "admin")).orderBy(asc(users.id)).get();
  if (!admin) throw new DomainFailure({ code: "invalid", message: "Create an admin account first." });
  return admin.id;
}
