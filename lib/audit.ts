import "server-only";
import { sql } from "drizzle-orm";
import { preparedPerShape, type Handle } from "@/db/prepared";
import { auditLog } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";

// every write appends one: prepared once per connection
const insertAudit = preparedPerShape((db) =>
  db
    .insert(auditLog)
    .values({
      actorId: sql.placeholder("actorId"),
      action: sql.placeholder("action"),
      entity: sql.placeholder("entity"),
      entityId: sql.placeholder("entityId"),
      before: sql.placeholder("before"),
      after: sql.placeholder("after"),
    })
    .prepare(),
);

/**
 * Appends one audit row. Only domainWrite calls it, through the transaction of
 * the write it records.
 */
export async function writeAudit(tx: Handle, entry: {
  actor: Actor;
  action: string;
  entity: string;
  entityId: number | null;
  before?: unknown;
  after?: unknown;
}): Promise<void> {
  await insertAudit("", tx).run({
    actorId: entry.actor.id,
    action: entry.actor.via ? `${entry.action} (${entry.actor.via})` : entry.action,
    entity: entry.entity,
    entityId: entry.entityId,
    before: entry.before === undefined ? null : JSON.stringify(entry.before),
    after: entry.after === undefined ? null : JSON.stringify(entry.after),
  });
}

export type { Tx } from "@/db/client";
