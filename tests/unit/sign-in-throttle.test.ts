import { beforeEach, describe, expect, it, vi } from "vitest";
import { checkCredentials } from "@/lib/auth/credentials";
import { MAX_FAILURES } from "@/lib/auth/limiter";
import * as password from "@/lib/auth/password";
import { makeUser, unique } from "./support/factories";

// the real argon2 functions, watched: a locked attempt must not reach them
vi.mock("@/lib/auth/password", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/auth/password")>();
  return { ...real, verifyPassword: vi.fn(real.verifyPassword), burnPasswordCheck: vi.fn(real.burnPasswordCheck) };
});

const argon2Calls = () => vi.mocked(password.verifyPassword).mock.calls.length + vi.mocked(password.burnPasswordCheck).mock.calls.length;
const newAddress = () => `203.0.113.${unique("ip")}`;

beforeEach(() => {
  vi.mocked(password.verifyPassword).mockClear();
  vi.mocked(password.burnPasswordCheck).mockClear();
});

describe("200 wrong passwords", () => {
  it("for one account: locked after the tenth, the right password too, and only ten argon2 checks", async () => {
    const user = await makeUser({ role: "reviewer" });
    const reasons: string[] = [];
    for (let i = 0; i < 200; i++) {
      const outcome = await checkCredentials({ email: user.email, password: `wrong-${i}` }, newAddress());
      reasons.push(outcome.ok ? "ok" : outcome.reason);
    }
    expect(reasons.slice(0, MAX_FAILURES - 1)).toEqual(Array(MAX_FAILURES - 1).fill("invalid"));
    expect(reasons.slice(MAX_FAILURES - 1)).toEqual(Array(200 - MAX_FAILURES + 1).fill("locked"));
    // the verifications that counted; every locked attempt was answered before argon2
    expect(argon2Calls()).toBe(MAX_FAILURES);

    const right = await checkCredentials({ email: user.email, password: user.password }, newAddress());
    expect(right).toMatchObject({ ok: false, reason: "locked" });
    expect(argon2Calls()).toBe(MAX_FAILURES);
  });

  it("from one address: locked for every account, the right password too; other addresses unaffected", async () => {
    const user = await makeUser({ role: "viewer" });
    const address = newAddress();
    const reasons: string[] = [];
    for (let i = 0; i < 200; i++) {
      // a different (unknown) email each time: only the address ties the attempts together
      const outcome = await checkCredentials({ email: `guess-${unique("e")}@example.org`, password: "wrong" }, address);
      reasons.push(outcome.ok ? "ok" : outcome.reason);
    }
    expect(reasons.filter((r) => r === "invalid")).toHaveLength(MAX_FAILURES - 1);
    expect(reasons.slice(MAX_FAILURES - 1).every((r) => r === "locked")).toBe(true);
    expect(argon2Calls()).toBe(MAX_FAILURES);

    expect(await checkCredentials({ email: user.email, password: user.password }, address)).toMatchObject({ ok: false, reason: "locked" });
    expect(await checkCredentials({ email: user.email, password: user.password }, newAddress())).toMatchObject({ ok: true });
  });

  it("an unknown email and a known one get the same answers, attempt by attempt", async () => {
    const user = await makeUser({ role: "viewer" });
    const known: string[] = [];
    const unknown: string[] = [];
    const ghost = `ghost-${unique("g")}@example.org`;
    for (let i = 0; i < 15; i++) {
      const a = await checkCredentials({ email: user.email, password: `wrong-${i}` }, newAddress());
      const b = await checkCredentials({ email: ghost, password: `wrong-${i}` }, newAddress());
      known.push(a.ok ? "ok" : a.reason);
      unknown.push(b.ok ? "ok" : b.reason);
    }
    expect(unknown).toEqual(known);
    expect(new Set(known)).toEqual(new Set(["invalid", "locked"]));
  });
});
