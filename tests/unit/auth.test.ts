import { describe, expect, it } from "vitest";
import { checkCredentials, lockedMessage } from "@/lib/auth/credentials";
import { MAX_FAILURES, WINDOW_MS, accountKey, lockState, recordFailure } from "@/lib/auth/limiter";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { HOME_PATH, safeCallbackPath } from "@/lib/auth/safe-redirect";
import { setDisabled } from "@/lib/users";
import { SYSTEM, expectOk, makeUser, unique } from "./support/factories";

/** A client address no other test uses (TEST-NET-3 plus a unique port-like suffix). */
const newAddress = () => `203.0.113.${unique("ip")}`;

describe("password hashing", () => {
  it("makes argon2id hashes at the OWASP setting, salted", async () => {
    const a = await hashPassword("correct horse battery staple");
    const b = await hashPassword("correct horse battery staple");
    expect(a.startsWith("$argon2id$v=19$m=19456,t=2,p=1$")).toBe(true);
    expect(a).not.toBe(b);
  });

  it("verifies the right password and rejects a wrong one or a broken hash", async () => {
    const hash = await hashPassword("correct horse battery staple");
    expect(await verifyPassword(hash, "correct horse battery staple")).toBe(true);
    expect(await verifyPassword(hash, "Correct horse battery staple")).toBe(false);
    expect(await verifyPassword("not-a-hash", "correct horse battery staple")).toBe(false);
  });
});

describe("checkCredentials", () => {
  it("signs in with the right password, whatever the email's case", async () => {
    const user = await makeUser({ role: "reviewer" });
    const outcome = await checkCredentials({ email: ` ${user.email.toUpperCase()} `, password: user.password }, newAddress());
    expect(outcome).toEqual({ ok: true, user: { id: String(user.id), email: user.email, name: user.name, role: "reviewer" } });
  });

  it("says only 'invalid' for a wrong password, an unknown email, a disabled account or bad input", async () => {
    const user = await makeUser({ role: "viewer" });
    const disabled = await makeUser({ role: "viewer" });
    expectOk(setDisabled(SYSTEM, { userId: disabled.id, disabled: true }));
    const address = newAddress();
    const invalid = { ok: false, reason: "invalid" };
    expect(await checkCredentials({ email: user.email, password: "wrong password here" }, address)).toEqual(invalid);
    expect(await checkCredentials({ email: `${unique("nobody")}@example.test`, password: user.password }, address)).toEqual(invalid);
    expect(await checkCredentials({ email: disabled.email, password: disabled.password }, address)).toEqual(invalid);
    expect(await checkCredentials({ email: user.email }, address)).toEqual(invalid);
    expect(await checkCredentials(null, address)).toEqual(invalid);
  });
});

