import "server-only";
import { auditLog } from "@/db/schema";
import type { Db } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/** Appends one audit row; call it inside the transaction of the write it records. */
export function writeAudit(
  tx: Tx,
  entry: {
    actor: Actor;
    action: string;
    entity: string;
    entityId: number | null;
    before?: unknown;
    after?: unknown;
  },
): void {
  tx.insert(auditLog)
    .values({
      actorId: entry.actor.id,
      action: entry.actor.via ? `${entry.action} (${entry.actor.via})` : entry.action,
      entity: entry.entity,
      entityId: entry.entityId,
      before: entry.before === undefined ? null : JSON.stringify(entry.before),
      after: entry.after === undefined ? null : JSON.stringify(entry.after),
    })
    .run();
}

export type { Tx };
