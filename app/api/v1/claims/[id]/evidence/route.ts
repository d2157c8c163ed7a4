import { addEvidence } from "@/lib/evidence";
import { idParam } from "@/lib/http/api";
import { withPathId } from "@/lib/http/input";
import { created, writeRoute } from "@/lib/http/write-route";

export const POST = writeRoute({
  body: true,
  run: ({ actor, body, params }) => {
    const id = idParam(params.id ?? "", "claim");
    return id instanceof Response ? id : addEvidence(actor, withPathId(body, "claimId", id));
  },
  respond: created,
});
