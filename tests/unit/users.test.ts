import { describe, expect, it } from "vitest";
import { rawGet } from "@/db/raw";
import { verifyPassword } from "@/lib/auth/password";
import { createSpeaker } from "@/lib/speakers";
import { changeRole, createUser, resetPassword, setDisabled } from "@/lib/users";
import type { Result } from "@/lib/result";
import { DEFAULT_PASSWORD, SYSTEM, asUser, expectOk, makeUser, unique } from "./support/factories";
import { countRows } from "./support/rows";

const auditCount = () => countRows("audit_log");
const roleOf = async (id: number) => (await rawGet<{ role: string }>("select role from users where id = ?", [id]))!.role;
const lastAudit = async () => (await rawGet<Record<string, unknown>>("select * from audit_log order by id desc limit 1"))!;
const newUserInput = (role = "viewer") => ({ email: `${unique("new")}@example.test`, name: "New Person", role, password: DEFAULT_PASSWORD });

function errorOf<T>(result: Result<T>) {
  if (result.ok) throw new Error("expected a failure, got ok");
  return result.error;
}

describe("createUser", () => {
  it("is refused to viewers and reviewers", async () => {
    for (const role of ["viewer", "reviewer"] as const) {
      const actor = await makeUser({ role });
      const input = newUserInput();
      const error = errorOf(await createUser(asUser(actor), input));
      expect(error.code).toBe("forbidden");
      expect(await rawGet("select id from users where email = ?", [input.email])).toBeUndefined();
    }
  });

  it("is allowed to an admin, and audited without the hash", async () => {
    const admin = await makeUser({ role: "admin" });
    const before = await auditCount();
    const input = newUserInput("reviewer");
    const user = expectOk(await createUser(asUser(admin), input));
    expect(user).toEqual({ id: user.id, email: input.email, name: "New Person", role: "reviewer", disabled: false });
    expect(await auditCount()).toBe(before + 1);
    const audit = await lastAudit();
    expect(audit).toMatchObject({ actor_id: admin.id, action: "user.create", entity: "user", entity_id: user.id });
    expect(String(audit.after)).not.toMatch(/argon2|password/i);
  });

  it("refuses a second account for the same email in another case", async () => {
    const existing = await makeUser({ role: "viewer" });
    const error = errorOf(await createUser(SYSTEM, { ...newUserInput(), email: existing.email.toUpperCase() }));
    expect(error.code).toBe("conflict");
    expect(error.fields?.email).toBeDefined();
  });

  it("gives per-field messages for invalid input", async () => {
    const admin = await makeUser({ role: "admin" });
    const before = await auditCount();
    const error = errorOf(await createUser(asUser(admin), { email: "not-an-email", name: "  ", role: "owner", password: "short" }));
    expect(error.code).toBe("invalid");
    expect(error.fields).toEqual({
      email: "Enter a valid email address.",
      name: "Name is required.",
      role: "Role is one of admin, reviewer, viewer.",
      password: "A password has at least 12 characters.",
    });
    expect(errorOf(await createUser(asUser(admin), { ...newUserInput(), isAdmin: true })).code).toBe("invalid");
    expect(await auditCount()).toBe(before);
  });

  it("checks the role before validating, so a viewer learns nothing from bad input", async () => {
    const viewer = await makeUser({ role: "viewer" });
    expect(errorOf(await createUser(asUser(viewer), { email: "nope" })).code).toBe("forbidden");
  });
});

