import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { eq, sql } from "drizzle-orm";
import { preparedPerShape } from "@/db/prepared";
import { users, type Role } from "@/db/schema";
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
  const found = sessionAccount(await sessionOf());
  return found && found !== "disabled" ? found : null;
});

export type Session = { userId: number; authAt: number };

/**
 * Who the session cookie names and when they signed in, whether or not that
 * account is still active. Route handlers pass their request's headers; pages
 * and actions read the request's through next/headers.
 */
export async function sessionOf(requestHeaders?: Headers): Promise<Session | null> {
  // the cookie read directly when it can be (see session-cookie.ts), Auth.js's whole session action otherwise
  let claims: SessionClaims | undefined = await sessionClaims(requestHeaders ?? (await headers()));
  if (claims === undefined) {
    const session = (await auth()) as { user?: { id?: string }; authAt?: number } | null;
    claims = { sub: session?.user?.id ?? null, authAt: session?.authAt ?? 0 };
  }
  const id = Number(claims.sub);
  return Number.isInteger(id) && id > 0 ? { userId: id, authAt: claims.authAt } : null;
}

/**
 * The account a session belongs to, as the database has it now: "disabled"
 * for a disabled one, null when it is gone or the session began before the
 * account's sessions were ended (disabled, or password reset).
 */
export function sessionAccount(session: Session | null): SessionUser | "disabled" | null {
  if (session === null) return null;
  const row = userByIdStatement("").get({ id: session.userId });
  if (!row) return null;
  if (row.disabled) return "disabled";
  if (session.authAt < row.sessionsValidFrom) return null;
  return { id: row.id, email: row.email, name: row.name, role: row.role };
}

// every API request and page asks this: prepared once per connection
const userByIdStatement = preparedPerShape((db) =>
  db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role, disabled: users.disabled, sessionsValidFrom: users.sessionsValidFrom })
    .from(users)
    .where(eq(users.id, sql.placeholder("id")))
    .prepare(),
);

/** An account as the database has it now; "disabled" for a disabled one. */
export function userById(id: number | null): SessionUser | "disabled" | null {
  if (id === null) return null;
  const row = userByIdStatement("").get({ id });
  if (!row) return null;
  if (row.disabled) return "disabled";
  return { id: row.id, email: row.email, name: row.name, role: row.role };
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
