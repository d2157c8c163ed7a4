import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { and, eq, sql } from "drizzle-orm";
import { preparedPerShape } from "@/db/prepared";
import { sessions, users, type Role } from "@/db/schema";
import { auth } from "./index";
import { roleAtLeast, type ActorRef } from "./actor";
import { sessionClaims, type SessionClaims } from "./session-cookie";

export type SessionUser = { id: number; email: string; name: string; role: Role };

/**
 * The signed-in user as the database knows them now (not as the cookie
 * remembers them): a disabled or deleted account reads as signed out.
 * Cached for the length of one request.
 */
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const found = await sessionAccount(await sessionOf());
  return found && found !== "disabled" ? found : null;
});

export type Session = { userId: number; authAt: number; sid: string | null };

/**
 * Who the session cookie names and when they signed in, whether or not that
 * account is still active. Route handlers pass their request's headers; pages
 * and actions read the request's through next/headers.
 */
export async function sessionOf(requestHeaders?: Headers): Promise<Session | null> {
  // the cookie read directly when it can be (see session-cookie.ts), Auth.js's whole session action otherwise
  let claims: SessionClaims | undefined = await sessionClaims(requestHeaders ?? (await headers()));
  if (claims === undefined) {
    const session = (await auth()) as { user?: { id?: string }; authAt?: number; sid?: string } | null;
    claims = { sub: session?.user?.id ?? null, authAt: session?.authAt ?? 0, sid: session?.sid ?? null };
  }
  const id = Number(claims.sub);
  return Number.isInteger(id) && id > 0 ? { userId: id, authAt: claims.authAt, sid: claims.sid } : null;
}

/**
 * The account a session belongs to, as the database has it now: "disabled"
 * for a disabled one, null when it is gone, when its session row was ended
 * (sign-out, sign-out everywhere) or is unknown, or when the session began
 * before the account's sessions were ended (disabled, or password reset).
 */
export async function sessionAccount(session: Session | null): Promise<SessionUser | "disabled" | null> {
  if (session === null || session.sid === null) return null;
  const row = await sessionUserStatement("").get({ id: session.userId, sid: session.sid });
  if (!row) return null;
  if (row.disabled) return "disabled";
  if (row.sessionId === null || row.sessionEndedAt !== null || session.authAt < row.sessionsValidFrom) return null;
  return { id: row.id, email: row.email, name: row.name, role: row.role };
}

// every page and cookie API request asks this: the account and its session row in one prepared statement
const sessionUserStatement = preparedPerShape((db) =>
  db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      disabled: users.disabled,
      sessionsValidFrom: users.sessionsValidFrom,
      sessionId: sessions.id,
      sessionEndedAt: sessions.endedAt,
    })
    .from(users)
    .leftJoin(sessions, and(eq(sessions.id, sql.placeholder("sid")), eq(sessions.userId, users.id)))
    .where(eq(users.id, sql.placeholder("id")))
    .prepare(),
);

// every token request asks this: prepared once per connection
const userByIdStatement = preparedPerShape((db) =>
  db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role, disabled: users.disabled })
    .from(users)
    .where(eq(users.id, sql.placeholder("id")))
    .prepare(),
);

/** An account as the database has it now; "disabled" for a disabled one. */
export async function userById(id: number | null): Promise<SessionUser | "disabled" | null> {
  if (id === null) return null;
  const row = await userByIdStatement("").get({ id });
  if (!row) return null;
  if (row.disabled) return "disabled";
  return { id: row.id, email: row.email, name: row.name, role: row.role };
}

/**
 * A page title read from the database, for a signed-in user only. Next.js
 * renders metadata beside the page, not after it, so the page's own session
 * check has not run yet: a visitor with a junk cookie (with or without
 * `RSC: 1`) must get the generic title, never a source's or a speaker's name.
 */
export async function signedInTitle(
  fallback: string,
  read: () => string | null | undefined | Promise<string | null | undefined>,
): Promise<{ title: string }> {
  if (!(await currentUser())) return { title: fallback };
  return { title: (await read()) || fallback };
}

/** For pages: the signed-in user, or off to /login. */
export async function requirePageUser(path: string): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect(`/login?callbackUrl=${encodeURIComponent(path)}`);
  return user;
}

export function can(user: SessionUser | null, minimum: Role): boolean {
  return Boolean(user && roleAtLeast(user.role, minimum));
}

export const actorOf = (user: SessionUser): ActorRef => ({ type: "user", userId: user.id });
