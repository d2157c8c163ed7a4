import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, newNonce } from "@/lib/http/csp";

/**
 * Runs on every page request (the JSON API and static files are left out by
 * the matcher; next.config.mjs gives those their static headers). Two jobs:
 *
 * 1. First gate only: sends visitors without a session cookie to /login. It
 * does not decode the cookie and never re-issues it (Auth.js's middleware
 * wrapper would, on every response, and a prefetch still in flight could then
 * put back a cookie that "Sign out" had just cleared). Every page, action and
 * route handler checks the session and the role against the database itself;
 * the JSON API is left to its handlers, which answer 401 in JSON and accept tokens.
 * The sign-in pages (any path under /login) are open.
 *
 * 2. A fresh nonce and the Content-Security-Policy built on it, on /login and
 * on not-found pages too. Next.js reads the policy from the request headers
 * while it renders (every page renders per request: see app/layout.tsx) and
 * puts the nonce on its own scripts; the browser enforces the same policy,
 * sent on the response.
 */
const SESSION_COOKIE = /^(__Secure-)?authjs\.session-token(\.\d+)?$/;
const OPEN = /^\/login/;

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (!OPEN.test(pathname) && !request.cookies.getAll().some((c) => SESSION_COOKIE.test(c.name))) {
    const login = new URL("/login", request.nextUrl.origin);
    if (pathname !== "/") login.searchParams.set("callbackUrl", pathname + search);
    return NextResponse.redirect(login);
  }
  const policy = contentSecurityPolicy(newNonce(), pathname);
  const headers = new Headers(request.headers);
  headers.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  // exact names, so that any other path (a not-found page too) gets the policy
  matcher: ["/((?!api/|_next/static/|_next/image$|favicon\\.ico$|robots\\.txt$).*)"],
};
