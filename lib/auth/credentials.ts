import "server-only";
import { eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { users, type Role } from "@/db/schema";
import { signInInput } from "@/lib/validation/users";
import { accountKey, addressKey, clearFailures, lockState, recordFailure } from "./limiter";
import { burnPasswordCheck, verifyPassword } from "./password";

export type SignedInUser = { id: string; email: string; name: string; role: Role };

export type CredentialsOutcome =
  | { ok: true; user: SignedInUser }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "locked"; retryAfterMs: number };

/** One message for an unknown email, a wrong password and a disabled account. */
export const INVALID_CREDENTIALS_MESSAGE = "That email and password do not match an active account.";

export function lockedMessage(retryAfterMs: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterMs / 60_000));
  return `Too many failed sign-ins. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}

export async function checkCredentials(
  raw: unknown,
  clientAddress: string | null,
): Promise<CredentialsOutcome> {
  const parsed = signInInput.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const { email, password } = parsed.data;
  const keys = [accountKey(email), ...(clientAddress ? [addressKey(clientAddress)] : [])];

  const lock = lockState(keys);
  if (lock.locked) return { ok: false, reason: "locked", retryAfterMs: lock.retryAfterMs };

  const user = getDb()
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
    .get();

  const good = user ? await verifyPassword(user.passwordHash, password) : await burnPasswordCheck(password);
  if (!user || !good || user.disabled) {
    recordFailure(keys);
    const after = lockState(keys);
    if (after.locked) return { ok: false, reason: "locked", retryAfterMs: after.retryAfterMs };
    return { ok: false, reason: "invalid" };
  }
  clearFailures([accountKey(email)]);
  return { ok: true, user: { id: String(user.id), email: user.email, name: user.name, role: user.role } };
}
