"use server";

import { searchPassages, type PassageHit } from "@/db/queries/passage-search";
import { passageSearchInput } from "@/lib/validation/search";
import { zodFields } from "@/lib/validation/fields";
import type { ActionResult } from "@/app/_components/action-result";
import { asSignedIn, invalidInput } from "./run";

/** Occurrences of the exact words in other sources, to cite as a passage. */
export async function findPassagesAction(input: unknown): Promise<ActionResult<PassageHit[]>> {
  return asSignedIn(() => {
    const parsed = passageSearchInput.safeParse(input);
    if (!parsed.success) return invalidInput(zodFields(parsed.error));
    return { ok: true, value: searchPassages(parsed.data) };
  });
}
