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
      if (user?.id) token.sub = user.id;
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
} satisfies NextAuthConfig;
