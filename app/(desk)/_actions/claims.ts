"use server";

import { revalidatePath } from "next/cache";
import { searchClaims, type ClaimSearchHit } from "@/db/queries/claim-search";
import { createClaim } from "@/lib/claims";
import { claimSearchInput } from "@/lib/validation/search";
import { zodFields } from "@/lib/validation/fields";
import type { ActionResult } from "@/app/_components/action-result";
import { asSignedIn, failureOf, invalidInput } from "./run";

/** Captures a claim from the reader; the input is parsed again by createClaim. */
export async function createClaimAction(input: unknown): Promise<ActionResult<{ id: number }>> {
  return asSignedIn((actor) => {
    const result = createClaim(actor, input);
    if (!result.ok) return failureOf(result.error);
    // the reader, the claim lists and the tallies all show the new claim
    revalidatePath("/", "layout");
    return { ok: true, value: { id: result.value.id } };
  });
}

/** Claims in other sources whose quote or proposition contains the text, to cite as evidence. */
export async function searchClaimsAction(input: unknown): Promise<ActionResult<ClaimSearchHit[]>> {
  return asSignedIn(() => {
    const parsed = claimSearchInput.safeParse(input);
    if (!parsed.success) return invalidInput(zodFields(parsed.error));
    return { ok: true, value: searchClaims(parsed.data) };
  });
}
