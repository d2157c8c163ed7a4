"use server";

import { deleteClaim, updateClaim } from "@/lib/claims";
import type { ActionResult } from "@/app/_components/action-result";
import { runAction } from "./run";

/** Edits speaker, type, proposition and resolves-on; the input (with its baseVersion) is parsed by updateClaim. */
export async function updateClaimAction(input: unknown): Promise<ActionResult<{ version: number }>> {
  return runAction((actor) => updateClaim(actor, input), { value: (c) => ({ version: c.version }), revalidate: { path: "/", type: "layout" } });
}

export async function deleteClaimAction(input: unknown): Promise<ActionResult<{ id: number }>> {
  return runAction((actor) => deleteClaim(actor, input), { value: (c) => ({ id: c.id }), revalidate: { path: "/", type: "layout" } });
}
