"use server";

import type { ClaimStatus } from "@/db/schema";
import { recordVerdict } from "@/lib/verdicts";
import type { ActionResult } from "@/app/_components/action-result";
import { runAction } from "./run";

/**
 * Records a verdict on top of the version the reviewer saw. A stale version
 * comes back as a conflict carrying the claim as it is now; nothing is
 * refreshed then, so the reviewer's form stays as it was.
 */
export async function recordVerdictAction(input: unknown): Promise<ActionResult<{ status: ClaimStatus; version: number }>> {
  // the reader's colours, the claim page's history and the pages citing it
  return runAction((actor) => recordVerdict(actor, input), {
    value: ({ claim }) => ({ status: claim.status, version: claim.version }),
    revalidate: { path: "/", type: "layout" },
  });
}
