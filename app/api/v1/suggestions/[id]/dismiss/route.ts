import { dismissSuggestion } from "@/lib/claims/suggestions";
import { json } from "@/lib/http/api";
import { writeRoute } from "@/lib/http/write-route";

/** POST /api/v1/suggestions/{id}/dismiss: 200; a dismissed suggestion is not offered again. */
export const POST = writeRoute({
  id: "suggestion",
  body: false,
  run: ({ actor, id }) => dismissSuggestion(actor, { suggestionId: id }),
  respond: (value) => json(value),
});
