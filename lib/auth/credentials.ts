import "server-only";
import { eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { users, type Role } from "@/db/schema";
import { signInInput } from "@/lib/validation/users";
import { attemptKeys, limitState, releaseAttempt, reserveAttempt } from "./limiter";
import { burnPasswordCheck, verifyPassword } from "./password";

export type SignedInUser = { id: string; email: string; name: string; role: Role };

export type CredentialsOutcome =
  | { ok: true; user: SignedInUser }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "locked" | "slowed"; retryAfterMs: number };

/** One message for an unknown email, a wrong password and a disabled account. */
export const INVALID_CREDENTIALS_MESSAGE = "That email and password do not match an active account.";

export function lockedMessage(retryAfterMs: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterMs / 60_000));
  return `Too many failed sign-ins. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}

/** The account-wide ceiling: seconds, not minutes, and no lock. */
export function slowedMessage(retryAfterMs: number): string {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return `This account has had many failed sign-ins, so tries are spaced out. Try again in ${seconds} second${seconds === 1 ? "" : "s"}.`;
}

export async function checkCredentials(
  raw: unknown,
  clientAddress: string | null,
): Promise<CredentialsOutcome> {
  const parsed = signInInput.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const { email, password } = parsed.data;
  const keys = attemptKeys(email, clientAddress);

  // counted as a failure before the password is checked, so a burst cannot outrun the count
  const reserved = await reserveAttempt(keys);
  if (!reserved.ok) return { ok: false, reason: reserved.state.kind, retryAfterMs: reserved.state.retryAfterMs };

  const [user] = await getDb()
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      disabled: users.disabled,
      passwordHash: users.passwordHash,
    })
    .from(users)
    .where(eq(sql`lower(${users.email})`, email))
    .limit(1);

  const good = user ? await verifyPassword(user.passwordHash, password) : await burnPasswordCheck(password);
  if (!user || !good || user.disabled) {
    // the failure that reaches a limit says so at once, not on the next try
    const after = await limitState(getDb(), keys);
    return after.limited ? { ok: false, reason: after.kind, retryAfterMs: after.retryAfterMs } : { ok: false, reason: "invalid" };
  }
  await releaseAttempt(keys, reserved.reservation);
  return { ok: true, user: { id: String(user.id), email: user.email, name: user.name, role: user.role } };
}
