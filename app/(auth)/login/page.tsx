import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/session";
import { safeCallbackPath } from "@/lib/auth/safe-redirect";
import { messageForSignInCode } from "@/lib/auth/sign-in-messages";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "Sign in" };

type Search = Promise<{ callbackUrl?: string | string[]; error?: string | string[]; code?: string | string[] }>;

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function LoginPage({ searchParams }: { searchParams: Search }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(first(params.callbackUrl));
  if (await currentUser()) redirect(callbackUrl);
  const error = first(params.error) ? messageForSignInCode(first(params.code)) : null;
  return (
    <main id="main" className="login">
      <h1>Claimdesk</h1>
      <p className="muted">Sign in to the fact-checking desk.</p>
      <LoginForm callbackUrl={callbackUrl} initialError={error} />
    </main>
  );
}
