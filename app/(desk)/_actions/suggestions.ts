"use server";

import { acceptSuggestion, dismissSuggestion } from "@/lib/claims/suggestions";
import type { ActionResult } from "@/app/_components/action-result";
import { runAction } from "./run";

/** Accepting a suggested claim makes the claim (through the claims door), anchored where it was suggested. */
export async function acceptSuggestionAction(input: unknown): Promise<ActionResult<{ claimId: number }>> {
  return runAction((actor) => acceptSuggestion(actor, input), { value: ({ claim }) => ({ claimId: claim.id }), revalidate: { path: "/", type: "layout" } });
}

/** A dismissed suggestion is not offered again. */
export async function dismissSuggestionAction(input: unknown): Promise<ActionResult<null>> {
  return runAction((actor) => dismissSuggestion(actor, input), { revalidate: { path: "/", type: "layout" } });
}
