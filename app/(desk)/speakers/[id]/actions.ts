"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { actorOf, currentUser } from "@/lib/auth/session";
import { addAlias, mergeSpeakers, removeAlias } from "@/lib/speakers";
import type { ActionState } from "@/app/_components/action-form";

const num = (form: FormData, key: string) => Number(form.get(key));

export async function addAliasAction(_: ActionState, form: FormData): Promise<ActionState> {
  const user = await currentUser();
  if (!user) return { ok: false, message: "Your session has ended. Sign in again." };
  const result = addAlias(actorOf(user), { speakerId: num(form, "speakerId"), alias: String(form.get("alias") ?? "") });
  if (!result.ok) return { ok: false, message: result.error.message, fields: result.error.fields };
  revalidatePath(`/speakers/${num(form, "speakerId")}`);
  return { ok: true, message: `Added “${result.value.alias}”.` };
}

export async function removeAliasAction(_: ActionState, form: FormData): Promise<ActionState> {
  const user = await currentUser();
  if (!user) return { ok: false, message: "Your session has ended. Sign in again." };
  const result = removeAlias(actorOf(user), { speakerId: num(form, "speakerId"), aliasId: num(form, "aliasId") });
  if (!result.ok) return { ok: false, message: result.error.message };
  revalidatePath(`/speakers/${num(form, "speakerId")}`);
  return { ok: true, message: `Removed “${result.value.alias}”.` };
}

export async function mergeSpeakersAction(_: ActionState, form: FormData): Promise<ActionState> {
  const user = await currentUser();
  if (!user) return { ok: false, message: "Your session has ended. Sign in again." };
  const keepId = num(form, "keepId");
  const result = mergeSpeakers(actorOf(user), { keepId, mergeId: num(form, "mergeId") });
  if (!result.ok) return { ok: false, message: result.error.message, fields: result.error.fields };
  revalidatePath("/speakers");
  redirect(`/speakers/${keepId}`);
}
