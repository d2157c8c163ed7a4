import { beforeEach, describe, expect, it, vi } from "vitest";
import { rawGet } from "@/db/raw";
import { sessionAccount } from "@/lib/auth/session";
import { endSession, startSession } from "@/lib/auth/sessions";
import * as password from "@/lib/auth/password";
import { userForToken, createToken } from "@/lib/tokens";
import { createUser, endAllSessions, resetPassword, setDisabled } from "@/lib/users";
import { SYSTEM, asUser, expectOk, makeUser } from "./support/factories";
import { countRows } from "./support/rows";

vi.mock("@/lib/auth", async () => (await import("./support/api")).mockAuth());

// the real argon2 hash, watched: no one without the admin role may make the server run it
vi.mock("@/lib/auth/password", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/auth/password")>();
  return { ...real, hashPassword: vi.fn(real.hashPassword) };
});
beforeEach(() => {
  vi.mocked(password.hashPassword).mockClear();
});

const signedIn = async (userId: number) => ({ userId, authAt: Date.now(), sid: await startSession(userId) });

describe("sessions end on the server", () => {
  it("a cookie's session ends at sign-out: the same cookie, copied before, is refused after", async () => {
    const user = await makeUser({ role: "reviewer" });
    const copy = await signedIn(user.id);
    expect(await sessionAccount(copy)).toMatchObject({ id: user.id });
    await endSession(copy.sid);
    expect(await sessionAccount(copy)).toBeNull();
  });

  it("a cookie naming no session, another user's session, or none at all is refused", async () => {
    const user = await makeUser({ role: "reviewer" });
    const other = await makeUser({ role: "reviewer" });
    expect(await sessionAccount({ userId: user.id, authAt: Date.now(), sid: null })).toBeNull();
    expect(await sessionAccount({ userId: user.id, authAt: Date.now(), sid: "made-up" })).toBeNull();
    expect(await sessionAccount({ userId: user.id, authAt: Date.now(), sid: await startSession(other.id) })).toBeNull();
  });

  it("'sign out everywhere' ends every session of the account and no other's, with an audit row", async () => {
    const user = await makeUser({ role: "viewer" });
    const other = await makeUser({ role: "viewer" });
    const laptop = await signedIn(user.id);
    const phone = await signedIn(user.id);
    const someoneElse = await signedIn(other.id);
    expect(expectOk(await endAllSessions(asUser(user), { userId: user.id })).sessionsEnded).toBe(2);
    expect(await sessionAccount(laptop)).toBeNull();
    expect(await sessionAccount(phone)).toBeNull();
    expect(await sessionAccount(someoneElse)).toMatchObject({ id: other.id });
    // a new sign-in afterwards works
    const again = { ...(await signedIn(user.id)), authAt: Date.now() + 1 };
    expect(await sessionAccount(again)).toMatchObject({ id: user.id });
    const audit = await rawGet("select action from audit_log where entity = 'user' and entity_id = ? order by id desc", [user.id]);
    expect(audit).toEqual({ action: "user.end_sessions" });
  });

  it("only an admin may sign another account out", async () => {
    const user = await makeUser({ role: "reviewer" });
    const victim = await makeUser({ role: "reviewer" });
    const admin = await makeUser({ role: "admin" });
    const session = await signedIn(victim.id);
    expect(await endAllSessions(asUser(user), { userId: victim.id })).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect(await sessionAccount(session)).toMatchObject({ id: victim.id });
    expectOk(await endAllSessions(asUser(admin), { userId: victim.id }));
    expect(await sessionAccount(session)).toBeNull();
  });
});

describe("tokens die with their account's trust", () => {
  it("disabling an account revokes its tokens and ends its sessions; enabling it brings neither back", async () => {
    const user = await makeUser({ role: "reviewer" });
    const { token } = expectOk(await createToken(asUser(user), { name: "cms" }));
    const session = await signedIn(user.id);
    expectOk(await setDisabled(SYSTEM, { userId: user.id, disabled: true }));
    expectOk(await setDisabled(SYSTEM, { userId: user.id, disabled: false }));
    expect(await userForToken(token)).toBeNull();
    expect(await sessionAccount(session)).toBeNull();
    expect(await countRows("audit_log where action like 'token.revoke%' and entity = 'api_token'")).toBeGreaterThan(0);
  });

  it("a password reset revokes every token of the account, and no one else's", async () => {
    const user = await makeUser({ role: "reviewer" });
    const other = await makeUser({ role: "reviewer" });
    const a = expectOk(await createToken(asUser(user), { name: "a" })).token;
    const b = expectOk(await createToken(asUser(user), { name: "b" })).token;
    const theirs = expectOk(await createToken(asUser(other), { name: "theirs" })).token;
    expectOk(await resetPassword(SYSTEM, { userId: user.id, password: "a brand new long password" }));
    expect(await userForToken(a)).toBeNull();
    expect(await userForToken(b)).toBeNull();
    expect(await userForToken(theirs)).toBe(other.id);
  });
});

describe("passwords are hashed only after the role check", () => {
  it("a viewer or reviewer asking to create a user or reset a password makes the server hash nothing", async () => {
    const viewer = await makeUser({ role: "viewer" });
    const reviewer = await makeUser({ role: "reviewer" });
    vi.mocked(password.hashPassword).mockClear();
    for (const actor of [asUser(viewer), asUser(reviewer)]) {
      const made = await createUser(actor, { email: "x@example.test", name: "X", role: "admin", password: "long enough password" });
      expect(made).toMatchObject({ ok: false, error: { code: "forbidden" } });
      const reset = await resetPassword(actor, { userId: viewer.id, password: "long enough password" });
      expect(reset).toMatchObject({ ok: false, error: { code: "forbidden" } });
    }
    // and an admin's invalid input is refused before hashing too
    const admin = await makeUser({ role: "admin" });
    vi.mocked(password.hashPassword).mockClear();
    expect(await createUser(asUser(admin), { email: "not an email", name: "X", role: "viewer", password: "long enough password" })).toMatchObject({
      ok: false,
      error: { code: "invalid" },
    });
    expect(password.hashPassword).not.toHaveBeenCalled();
  });
});
