import "server-only";
import { eq } from "drizzle-orm";
import { claims } from "@/db/schema";
import { domainWrite } from "@/lib/domain-write";
import type { ActorRef } from "@/lib/auth/actor";
import { DomainFailure } from "@/lib/result";
import { addEvidenceInput } from "@/lib/validation/claims";
import { insertEvidence } from "./insert";

export function addEvidence(actor: ActorRef, input: unknown) {
  return domainWrite({
    actor,
    role: "reviewer",
    schema: addEvidenceInput,
    input,
    run: ({ tx, input: data, audit, ownerId }) => {
      const claim = tx.select({ id: claims.id }).from(claims).where(eq(claims.id, data.claimId)).get();
      if (!claim) throw new DomainFailure({ code: "not_found", message: "No such claim." });
      const row = insertEvidence(tx, { ...data, createdBy: ownerId() });
      audit({ action: "evidence.add", entity: "claim", entityId: data.claimId, after: row });
      return row;
    },
  });
}
