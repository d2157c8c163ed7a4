import "server-only";
import { and, eq, gt, inArray, lt, or, sql } from "drizzle-orm";
import { getDb, transaction, type Db } from "@/db/client";
import { signInFailures } from "@/db/schema";
import { escapeLike } from "@/db/sql";

/**
 * Failed sign-ins, counted in the database so the limits hold across restarts
 * and across processes. Three keys per attempt:
 *
 * - **account and address together** (`pair:`): the hard lock. Ten failures
 *   within the window lock that pair until the oldest of them leaves it. A
 *   guesser at one address locks only itself out of that account; the owner,
 *   signing in from elsewhere, is not shut out.
 * - **address** (`address:`): a hard lock at a higher count, against one
 *   address spraying guesses over many accounts.
 * - **account** (`account:`): no lock, an account-wide ceiling. Past twenty
 *   failures in the window from anywhere (more than one locked-out address can
 *   make), each further attempt must wait a growing delay after the previous
 *   one (1 s, 2 s, 4 s … at most a minute), so a guesser spread over many
 *   addresses gets about one guess a minute, while the owner waits a minute at
 *   worst.
 *
 * An attempt is reserved before its password is checked: in one transaction
 * that takes the write lock first, the limits are read and, when none holds,
 * a failure row per key is written at once. A burst of concurrent guesses
 * therefore queues on that lock (SQLite's write lock; on PostgreSQL one
 * advisory lock for every reservation) and each sees the ones before it; at
 * most the allowed number of password checks ever run per key and window. A
 * right password then releases its reservation.
 */
export const WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES = 10;
export const MAX_ADDRESS_FAILURES = 3 * MAX_FAILURES;
export const ACCOUNT_SOFT_LIMIT = 2 * MAX_FAILURES;
export const ACCOUNT_MAX_DELAY_MS = 60_000;

export const accountKey = (email: string) => `account:${email.trim().toLowerCase()}`;
export const addressKey = (address: string) => `address:${address}`;
export const pairKey = (email: string, address: string) => `pair:${email.trim().toLowerCase()}|${address}`;

export type LimitState =
  | { limited: false }
  | { limited: true; kind: "locked" | "slowed"; retryAfterMs: number };

/** The keys of one attempt: with no known address, only the account's ceiling and an address-less pair. */
export function attemptKeys(email: string, address: string | null) {
  return { account: accountKey(email), pair: pairKey(email, address ?? "unknown"), address: address ? addressKey(address) : null };
}
type Keys = ReturnType<typeof attemptKeys>;

type Reader = Pick<Db, "select">;

async function recentTimes(db: Reader, key: string, now: number): Promise<number[]> {
  const rows = await db
    .select({ at: signInFailures.at })
    .from(signInFailures)
    .where(and(eq(signInFailures.key, key), gt(signInFailures.at, now - WINDOW_MS)))
    .orderBy(signInFailures.at);
  return rows.map((row) => row.at);
}

/** Locked until enough failures leave the window that fewer than `max` remain. */
function hardLock(times: number[], max: number, now: number): number {
  if (times.length < max) return 0;
  return times[times.length - max]! + WINDOW_MS - now;
}

/** The wait the account's ceiling asks for before the next attempt. */
export function accountDelayMs(failures: number): number {
  if (failures < ACCOUNT_SOFT_LIMIT) return 0;
  return Math.min(ACCOUNT_MAX_DELAY_MS, 1000 * 2 ** (failures - ACCOUNT_SOFT_LIMIT));
}

/** Read one key after another: `db` may be a write's transaction. */
export async function limitState(db: Reader, keys: Keys, now = Date.now()): Promise<LimitState> {
  const pairLock = hardLock(await recentTimes(db, keys.pair, now), MAX_FAILURES, now);
  const addressLock = keys.address ? hardLock(await recentTimes(db, keys.address, now), MAX_ADDRESS_FAILURES, now) : 0;
  const lockedFor = Math.max(pairLock, addressLock);
  if (lockedFor > 0) return { limited: true, kind: "locked", retryAfterMs: lockedFor };
  const account = await recentTimes(db, keys.account, now);
  const wait = accountDelayMs(account.length);
  const last = account.at(-1);
  if (wait > 0 && last !== undefined && now - last < wait) return { limited: true, kind: "slowed", retryAfterMs: wait - (now - last) };
  return { limited: false };
}

export type Reservation = { ids: number[] };

/**
 * The lock every reservation takes on PostgreSQL, held to its commit: the
 * counts it reads may have no row to lock yet, and the pair, address and
 * account limits overlap between attempts, so all reservations queue on one
 * lock, as they do on SQLite's write lock.
 */
