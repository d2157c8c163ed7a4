"use server";

import { revalidatePath } from "next/cache";
import { findSpeakers } from "@/db/queries/speakers";
import { createSpeaker } from "@/lib/speakers";
import { speakerSearchInput } from "@/lib/validation/search";
import { zodFields } from "@/lib/validation/fields";
import type { ActionResult } from "@/app/_components/action-result";
import type { SpeakerOption } from "@/app/_components/speaker-combobox";
import { asSignedIn, failureOf, invalidInput } from "./run";

/** Speakers whose name or an alias matches what the reviewer typed. */
export async function findSpeakersAction(input: unknown): Promise<ActionResult<SpeakerOption[]>> {
  return asSignedIn(() => {
    const parsed = speakerSearchInput.safeParse(input);
    if (!parsed.success) return invalidInput(zodFields(parsed.error));
    return { ok: true, value: findSpeakers(parsed.data.query, 8) };
  });
}

/** A new speaker made from the claim form, when none of the offered ones is right. */
export async function createSpeakerAction(input: unknown): Promise<ActionResult<SpeakerOption>> {
  return asSignedIn((actor) => {
    const result = createSpeaker(actor, input);
    if (!result.ok) return failureOf(result.error);
    revalidatePath("/speakers");
    const { id, name, description, kind } = result.value;
    return { ok: true, value: { id, name, description, kind } };
  });
}
