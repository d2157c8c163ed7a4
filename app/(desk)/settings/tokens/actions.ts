"use server";

import { revalidatePath } from "next/cache";
import { actorOf, currentUser } from "@/lib/auth/session";
import { createToken, revokeToken } from "@/lib/tokens";

export type CreateTokenState = { ok: boolean; message: string; token?: string } | null;

export async function createTokenAction(_: CreateTokenState, form: FormData): Promise<CreateTokenState> {
  const user = await currentUser();
  if (!user) return { ok: false, message: "Your session has ended. Sign in again." };
  const result = createToken(actorOf(user), { name: String(form.get("name") ?? "") });
  if (!result.ok) return { ok: false, message: Object.values(result.error.fields ?? {})[0] ?? result.error.message };
  revalidatePath("/settings/tokens");
  return { ok: true, message: `Token “${result.value.name}” created. Copy it now: it is shown only once.`, token: result.value.token };
}

export async function revokeTokenAction(form: FormData): Promise<void> {
  const user = await currentUser();
  if (!user) return;
  revokeToken(actorOf(user), { tokenId: Number(form.get("tokenId")) });
  revalidatePath("/settings/tokens");
}
