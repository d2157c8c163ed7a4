"use server";

import { createToken, revokeToken } from "@/lib/tokens";
import type { FormState } from "@/app/_components/action-result";
import { formNumber, formText, runAction } from "../../_actions/run";

export async function createTokenAction(_: FormState, form: FormData) {
  const input = { name: formText(form, "name") };
  return runAction((actor) => createToken(actor, input), {
    value: (t) => ({ token: t.token }),
    message: (t) => `Token “${t.name}” created. Copy it now: it is shown only once.`,
    revalidate: "/settings/tokens",
  });
}

export async function revokeTokenAction(_: FormState, form: FormData) {
  const input = { tokenId: formNumber(form, "tokenId") };
  return runAction((actor) => revokeToken(actor, input), { message: (t) => `Token “${t.name}” revoked.`, revalidate: "/settings/tokens" });
}
