import "server-only";
import { and, eq } from "drizzle-orm";
import { forUpdate } from "@/db/prepared";
import { claimSuggestions, sources, type ClaimSuggestion } from "@/db/schema";
import type { Tx } from "@/lib/audit";
import type { ActorRef } from "@/lib/auth/actor";
import { domainWrite } from "@/lib/domain-write";
import { DomainFailure } from "@/lib/result";
import { acceptSuggestionInput, suggestionDecision } from "@/lib/validation/imports";
import { insertClaim } from "./index";

/**
 * A suggestion is never a claim until a reviewer accepts it: then the claim
 * is made through the claims door's own insert (anchored, speaker matched
 * through names and aliases, or made with the description the article gave),
 * in the same transaction that marks the suggestion accepted. A dismissed
 * suggestion stays, marked, so it is not offered again.
 */
async function openSuggestion(tx: Tx, id: number): Promise<ClaimSuggestion> {
  // locked to the decision's end: a second accept or a dismiss at the same moment waits, then finds it decided
  const [row] = await forUpdate(tx.select().from(claimSuggestions).where(eq(claimSuggestions.id, id)).limit(1));
  if (!row) throw new DomainFailure({ code: "not_found", message: "No such suggestion." });
  if (row.state !== "open") {
    throw new DomainFailure({ code: "conflict", message: `This suggestion was ${row.state} already${row.claimId ? ` (claim ${row.claimId})` : ""}.` });
  }
  return row;
}

export function acceptSuggestion(actor: ActorRef, input: unknown) {
  return domainWrite({
    actor,
    role: "reviewer",
    schema: acceptSuggestionInput,
    input,
    run: async ({ tx, actor: me, input: data, audit, ownerId }) => {
      const suggestion = await openSuggestion(tx, data.suggestionId);
      const source = (await tx.select({ outlet: sources.outlet }).from(sources).where(eq(sources.id, suggestion.sourceId)).limit(1))[0]!;
      const type = data.type ?? suggestion.type;
      // no one named: the article itself asserts it
      const speakerName = data.speakerName ?? suggestion.speakerName ?? source.outlet;
      const speakerId = data.speakerId ?? (data.speakerName ? undefined : (suggestion.speakerId ?? undefined));
      const claim = await insertClaim(
        tx,
        {
          sourceId: suggestion.sourceId,
          start: suggestion.startOffset,
          end: suggestion.endOffset,
          quote: suggestion.quote,
          type,
          proposition: data.proposition ?? null,
          resolvesOn: type === "prediction" ? (data.resolvesOn !== undefined ? data.resolvesOn : suggestion.resolvesOn) : null,
          ...(speakerId !== undefined
            ? { speakerId }
            : {
                speakerName,
                speakerKind: speakerName === source.outlet ? "organization" : "person",
                speakerDescription: suggestion.speakerDescription,
              }),
        },
        { audit, createdBy: await ownerId() },
      );
      const now = new Date().toISOString();
      await tx
        .update(claimSuggestions)
        .set({ state: "accepted", claimId: claim.id, decidedBy: me.id ?? (await ownerId()), decidedAt: now })
        .where(and(eq(claimSuggestions.id, suggestion.id), eq(claimSuggestions.state, "open")));
      await audit({ action: "suggestion.accept", entity: "source", entityId: suggestion.sourceId, after: { suggestionId: suggestion.id, claimId: claim.id } });
      return { suggestionId: suggestion.id, claim };
    },
  });
}

export function dismissSuggestion(actor: ActorRef, input: unknown) {
  return domainWrite({
    actor,
    role: "reviewer",
    schema: suggestionDecision,
    input,
    run: async ({ tx, actor: me, input: data, audit, ownerId }) => {
      const suggestion = await openSuggestion(tx, data.suggestionId);
      await tx
        .update(claimSuggestions)
        .set({ state: "dismissed", decidedBy: me.id ?? (await ownerId()), decidedAt: new Date().toISOString() })
        .where(and(eq(claimSuggestions.id, suggestion.id), eq(claimSuggestions.state, "open")));
      await audit({ action: "suggestion.dismiss", entity: "source", entityId: suggestion.sourceId, after: { suggestionId: suggestion.id, quote: suggestion.quote } });
      return { suggestionId: suggestion.id, sourceId: suggestion.sourceId };
    },
  });
}
