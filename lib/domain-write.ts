import "server-only";
import type { z } from "zod";
import { asc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { users, type Role } from "@/db/schema";
import { writeAudit, type Tx } from "@/lib/audit";
import { loadActor, type Actor, type ActorRef } from "@/lib/auth/actor";
import { DomainFailure, fail, ok, type Result } from "@/lib/result";
import { zodFields } from "@/lib/validation/fields";

/**
 * The one shape of every write: parse the input with its zod schema, then in
 * one synchronous transaction re-read the actor's role, do the write and
 * append its audit row. A DomainFailure thrown by `run` rolls everything back
 * and comes out as a typed failure.
 */
export function domainWrite<S extends z.ZodType, T>(options: {
  actor: ActorRef;
  role: Role;
  schema: S;
  input: unknown;
  run: (ctx: {
    tx: Tx;
    actor: Actor;
    input: z.output<S>;
    audit: (entry: AuditEntry) => void;
    /** the user a created row belongs to: the actor, or for the system the first admin */
    ownerId: () => number;
  }) => T;
}): Result<T> {
  const parsed = options.schema.safeParse(options.input);
  if (!parsed.success) {
    // the role check comes first even for bad input, so a viewer learns nothing from validation
    const who = loadActor(options.actor, options.role);
    if (!who.ok) return who;
    return fail("invalid", "Some values are not valid.", zodFields(parsed.error));
  }
  try {
    return ok(
      // IMMEDIATE takes the write lock before the first read, so a read-then-write never
      // meets SQLITE_BUSY half-way when another process writes too (busy_timeout waits instead)
      getDb().transaction((tx) => {
        const who = loadActor(options.actor, options.role);
        if (!who.ok) throw new DomainFailure(who.error);
        const actor = who.actor;
        return options.run({
          tx,
          actor,
          input: parsed.data,
          audit: (entry) => writeAudit({ actor, ...entry }),
          ownerId: () => actor.id ?? firstAdminId(tx),
        });
      }, { behavior: "immediate" }),
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

function firstAdminId(tx: Tx): number {
  const admin = tx.select({ id: users.id }).from(users).where(eq(users.role, "admin")).orderBy(asc(users.id)).get();
  if (!admin) throw new DomainFailure({ code: "invalid", message: "Create an admin account first." });
  return admin.id;
}
