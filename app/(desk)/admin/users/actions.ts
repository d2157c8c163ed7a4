"use server";

import { revokeToken } from "@/lib/tokens";
import { changeRole, createUser, endAllSessions, resetPassword, setDisabled, unlockAccount } from "@/lib/users";
import type { FormState } from "@/app/_components/action-result";
import { formNumber, formText, runAction } from "../../_actions/run";

/** Thin adapters: the session is checked by runAction, the role inside lib/users. */
const USERS = "/admin/users";

export async function addUserAction(_: FormState, form: FormData) {
  const input = { email: formText(form, "email"), name: formText(form, "name"), role: formText(form, "role"), password: formText(form, "password") };
  return runAction((actor) => createUser(actor, input), { message: (u) => `Added ${u.email}.`, revalidate: USERS });
}

export async function changeRoleAction(_: FormState, form: FormData) {
  const input = { userId: formNumber(form, "userId"), role: formText(form, "role") };
  return runAction((actor) => changeRole(actor, input), { message: () => "Role changed.", revalidate: USERS });
}

export async function setDisabledAction(_: FormState, form: FormData) {
  const input = { userId: formNumber(form, "userId"), disabled: formText(form, "disabled") === "true" };
  return runAction((actor) => setDisabled(actor, input), {
    message: (u) => (u.disabled ? "Account disabled: its sessions are ended and its tokens revoked." : "Account enabled."),
    revalidate: USERS,
  });
}

export async function resetPasswordAction(_: FormState, form: FormData) {
  const input = { userId: formNumber(form, "userId"), password: formText(form, "password") };
  return runAction((actor) => resetPassword(actor, input), { message: () => "Password reset: its sessions are ended and its tokens revoked.", revalidate: USERS });
}

export async function unlockAction(_: FormState, form: FormData) {
  const input = { userId: formNumber(form, "userId") };
  return runAction((actor) => unlockAccount(actor, input), { message: (u) => `Sign-in unlocked for ${u.email}.`, revalidate: USERS });
}

export async function endSessionsAction(_: FormState, form: FormData) {
  const input = { userId: formNumber(form, "userId") };
  return runAction((actor) => endAllSessions(actor, input), { message: (w) => `Signed out of ${w.sessionsEnded} session(s).`, revalidate: USERS });
}

export async function revokeUserTokenAction(_: FormState, form: FormData) {
  const input = { tokenId: formNumber(form, "tokenId") };
  return runAction((actor) => revokeToken(actor, input), { message: (t) => `Token “${t.name}” revoked.`, revalidate: USERS });
}
