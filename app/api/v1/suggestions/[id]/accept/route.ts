import { getClaimSummary } from "@/db/queries/claims";
import { acceptSuggestion } from "@/lib/claims/suggestions";
import { withPathId } from "@/lib/http/input";
import { created, writeRoute } from "@/lib/http/write-route";

/** POST /api/v1/suggestions/{id}/accept [{ speakerId?, speakerName?, type?, proposition?, resolvesOn? }]: 201 with the claim made. */
export const POST = writeRoute({
  id: "suggestion",
  body: "optional",
  run: ({ actor, body, id }) => acceptSuggestion(actor, withPathId(body, "suggestionId", id)),
  respond: async ({ suggestionId, claim }) => created({ suggestionId, claim: await getClaimSummary(claim.id) }),
});
