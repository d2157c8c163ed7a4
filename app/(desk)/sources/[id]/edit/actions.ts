"use server";

import { revalidatePath } from "next/cache";
import { actorOf, currentUser } from "@/lib/auth/session";
import { updateSource } from "@/lib/sources/update";
import type { ActionState } from "@/app/_components/action-form";

export async function updateSourceAction(_: ActionState, form: FormData): Promise<ActionState> {
  const user = await currentUser();
  if (!user) return { ok: false, message: "Your session has ended. Sign in again." };
  const sourceId = Number(form.get("sourceId"));
  const result = updateSource(actorOf(user), {
    sourceId,
    baseUpdatedAt: String(form.get("baseUpdatedAt") ?? ""),
    title: String(form.get("title") ?? ""),
    body: String(form.get("body") ?? ""),
  });
  if (!result.ok) return { ok: false, message: result.error.message, fields: result.error.fields };
  revalidatePath(`/sources/${sourceId}`);
  const { kept, moved, orphaned } = result.value.claims;
  return {
    ok: true,
    message: `Saved. Claims: ${kept} unchanged, ${moved} re-anchored, ${orphaned} orphaned.`,
  };
}
