"use server";

import { revalidatePath } from "next/cache";
import { deleteClaim, updateClaim } from "@/lib/claims";
import type { ActionResult } from "@/app/_components/action-result";
import { asSignedIn, failureOf } from "./run";

/** Edits speaker, type, proposition and resolves-on; the input (with its baseVersion) is parsed by updateClaim. */
export async function updateClaimAction(input: unknown): Promise<ActionResult<{ version: number }>> {
  return asSignedIn((actor) => {
    const result = updateClaim(actor, input);
    if (!result.ok) return failureOf(result.error);
    revalidatePath("/", "layout");
    return { ok: true, value: { version: result.value.version } };
  });
}

export async function deleteClaimAction(input: unknown): Promise<ActionResult<{ id: number }>> {
  return asSignedIn((actor) => {
    const result = deleteClaim(actor, input);
    if (!result.ok) return failureOf(result.error);
    revalidatePath("/", "layout");
    return { ok: true, value: { id: result.value.id } };
  });
}
