import type { NextAuthConfig } from "next-auth";
import { safeCallbackPath } from "./safe-redirect";

/**
 * The part of the Auth.js configuration that needs no database: sign-in
 * page, JWT sessions, and where a sign-in may lead. Pages, actions and route
 * handlers check the session and the role against the database themselves.
 */
export const SESSION_MAX_AGE_S = 12 * 60 * 60;

export const authConfig = {
  pages: { signIn: "/login", error: "/login" },
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S },
  trustHost: true,
  providers: [],
  callbacks: {
    redirect({ url, baseUrl }) {
      return new URL(safeCallbackPath(url, baseUrl), baseUrl).toString();
    },
    jwt({ token, user }) {
      // at sign-in: who, and when (ms), which an account's sessionsValidFrom is compared with
      if (user?.id) Object.assign(token, { sub: user.id, authAt: Date.now() });
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return Object.assign(session, { authAt: typeof token.authAt === "number" ? token.authAt : 0 });
    },
  },
} satisfies NextAuthConfig;
