import { getClaimSummary } from "@/db/queries/claims";
import { withPathId } from "@/lib/http/input";
import { created, writeRoute } from "@/lib/http/write-route";
import { recordVerdict } from "@/lib/verdicts";

/** 201 with the updated claim (status and version) and the verdict recorded. */
export const POST = writeRoute({
  id: "claim",
  body: true,
  run: ({ actor, body, id }) => recordVerdict(actor, withPathId(body, "claimId", id)),
  respond: async ({ claim, verdict, evidence }) => created({ ...(await getClaimSummary(claim.id)), verdict, evidence }),
});
