"use server";

import { findSpeakers } from "@/db/queries/speakers";
import { ok } from "@/lib/result";
import { createSpeaker } from "@/lib/speakers";
import { speakerSearchInput } from "@/lib/validation/search";
import type { ActionResult } from "@/app/_components/action-result";
import type { SpeakerOption } from "@/app/_components/speaker-combobox";
import { readAction, runAction } from "./run";

/** Speakers whose name or an alias matches what the reviewer typed. */
export async function findSpeakersAction(input: unknown): Promise<ActionResult<SpeakerOption[]>> {
  return readAction(speakerSearchInput, input, async ({ query }) => ok(await findSpeakers(query, 8)));
}

/** A new speaker made from the claim form, when none of the offered ones is right. */
export async function createSpeakerAction(input: unknown): Promise<ActionResult<SpeakerOption>> {
  return runAction((actor) => createSpeaker(actor, input), {
    value: ({ id, name, description, kind }) => ({ id, name, description, kind }),
    revalidate: "/speakers",
  });
}
