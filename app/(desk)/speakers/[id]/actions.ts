"use server";

import { addAlias, mergeSpeakers, removeAlias } from "@/lib/speakers";
import type { FormState } from "@/app/_components/action-result";
import { asSignedIn, formNumber, formText, invalidInput, runAction } from "../../_actions/run";

export async function addAliasAction(_: FormState, form: FormData) {
  const input = { speakerId: formNumber(form, "speakerId"), alias: formText(form, "alias") };
  return runAction((actor) => addAlias(actor, input), { message: (a) => `Added “${a.alias}”.`, revalidate: `/speakers/${input.speakerId}` });
}

export async function removeAliasAction(_: FormState, form: FormData) {
  const input = { speakerId: formNumber(form, "speakerId"), aliasId: formNumber(form, "aliasId") };
  return runAction((actor) => removeAlias(actor, input), { message: (a) => `Removed “${a.alias}”.`, revalidate: `/speakers/${input.speakerId}` });
}

export async function mergeSpeakersAction(_: FormState, form: FormData) {
  const input = { keepId: formNumber(form, "keepId"), mergeId: formNumber(form, "mergeId") };
  // the picker sends an empty id until a speaker is picked from its list: say so, rather than "expected number"
  if (!formText(form, "mergeId")) return asSignedIn(() => invalidInput({ mergeId: "Pick the speaker to merge from the list." }));
  return runAction((actor) => mergeSpeakers(actor, input), { revalidate: "/speakers", redirectTo: (m) => `/speakers/${m.keptId}` });
}
