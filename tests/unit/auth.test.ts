import { describe, expect, it } from "vitest";
import { checkCredentials } from "@/lib/auth/credentials";
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
    expectOk(await setDisabled(SYSTEM, { userId: disabled.id, disabled: true }));
    const address = newAddress();
    const invalid = { ok: false, reason: "invalid" };
    expect(await checkCredentials({ email: user.email, password: "wrong password here" }, address)).toEqual(invalid);
    expect(await checkCredentials({ email: `${unique("nobody")}@example.test`, password: user.password }, address)).toEqual(invalid);
    expect(await checkCredentials({ email: disabled.email, password: disabled.password }, address)).toEqual(invalid);
    expect(await checkCredentials({ email: user.email }, address)).toEqual(invalid);
    expect(await checkCredentials(null, address)).toEqual(invalid);
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
    expect(HOME_PATH).toBe("/");
    expect(safeCallbackPath(undefined)).toBe("/");
    expect(safeCallbackPath(["/claims"])).toBe("/");
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
