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
    run: ({ tx, input: data, audit, ownerId }) => {
      liveClaim(tx, data.claimId);
      const row = insertEvidence(tx, { ...data, createdBy: ownerId() });
      audit({ action: "evidence.add", entity: "claim", entityId: data.claimId, after: row });
      return row;
    },
  });
}
