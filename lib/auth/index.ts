import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { authConfig } from "./config";
import { checkCredentials } from "./credentials";
import { endSession, sessionIsLive, startSession } from "./sessions";

class LimitedSignIn extends CredentialsSignin {
  constructor(kind: "locked" | "slowed", retryAfterMs: number) {
    super();
    // travels to /login as ?code=locked-<minutes> or slowed-<seconds> on the standard endpoint
    this.code = kind === "locked" ? `locked-${Math.max(1, Math.ceil(retryAfterMs / 60_000))}` : `slowed-${Math.max(1, Math.ceil(retryAfterMs / 1000))}`;
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
  callbacks: {
    ...authConfig.callbacks,
    /**
     * At sign-in a session row is started and its id sealed into the cookie;
     * on every later read through Auth.js (its session endpoint, `auth()`) a
     * session that was ended is dropped, and Auth.js clears the cookie.
     */
    async jwt(params) {
      const token = authConfig.callbacks.jwt(params);
      if (params.user?.id) return Object.assign(token, { sid: await startSession(Number(params.user.id)) });
      return (await sessionIsLive(token.sid, Number(token.sub))) ? token : null;
    },
    session(params) {
      return Object.assign(authConfig.callbacks.session(params), { sid: typeof params.token.sid === "string" ? params.token.sid : null });
    },
  },
  events: {
    // "Sign out" (the desk's button, or POST /api/auth/signout) ends the session for every copy of the cookie
    async signOut(message) {
      const sid = "token" in message ? message.token?.sid : undefined;
      if (typeof sid === "string") await endSession(sid);
    },
  },
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
        if (outcome.reason !== "invalid") throw new LimitedSignIn(outcome.reason, outcome.retryAfterMs);
        return null;
      },
    }),
  ],
});
