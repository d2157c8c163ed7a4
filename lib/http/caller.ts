import "server-only";
import { sessionAccount, sessionOf, userById, type SessionUser } from "@/lib/auth/session";
import { userForToken } from "@/lib/tokens";
import { apiError } from "./api";

export type Caller = { user: SessionUser; via: "cookie" | "token" };

/**
 * Who is calling the API: a personal access token (`Authorization: Bearer …`)
 * or the session cookie. 401 without credentials or with a bad token, 403 for
 * a disabled account. Role and state come from the database, never the cookie.
 */
export async function resolveCaller(request: Request): Promise<Caller | Response> {
  const authorization = request.headers.get("authorization");
  if (authorization !== null) {
    const token = /^Bearer\s+(\S+)$/i.exec(authorization)?.[1];
    const userId = token ? await userForToken(token) : null;
    const user = await userById(userId);
    if (user === "disabled") return apiError(403, "forbidden", "This account is disabled.");
    if (!user) return apiError(401, "unauthenticated", "That token is not valid (unknown, revoked, or its account is gone).");
    return { user, via: "token" };
  }
  const user = await sessionAccount(await sessionOf(request.headers));
  if (user === "disabled") return apiError(403, "forbidden", "This account is disabled.");
  if (!user) return apiError(401, "unauthenticated", "Sign in first, or send a personal access token.");
  return { user, via: "cookie" };
}
