import "server-only";
import { sources } from "@/db/schema";
import { domainWrite } from "@/lib/domain-write";
import type { ActorRef } from "@/lib/auth/actor";
import { createSourceInput } from "@/lib/validation/sources";

/** Importing sources is an admin's job (bulk imports, backups). */
export function createSource(actor: ActorRef, input: unknown) {
  return domainWrite({
    actor,
    role: "admin",
    schema: createSourceInput,
    input,
    run: ({ tx, input: data, audit, ownerId }) => {
      const row = tx
        .insert(sources)
        .values({ ...data, createdBy: ownerId() })
        .returning()
        .get();
      const { body, ...meta } = row;
      audit({ action: "source.create", entity: "source", entityId: row.id, after: { ...meta, bodyLength: body.length } });
      return row;
    },
  });
}
