import "server-only";
import { eq } from "drizzle-orm";
import { claims, sources, speakers } from "@/db/schema";
import { anchorAt } from "@/lib/anchoring/anchor";
import { domainWrite } from "@/lib/domain-write";
import type { ActorRef } from "@/lib/auth/actor";
import { DomainFailure } from "@/lib/result";
import { createClaimInput } from "@/lib/validation/claims";

export function createClaim(actor: ActorRef, input: unknown) {
  return domainWrite({
    actor,
    role: "reviewer",
    schema: createClaimInput,
    input,
    run: ({ tx, input: data, audit, ownerId }) => {
      const source = tx.select({ body: sources.body }).from(sources).where(eq(sources.id, data.sourceId)).get();
      if (!source) throw new DomainFailure({ code: "not_found", message: "No such source." });
      const speaker = tx.select({ id: speakers.id }).from(speakers).where(eq(speakers.id, data.speakerId)).get();
      if (!speaker) throw new DomainFailure({ code: "not_found", message: "No such speaker." });
      if (data.end > source.body.length || source.body.slice(data.start, data.end) !== data.quote) {
        throw new DomainFailure({
          code: "invalid",
          message: "The quote does not match the source text at that position.",
          fields: { quote: "The quote must equal the source body from start to end." },
        });
      }
      const anchor = anchorAt(source.body, data.start, data.end);
      const row = tx
        .insert(claims)
        .values({
          sourceId: data.sourceId,
          speakerId: data.speakerId,
          quote: anchor.quote,
          startOffset: anchor.start,
          endOffset: anchor.end,
          prefix: anchor.prefix,
          suffix: anchor.suffix,
          type: data.type,
          proposition: data.proposition,
          resolvesOn: data.resolvesOn,
          createdBy: ownerId(),
        })
        .returning()
        .get();
      audit({ action: "claim.create", entity: "claim", entityId: row.id, after: row });
      return row;
    },
  });
}
