import { NextResponse, type NextRequest } from "next/server";

/**
 * First gate only: sends visitors without a session cookie to /login. It
 * does not decode the cookie and never re-issues it (Auth.js's middleware
 * wrapper would, on every response, and a prefetch still in flight could then
 * put back a cookie that "Sign out" had just cleared). Every page, action and
 * route handler checks the session and the role against the database itself;
 * the JSON API is left to its handlers, which answer 401 in JSON and accept tokens.
 */
const SESSION_COOKIE = /^(__Secure-)?authjs\.session-token(\.\d+)?$/;

export function proxy(request: NextRequest) {
  if (request.cookies.getAll().some((c) => SESSION_COOKIE.test(c.name))) return NextResponse.next();
  const { pathname, search } = request.nextUrl;
  const login = new URL("/login", request.nextUrl.origin);
  if (pathname !== "/") login.searchParams.set("callbackUrl", pathname + search);
  return NextResponse.redirect(login);
}

export const config = {
  matcher: ["/((?!api/|login|_next/static|_next/image|favicon.ico|robots.txt).*)"],
};