describe("changeRole", () => {
  it("takes effect on the very next write", async () => {
    const admin = await makeUser({ role: "admin" });
    const user = await makeUser({ role: "viewer" });
    expect(errorOf(await createUser(asUser(user), newUserInput())).code).toBe("forbidden");

    const before = await auditCount();
    expect(expectOk(await changeRole(asUser(admin), { userId: user.id, role: "admin" })).role).toBe("admin");
    expect(await roleOf(user.id)).toBe("admin");
    expect(await auditCount()).toBe(before + 1);
    expectOk(await createUser(asUser(user), newUserInput()));

    expectOk(await changeRole(asUser(admin), { userId: user.id, role: "reviewer" }));
    expect(errorOf(await createUser(asUser(user), newUserInput())).code).toBe("forbidden");
    // a reviewer can still do reviewer work
    expect(expectOk(await createSpeaker(asUser(user), { name: unique("Speaker"), kind: "person" })).name).toMatch(/^Speaker-/);
  });

  it("does not let an admin demote themself", async () => {
    const admin = await makeUser({ role: "admin" });
    const error = errorOf(await changeRole(asUser(admin), { userId: admin.id, role: "viewer" }));
    expect(error.code).toBe("invalid");
    expect(await roleOf(admin.id)).toBe("admin");
    expectOk(await changeRole(asUser(admin), { userId: admin.id, role: "admin" }));
  });

  it("says not_found for a user that does not exist", async () => {
    const admin = await makeUser({ role: "admin" });
    expect(errorOf(await changeRole(asUser(admin), { userId: admin.id + 100_000, role: "viewer" })).code).toBe("not_found");
  });
});

describe("setDisabled", () => {
  it("refuses a disabled actor (forbidden) on the next write", async () => {
    const admin = await makeUser({ role: "admin" });
    const other = await makeUser({ role: "admin" });
    expectOk(await createUser(asUser(other), newUserInput()));

    const before = await auditCount();
    expect(expectOk(await setDisabled(asUser(admin), { userId: other.id, disabled: true })).disabled).toBe(true);
    expect(await auditCount()).toBe(before + 1);
    const audit = await lastAudit();
    expect(audit.action).toBe("user.disable");

    const error = errorOf(await createUser(asUser(other), newUserInput()));
    expect(error.code).toBe("forbidden");
    expect(errorOf(await changeRole(asUser(other), { userId: admin.id, role: "viewer" })).code).toBe("forbidden");
    expect(await roleOf(admin.id)).toBe("admin");

    expectOk(await setDisabled(asUser(admin), { userId: other.id, disabled: false }));
    expectOk(await createUser(asUser(other), newUserInput()));
  });

  it("does not let an admin disable themself", async () => {
    const admin = await makeUser({ role: "admin" });
    expect(errorOf(await setDisabled(asUser(admin), { userId: admin.id, disabled: true })).code).toBe("invalid");
  });

  it("treats an actor id that names no user as unauthenticated", async () => {
    expect(errorOf(await createUser({ type: "user", userId: 9_999_999 }, newUserInput())).code).toBe("unauthenticated");
  });
});

describe("resetPassword", () => {
  it("changes the password and audits that it changed, never what it is", async () => {
    const admin = await makeUser({ role: "admin" });
    const user = await makeUser({ role: "viewer" });
    const newPassword = "a brand new passphrase 42";
    const before = await auditCount();
    expectOk(await resetPassword(asUser(admin), { userId: user.id, password: newPassword }));
    expect(await auditCount()).toBe(before + 1);

    const { password_hash: hash } = (await rawGet<{ password_hash: string }>("select password_hash from users where id = ?", [user.id]))!;
    expect(await verifyPassword(hash, newPassword)).toBe(true);
    expect(await verifyPassword(hash, user.password)).toBe(false);

    const audit = await lastAudit();
    expect(audit).toMatchObject({ action: "user.reset_password", entity: "user", entity_id: user.id, actor_id: admin.id });
    const text = JSON.stringify(audit);
    expect(text).not.toContain(newPassword);
    expect(text).not.toContain(hash);
    expect(text).not.toMatch(/argon2/);
  });

  it("refuses a short password", async () => {
    const user = await makeUser({ role: "viewer" });
    const error = errorOf(await resetPassword(SYSTEM, { userId: user.id, password: "short" }));
    expect(error.code).toBe("invalid");
    expect(error.fields?.password).toMatch(/at least 12/);
  });
});
