"use server";

import { searchPassages, type PassageHit } from "@/db/queries/passage-search";
import { ok } from "@/lib/result";
import { passageSearchInput } from "@/lib/validation/search";
import type { ActionResult } from "@/app/_components/action-result";
import { readAction } from "./run";

/** Occurrences of the exact words in other sources, to cite as a passage. */
export async function findPassagesAction(input: unknown): Promise<ActionResult<PassageHit[]>> {
  return readAction(passageSearchInput, input, async (query) => ok(await searchPassages(query)));
}
