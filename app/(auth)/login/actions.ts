"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { signIn } from "@/lib/auth";
import { INVALID_CREDENTIALS_MESSAGE } from "@/lib/auth/credentials";
import { safeCallbackPath } from "@/lib/auth/safe-redirect";
import { messageForSignInCode } from "@/lib/auth/sign-in-messages";

export type SignInState = { error: string | null; email: string };

export async function signInAction(_previous: SignInState, form: FormData): Promise<SignInState> {
  const email = String(form.get("email") ?? "");
  try {
    await signIn("credentials", {
      email,
      password: String(form.get("password") ?? ""),
      redirectTo: safeCallbackPath(form.get("callbackUrl")),
    });
    return { error: null, email };
  } catch (error) {
    if (error instanceof CredentialsSignin) return { error: messageForSignInCode(error.code), email };
    if (error instanceof AuthError) return { error: INVALID_CREDENTIALS_MESSAGE, email };
    throw error; // the redirect after a successful sign-in travels as an error too
  }
}
