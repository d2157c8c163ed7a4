import { addEvidence } from "@/lib/evidence";
import { withPathId } from "@/lib/http/input";
import { created, writeRoute } from "@/lib/http/write-route";

export const POST = writeRoute({
  id: "claim",
  body: true,
  run: ({ actor, body, id }) => addEvidence(actor, withPathId(body, "claimId", id)),
  respond: created,
});
