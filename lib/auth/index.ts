import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { authConfig } from "./config";
import { checkCredentials } from "./credentials";

class LockedSignIn extends CredentialsSignin {
  constructor(retryAfterMs: number) {
    super();
    // travels to /login as ?code=locked-<minutes> on the standard endpoint
    this.code = `locked-${Math.max(1, Math.ceil(retryAfterMs / 60_000))}`;
  }
}

/** The client address as Next.js hands it on: the nearest hop of X-Forwarded-For. */
export function clientAddressOf(request: Request | undefined): string | null {
  const forwarded = request?.headers.get("x-forwarded-for");
  if (!forwarded) return null;
  const hops = forwarded.split(",").map((hop) => hop.trim()).filter(Boolean);
  return hops.at(-1) ?? null;
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  logger: {
    // a wrong password is an expected event (counted by the limiter), not a server error with a stack
    error(error) {
      // Auth.js errors say what they are in `type` (their class names do not survive minifying)
      const type = (error as { type?: string }).type;
      if (error instanceof CredentialsSignin || type === "CredentialsSignin") return;
      // a forged, tampered or expired cookie: the visitor is treated as signed out, one line is enough
      if (type === "JWTSessionError") return console.warn("[auth] a session cookie was rejected");
      // a sign-in posted without this site's CSRF token (a forged form, a script that skipped /api/auth/csrf): refused, no session
      if (type === "MissingCSRF") return console.warn("[auth] a sign-in without a valid CSRF token was refused");
      console.error("[auth]", error);
    },
  },
  providers: [
    Credentials({
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, request) {
        const outcome = await checkCredentials(credentials, clientAddressOf(request));
        if (outcome.ok) return outcome.user;
        if (outcome.reason === "locked") throw new LockedSignIn(outcome.retryAfterMs);
        return null;
      },
    }),
  ],
});
