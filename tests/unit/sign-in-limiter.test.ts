import { beforeEach, describe, expect, it, vi } from "vitest";
import { checkCredentials, lockedMessage, slowedMessage } from "@/lib/auth/credentials";
import {
  ACCOUNT_MAX_DELAY_MS,
  ACCOUNT_SOFT_LIMIT,
  MAX_ADDRESS_FAILURES,
  MAX_FAILURES,
  WINDOW_MS,
  accountDelayMs,
  attemptKeys,
  limitState,
  limitedAccounts,
  recordFailure,
} from "@/lib/auth/limiter";
import * as password from "@/lib/auth/password";
import { and, desc, eq, sql } from "drizzle-orm";
import { getDb, transaction } from "@/db/client";
import { auditLog, signInFailures } from "@/db/schema";
import { unlockAccount } from "@/lib/users";
import { SYSTEM, asUser, expectOk, makeUser, unique } from "./support/factories";

// the real argon2 functions, watched: an attempt refused by a limit must never reach them
vi.mock("@/lib/auth/password", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/auth/password")>();
  return { ...real, verifyPassword: vi.fn(real.verifyPassword), burnPasswordCheck: vi.fn(real.burnPasswordCheck) };
});

const passwordChecks = () => vi.mocked(password.verifyPassword).mock.calls.length + vi.mocked(password.burnPasswordCheck).mock.calls.length;
/** A client address no other test uses (TEST-NET-3 plus a unique suffix). */
const newAddress = () => `203.0.113.${unique("ip")}`;
const reason = (o: Awaited<ReturnType<typeof checkCredentials>>) => (o.ok ? "ok" : o.reason);

beforeEach(() => {
  vi.mocked(password.verifyPassword).mockClear();
  vi.mocked(password.burnPasswordCheck).mockClear();
});

describe("the hard lock: one account at one address", () => {
  it("locks that pair on the tenth failure, the right password too, with no password check past the tenth", async () => {
    const user = await makeUser({ role: "reviewer" });
    const address = newAddress();
    const reasons: string[] = [];
    for (let i = 0; i < 30; i++) reasons.push(reason(await checkCredentials({ email: user.email, password: `wrong-${i}` }, address)));
    expect(reasons.slice(0, MAX_FAILURES - 1)).toEqual(Array(MAX_FAILURES - 1).fill("invalid"));
    expect(reasons.slice(MAX_FAILURES - 1)).toEqual(Array(30 - MAX_FAILURES + 1).fill("locked"));
    expect(passwordChecks()).toBe(MAX_FAILURES);

    const right = await checkCredentials({ email: user.email, password: user.password }, address);
    expect(right).toMatchObject({ ok: false, reason: "locked" });
    if (right.ok || right.reason === "invalid") throw new Error("expected a lock");
    expect(right.retryAfterMs).toBeGreaterThan(WINDOW_MS - 60_000);
    expect(lockedMessage(right.retryAfterMs)).toMatch(/Try again in 15 minutes\./);
  });

  it("does not shut the owner out: ten guesses from one address leave the owner's own address free", async () => {
    const user = await makeUser({ role: "reviewer" });
    const attacker = newAddress();
    for (let i = 0; i < MAX_FAILURES; i++) await checkCredentials({ email: user.email, password: `guess-${i}` }, attacker);
    expect(await checkCredentials({ email: user.email, password: user.password }, attacker)).toMatchObject({ reason: "locked" });
    expect(await checkCredentials({ email: user.email, password: user.password }, newAddress())).toMatchObject({ ok: true });
  });

  it("counts only failures inside the 15-minute window, and releases as the oldest age out", async () => {
    const keys = attemptKeys(`${unique("window")}@example.test`, newAddress());
    const t0 = Date.now() - 20 * 60_000;
    for (let i = 0; i < 5; i++) await recordFailure([keys.pair], t0);
    for (let i = 0; i < 5; i++) await recordFailure([keys.pair], t0 + 10 * 60_000);
    expect(await limitState(getDb(), keys, t0 + 10 * 60_000)).toEqual({ limited: true, kind: "locked", retryAfterMs: 5 * 60_000 });
    expect(await limitState(getDb(), keys, t0 + WINDOW_MS)).toEqual({ limited: false });
    for (let i = 0; i < 4; i++) await recordFailure([keys.pair], t0 + 26 * 60_000);
    expect(await limitState(getDb(), keys, t0 + 26 * 60_000)).toEqual({ limited: false });
  });

  it("forgets the pair's and the account's failures after a right password", async () => {
    const user = await makeUser({ role: "viewer" });
    const address = newAddress();
    for (let i = 1; i < MAX_FAILURES; i++) await checkCredentials({ email: user.email, password: "wrong password" }, address);
    expect((await checkCredentials({ email: user.email, password: user.password }, address)).ok).toBe(true);
    expect(reason(await checkCredentials({ email: user.email, password: "wrong password" }, address))).toBe("invalid");
  });
});

describe("one address spraying many accounts", () => {
  it("is locked after a higher count, for every account, the right password too; other addresses are not", async () => {
    const address = newAddress();
    const reasons: string[] = [];
    for (let i = 0; i < MAX_ADDRESS_FAILURES + 5; i++) {
      reasons.push(reason(await checkCredentials({ email: `spray-${unique("e")}@example.test`, password: "guess" }, address)));
    }
    expect(reasons.filter((r) => r === "invalid")).toHaveLength(MAX_ADDRESS_FAILURES - 1);
    expect(reasons.slice(MAX_ADDRESS_FAILURES - 1).every((r) => r === "locked")).toBe(true);
    const user = await makeUser({ role: "viewer" });
    expect(await checkCredentials({ email: user.email, password: user.password }, address)).toMatchObject({ reason: "locked" });
    expect(await checkCredentials({ email: user.email, password: user.password }, newAddress())).toMatchObject({ ok: true });
  });
});

