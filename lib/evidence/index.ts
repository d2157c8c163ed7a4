import "server-only";
import { domainWrite } from "@/lib/domain-write";
import type { ActorRef } from "@/lib/auth/actor";
import { liveClaim } from "@/lib/claims/live";
import { addEvidenceInput } from "@/lib/validation/claims";
import { insertEvidence } from "./insert";

export function addEvidence(actor: ActorRef, input: unknown) {
  return domainWrite({
    actor,
    role: "reviewer",
    schema: addEvidenceInput,
    input,
    run: async ({ tx, input: data, audit, ownerId }) => {
      await liveClaim(tx, data.claimId);
      const row = await insertEvidence(tx, { ...data, createdBy: await ownerId() });
      await audit({ action: "evidence.add", entity: "claim", entityId: data.claimId, after: row });
      return row;
    },
  });
}
