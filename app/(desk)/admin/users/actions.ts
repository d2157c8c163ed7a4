"use server";

import { revalidatePath } from "next/cache";
import { actorOf, currentUser } from "@/lib/auth/session";
import type { Result } from "@/lib/result";
import { changeRole, createUser, resetPassword, setDisabled } from "@/lib/users";
import type { ActionState } from "@/app/_components/action-form";

/** Thin adapters: the session is re-checked here, the role inside lib/users. */
async function run<T>(write: (actor: ReturnType<typeof actorOf>) => Result<T> | Promise<Result<T>>, done: string): Promise<ActionState> {
  const user = await currentUser();
  if (!user) return { ok: false, message: "Your session has ended. Sign in again." };
  const result = await write(actorOf(user));
  if (!result.ok) return { ok: false, message: result.error.message, fields: result.error.fields };
  revalidatePath("/admin/users");
  return { ok: true, message: done };
}

const text = (form: FormData, key: string) => String(form.get(key) ?? "");

export async function addUserAction(_: ActionState, form: FormData): Promise<ActionState> {
  return run(
    (actor) =>
      createUser(actor, { email: text(form, "email"), name: text(form, "name"), role: text(form, "role"), password: text(form, "password") }),
    `Added ${text(form, "email")}.`,
  );
}

export async function changeRoleAction(_: ActionState, form: FormData): Promise<ActionState> {
  return run((actor) => changeRole(actor, { userId: Number(text(form, "userId")), role: text(form, "role") }), "Role changed.");
}

export async function setDisabledAction(_: ActionState, form: FormData): Promise<ActionState> {
  const disabled = text(form, "disabled") === "true";
  return run(
    (actor) => setDisabled(actor, { userId: Number(text(form, "userId")), disabled }),
    disabled ? "Account disabled." : "Account enabled.",
  );
}

export async function resetPasswordAction(_: ActionState, form: FormData): Promise<ActionState> {
  return run((actor) => resetPassword(actor, { userId: Number(text(form, "userId")), password: text(form, "password") }), "Password reset.");
}