describe("sign-in limiter", () => {
  it("locks an account on the tenth failure, then refuses even the right password", async () => {
    const user = await makeUser({ role: "viewer" });
    const wrong = { email: user.email, password: "wrong password here" };
    for (let i = 1; i < MAX_FAILURES; i++) {
      // a fresh address each time: only the account counter is at work
      expect(await checkCredentials(wrong, newAddress())).toEqual({ ok: false, reason: "invalid" });
    }
    expect(lockState([accountKey(user.email)])).toEqual({ locked: false });

    const tenth = await checkCredentials(wrong, newAddress());
    expect(tenth).toMatchObject({ ok: false, reason: "locked" });

    const right = await checkCredentials({ email: user.email, password: user.password }, newAddress());
    expect(right.ok).toBe(false);
    if (right.ok || right.reason !== "locked") throw new Error(`expected locked, got ${JSON.stringify(right)}`);
    expect(right.retryAfterMs).toBeGreaterThan(WINDOW_MS - 60_000);
    expect(right.retryAfterMs).toBeLessThanOrEqual(WINDOW_MS);
    expect(lockedMessage(right.retryAfterMs)).toMatch(/Try again in 15 minutes\./);
  });

  it("forgets an account's failures after a successful sign-in", async () => {
    const user = await makeUser({ role: "viewer" });
    const wrong = { email: user.email, password: "wrong password here" };
    for (let i = 1; i < MAX_FAILURES; i++) await checkCredentials(wrong, null);
    expect((await checkCredentials({ email: user.email, password: user.password }, null)).ok).toBe(true);
    expect(await checkCredentials(wrong, null)).toEqual({ ok: false, reason: "invalid" });
  });

  it("counts only failures inside the 15-minute window", () => {
    const key = accountKey(`${unique("window")}@example.test`);
    const t0 = Date.now();
    for (let i = 0; i < MAX_FAILURES; i++) recordFailure([key], t0);
    expect(lockState([key], t0)).toEqual({ locked: true, retryAfterMs: WINDOW_MS });
    expect(lockState([key], t0 + WINDOW_MS - 1)).toEqual({ locked: true, retryAfterMs: 1 });
    expect(lockState([key], t0 + WINDOW_MS)).toEqual({ locked: false });
    expect(lockState([key], t0 + 16 * 60_000)).toEqual({ locked: false });
  });

  it("releases a lock when the oldest failures age out of the window", () => {
    const key = accountKey(`${unique("sliding")}@example.test`);
    const t0 = Date.now() - 20 * 60_000;
    for (let i = 0; i < 5; i++) recordFailure([key], t0);
    for (let i = 0; i < 5; i++) recordFailure([key], t0 + 10 * 60_000);
    expect(lockState([key], t0 + 10 * 60_000)).toEqual({ locked: true, retryAfterMs: 5 * 60_000 });
    expect(lockState([key], t0 + WINDOW_MS + 1)).toEqual({ locked: false });
    // failures older than the window do not help a new burst lock the key
    for (let i = 0; i < 4; i++) recordFailure([key], t0 + 26 * 60_000);
    expect(lockState([key], t0 + 26 * 60_000)).toEqual({ locked: false });
  });

  it("locks a client address after ten failures across different emails", async () => {
    const address = newAddress();
    for (let i = 0; i < MAX_FAILURES - 1; i++) {
      expect(await checkCredentials({ email: `${unique("spray")}@example.test`, password: "guess guess guess" }, address)).toEqual({
        ok: false,
        reason: "invalid",
      });
    }
    expect(await checkCredentials({ email: `${unique("spray")}@example.test`, password: "guess" }, address)).toMatchObject({
      reason: "locked",
    });

    // the address is locked even for a real account with its right password; another address is not
    const user = await makeUser({ role: "viewer" });
    expect(await checkCredentials({ email: user.email, password: user.password }, address)).toMatchObject({ reason: "locked" });
    expect((await checkCredentials({ email: user.email, password: user.password }, newAddress())).ok).toBe(true);
  });

  it("words the lock message in whole minutes", () => {
    expect(lockedMessage(1)).toMatch(/1 minute\./);
    expect(lockedMessage(61_000)).toMatch(/2 minutes\./);
    expect(lockedMessage(WINDOW_MS)).toMatch(/15 minutes\./);
  });
});

describe("safeCallbackPath", () => {
  it("keeps a path on this site, query and hash included", () => {
    expect(safeCallbackPath("/claims?x=1")).toBe("/claims?x=1");
    expect(safeCallbackPath("/sources/3#claim-9")).toBe("/sources/3#claim-9");
  });

  it.each([
    "https://evil.example",
    "//evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "javascript:alert(1)",
    "JavaScript:alert(1)",
    "/\tevil",
    "",
    "/login",
    "claims",
  ])("sends %j home", (value) => {
    expect(safeCallbackPath(value)).toBe(HOME_PATH);
    expect(safeCallbackPath(value, "http://localhost:3000")).toBe(HOME_PATH);
  });

  it("sends non-strings home", () => {
    expect(HOME_PATH).toBe("/sources");
    expect(safeCallbackPath(undefined)).toBe("/sources");
    expect(safeCallbackPath(["/claims"])).toBe("/sources");
  });

  it("turns a same-origin absolute URL into its path, given the base URL", () => {
    expect(safeCallbackPath("http://localhost:3000/claims?status=pending", "http://localhost:3000")).toBe("/claims?status=pending");
    expect(safeCallbackPath("http://localhost:3000/claims")).toBe(HOME_PATH);
    expect(safeCallbackPath("http://localhost:3001/claims", "http://localhost:3000")).toBe(HOME_PATH);
    expect(safeCallbackPath("https://localhost:3000/claims", "http://localhost:3000")).toBe(HOME_PATH);
    expect(safeCallbackPath("http://localhost:3000//evil.example/x", "http://localhost:3000")).toBe(HOME_PATH);
    expect(safeCallbackPath("http://localhost:3000/login", "http://localhost:3000")).toBe(HOME_PATH);
  });
});
