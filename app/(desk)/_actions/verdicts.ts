"use server";

import { revalidatePath } from "next/cache";
import type { ClaimStatus } from "@/db/schema";
import { recordVerdict } from "@/lib/verdicts";
import type { ActionResult } from "@/app/_components/action-result";
import { asSignedIn, failureOf } from "./run";

/**
 * Records a verdict on top of the version the reviewer saw. A stale version
 * comes back as a conflict carrying the claim as it is now; nothing is
 * refreshed then, so the reviewer's form stays as it was.
 */
export async function recordVerdictAction(input: unknown): Promise<ActionResult<{ status: ClaimStatus; version: number }>> {
  return asSignedIn((actor) => {
    const result = recordVerdict(actor, input);
    if (!result.ok) return failureOf(result.error);
    // the reader's colours, the claim page's history and the pages citing it
    revalidatePath("/", "layout");
    return { ok: true, value: { status: result.value.claim.status, version: result.value.claim.version } };
  });
}