describe("the account-wide ceiling", () => {
  it("grows the delay from 1 s, doubling, to at most a minute", () => {
    expect(accountDelayMs(ACCOUNT_SOFT_LIMIT - 1)).toBe(0);
    expect(accountDelayMs(ACCOUNT_SOFT_LIMIT)).toBe(1000);
    expect(accountDelayMs(ACCOUNT_SOFT_LIMIT + 1)).toBe(2000);
    expect(accountDelayMs(ACCOUNT_SOFT_LIMIT + 3)).toBe(8000);
    expect(accountDelayMs(ACCOUNT_SOFT_LIMIT + 30)).toBe(ACCOUNT_MAX_DELAY_MS);
  });

  it("slows guesses spread over many addresses, and lets the owner in once the delay has passed", async () => {
    const user = await makeUser({ role: "reviewer" });
    // failures from as many addresses: no pair and no address is locked, the account is now slowed
    for (let i = 0; i < ACCOUNT_SOFT_LIMIT; i++) await checkCredentials({ email: user.email, password: `spread-${i}` }, newAddress());
    const slowed = await checkCredentials({ email: user.email, password: user.password }, newAddress());
    expect(slowed).toMatchObject({ ok: false, reason: "slowed" });
    if (slowed.ok || slowed.reason === "invalid") throw new Error("expected slowed");
    expect(slowed.retryAfterMs).toBeLessThanOrEqual(1000);
    expect(slowedMessage(slowed.retryAfterMs)).toMatch(/Try again in 1 second\./);

    // the wait over (the last failure moved a second back), the owner gets in
    await transaction((tx) => tx.update(signInFailures).set({ at: sql`${signInFailures.at} - 1500` }).where(eq(signInFailures.key, `account:${user.email}`)));
    expect(await checkCredentials({ email: user.email, password: user.password }, newAddress())).toMatchObject({ ok: true });
  });
});

describe("a burst cannot outrun the count", () => {
  it("99 wrong passwords and then the right one, all at once, from one address: no session, at most ten password checks", async () => {
    const user = await makeUser({ role: "reviewer" });
    const address = newAddress();
    const attempts = [...Array.from({ length: 99 }, (_, i) => `burst-${i}`), user.password].map((pw) =>
      checkCredentials({ email: user.email, password: pw }, address),
    );
    const outcomes = await Promise.all(attempts);
    expect(outcomes.filter((o) => o.ok)).toHaveLength(0);
    expect(passwordChecks()).toBeLessThanOrEqual(MAX_FAILURES);
  });

  it("spread over 100 addresses at once: the account's ceiling lets only its allowance through, then slows them", async () => {
    const user = await makeUser({ role: "reviewer" });
    const outcomes = await Promise.all(
      Array.from({ length: 100 }, (_, i) => checkCredentials({ email: user.email, password: `spread-burst-${i}` }, newAddress())),
    );
    expect(outcomes.filter((o) => o.ok)).toHaveLength(0);
    // the allowance under the ceiling, then at most one per delay (the burst is over well within a second)
    expect(passwordChecks()).toBeLessThanOrEqual(ACCOUNT_SOFT_LIMIT + 1);
  });
});

describe("admins see and lift the limits", () => {
  it("lists the locked addresses and the slow-down of an account, and unlock clears both", async () => {
    const admin = await makeUser({ role: "admin" });
    const user = await makeUser({ role: "viewer", email: `${unique("under_score")}@example.test` });
    const attacker = newAddress();
    for (let i = 0; i < MAX_FAILURES; i++) await checkCredentials({ email: user.email, password: `x-${i}` }, attacker);
    for (let i = MAX_FAILURES; i < ACCOUNT_SOFT_LIMIT; i++) await checkCredentials({ email: user.email, password: `x-${i}` }, newAddress());
    const limits = (await limitedAccounts([user.email])).get(user.email)!;
    expect(limits.failures).toBe(ACCOUNT_SOFT_LIMIT);
    expect(limits.lockedAddresses.map((l) => l.address)).toEqual([attacker]);
    expect(limits.slowedUntil).toBeGreaterThan(Date.now() - 1000);

    // a viewer may not, an admin may
    const viewer = await makeUser({ role: "viewer" });
    expect(await unlockAccount(asUser(viewer), { userId: user.id })).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect(expectOk(await unlockAccount(asUser(admin), { userId: user.id })).cleared).toBe(2 * ACCOUNT_SOFT_LIMIT);
    expect((await limitedAccounts([user.email])).size).toBe(0);
    expect(await checkCredentials({ email: user.email, password: user.password }, attacker)).toMatchObject({ ok: true });
    const audit = await getDb()
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.entity, "user"), eq(auditLog.entityId, user.id)))
      .orderBy(desc(auditLog.id))
      .limit(1);
    expect(audit).toEqual([{ action: "user.unlock" }]);
  });

  it("the shell unlocks too (system actor)", async () => {
    const user = await makeUser({ role: "viewer" });
    for (let i = 0; i < MAX_FAILURES; i++) await checkCredentials({ email: user.email, password: `x-${i}` }, "198.51.100.7");
    expectOk(await unlockAccount(SYSTEM, { userId: user.id }));
    expect(await checkCredentials({ email: user.email, password: user.password }, "198.51.100.7")).toMatchObject({ ok: true });
  });
});