const RESERVATION_LOCK = "claimdesk:sign-in-limiter";

/**
 * Checks the limits and, when none holds, writes this attempt's failure rows,
 * in one transaction that takes the write lock first. The rows stand as a
 * failure unless `release` takes them back after a right password.
 */
export async function reserveAttempt(
  keys: Keys,
  now = Date.now(),
): Promise<{ ok: true; reservation: Reservation } | { ok: false; state: Extract<LimitState, { limited: true }> }> {
  return transaction(
    async (tx) => {
      const state = await limitState(tx, keys, now);
      if (state.limited) return { ok: false as const, state };
      const rows = [keys.pair, keys.account, ...(keys.address ? [keys.address] : [])].map((key) => ({ key, at: now }));
      const ids = (await tx.insert(signInFailures).values(rows).returning({ id: signInFailures.id })).map((r) => r.id);
      await tx.delete(signInFailures).where(lt(signInFailures.at, now - WINDOW_MS));
      return { ok: true as const, reservation: { ids } };
    },
    { lockKey: RESERVATION_LOCK },
  );
}

/** A right password: the reservation was no failure, and the account and pair start afresh. */
export async function releaseAttempt(keys: Keys, reservation: Reservation): Promise<void> {
  await transaction(async (tx) => {
    if (reservation.ids.length) await tx.delete(signInFailures).where(inArray(signInFailures.id, reservation.ids));
    await tx.delete(signInFailures).where(inArray(signInFailures.key, [keys.pair, keys.account]));
  });
}

/** For tests and the seed of a scenario: failures recorded as if attempts had failed at `now`. */
export async function recordFailure(keys: readonly string[], now = Date.now()): Promise<void> {
  await transaction(async (tx) => {
    await tx.insert(signInFailures).values(keys.map((key) => ({ key, at: now })));
  });
}

export type AccountLimit = {
  email: string;
  failures: number;
  /** addresses locked out of this account, with when each lock ends */
  lockedAddresses: Array<{ address: string; until: number }>;
  /** when the account-wide ceiling lets the next attempt through, while it holds one back */
  slowedUntil: number | null;
};

/** Accounts with failures in the window, for the admin page: who is locked out where, and who is slowed down. */
export async function limitedAccounts(emails: readonly string[], now = Date.now()): Promise<Map<string, AccountLimit>> {
  const out = new Map<string, AccountLimit>();
  if (emails.length === 0) return out;
  const lowered = emails.map((e) => e.trim().toLowerCase());
  const rows = await getDb()
    .select({ key: signInFailures.key, at: signInFailures.at })
    .from(signInFailures)
    .where(
      and(
        gt(signInFailures.at, now - WINDOW_MS),
        or(inArray(signInFailures.key, lowered.map(accountKey)), ...lowered.map(pairsOf)),
      ),
    )
    .orderBy(signInFailures.at);
  const byKey = new Map<string, number[]>();
  for (const row of rows) (byKey.get(row.key) ?? byKey.set(row.key, []).get(row.key)!).push(row.at);
  for (const email of lowered) {
    const account = byKey.get(accountKey(email)) ?? [];
    const lockedAddresses: AccountLimit["lockedAddresses"] = [];
    for (const [key, times] of byKey) {
      if (!key.startsWith(`pair:${email}|`)) continue;
      const lockedFor = hardLock(times, MAX_FAILURES, now);
      if (lockedFor > 0) lockedAddresses.push({ address: key.slice(`pair:${email}|`.length), until: now + lockedFor });
    }
    const wait = accountDelayMs(account.length);
    const until = wait > 0 ? account.at(-1)! + wait : 0;
    const slowedUntil = until > now ? until : null;
    if (account.length > 0 || lockedAddresses.length > 0) out.set(email, { email, failures: account.length, lockedAddresses, slowedUntil });
  }
  return out;
}

/** The pair keys of one account, at any address ("_" is common in emails and is a LIKE wildcard: escaped). */
function pairsOf(email: string) {
  const prefix = escapeLike(`pair:${email.trim().toLowerCase()}|`);
  return sql`${signInFailures.key} like ${`${prefix}%`} escape '\\'`;
}

/** Every failure counted against the account, at any address: what an admin's unlock clears. */
export async function clearAccountFailures(tx: Pick<Db, "delete">, email: string): Promise<number> {
  const cleared = await tx
    .delete(signInFailures)
    .where(or(eq(signInFailures.key, accountKey(email)), pairsOf(email)))
    .returning({ id: signInFailures.id });
  return cleared.length;
}
