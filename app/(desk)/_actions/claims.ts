"use server";

import { searchClaims, type ClaimSearchHit } from "@/db/queries/claim-search";
import { createClaim } from "@/lib/claims";
import { addEvidence } from "@/lib/evidence";
import { ok } from "@/lib/result";
import { claimSearchInput } from "@/lib/validation/search";
import type { ActionResult } from "@/app/_components/action-result";
import { readAction, runAction } from "./run";

/** Captures a claim from the reader; the input is parsed again by createClaim. */
export async function createClaimAction(input: unknown): Promise<ActionResult<{ id: number }>> {
  // the reader, the claim lists and the tallies all show the new claim
  return runAction((actor) => createClaim(actor, input), { value: (c) => ({ id: c.id }), revalidate: { path: "/", type: "layout" } });
}

/** Claims in other sources whose quote or proposition contains the text, to cite as evidence. */
export async function searchClaimsAction(input: unknown): Promise<ActionResult<ClaimSearchHit[]>> {
  return readAction(claimSearchInput, input, async (query) => ok(await searchClaims(query)));
}

/** One click on a related claim: it becomes supporting or refuting evidence of this one (through the evidence door). */
export async function linkRelatedAction(input: { claimId: number; targetClaimId: number; stance: "supports" | "refutes" }): Promise<ActionResult<null>> {
  return runAction(
    (actor) =>
      addEvidence(actor, { claimId: input?.claimId, target: { kind: "claim", claimId: input?.targetClaimId }, stance: input?.stance, note: "" }),
    { revalidate: { path: "/", type: "layout" } },
  );
}
