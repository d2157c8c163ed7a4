import "server-only";
import { domainWrite } from "@/lib/domain-write";
import type { ActorRef } from "@/lib/auth/actor";
import { createSourceInput } from "@/lib/validation/sources";
import { insertSource } from "./insert";

/**
 * A source from clean text and metadata given whole (the seed, scripts that
 * did their own cleaning). Articles as received go through importSource.
 */
export function createSource(actor: ActorRef, input: unknown) {
  return domainWrite({
    actor,
    role: "reviewer",
    schema: createSourceInput,
    input,
    run: async ({ tx, input: data, audit, ownerId }) => {
      const row = await insertSource(tx, data, { createdBy: await ownerId() });
      const { body, ...meta } = row;
      await audit({ action: "source.create", entity: "source", entityId: row.id, after: { ...meta, bodyLength: body.length } });
      return row;
    },
  });
}
