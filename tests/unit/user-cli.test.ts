import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { transaction } from "@/db/client";
import { rawGet } from "@/db/raw";
import { signInFailures } from "@/db/schema";
import { verifyPassword } from "@/lib/auth/password";
import { countRows } from "./support/rows";

/**
 * `npm run user` as an admin types it, against this test file's own database
 * (DATABASE_URL, set by support/setup.ts: an SQLite file or a PostgreSQL database).
 */
function cli(args: string[], input?: string) {
  return spawnSync(process.execPath, ["--import", "tsx", "--conditions=react-server", path.resolve("scripts/user.ts"), ...args], {
    env: process.env,
    input: input ?? "",
    encoding: "utf8",
    timeout: 60_000,
  });
}
const hashOf = async (email: string) => (await rawGet<{ password_hash: string }>("select password_hash from users where email = ?", [email]))!.password_hash;

describe("npm run user", () => {
  it("reads a password from standard input, so it never appears in the command line", async () => {
    const password = "piped in, never on argv";
    const added = cli(["add", "--email", "ed@example.test", "--role", "admin", "--password-stdin"], `${password}\n`);
    expect(added.status, added.stderr).toBe(0);
    expect(added.stdout).toContain("Added ed@example.test as admin.");
    expect(added.stdout).not.toContain(password);
    expect(await verifyPassword(await hashOf("ed@example.test"), password)).toBe(true);

    const reset = cli(["reset-password", "--email", "ed@example.test", "--password-stdin"], "another piped password\r\n");
    expect(reset.status, reset.stderr).toBe(0);
    expect(await verifyPassword(await hashOf("ed@example.test"), "another piped password")).toBe(true);

    const empty = cli(["reset-password", "--email", "ed@example.test", "--password-stdin"], "\n");
    expect(empty.status).toBe(2);
    expect(empty.stderr).toContain("read no password");
    const both = cli(["reset-password", "--email", "ed@example.test", "--password", "x", "--password-stdin"], "y\n");
    expect(both.status).toBe(2);
  });

  it("unlocks an account locked by failed sign-ins, at every address", async () => {
    expect(cli(["add", "--email", "lo@example.test", "--role", "viewer", "--password-stdin"], "a long enough password\n").status).toBe(0);
    await transaction(async (tx) => {
      for (let i = 0; i < 10; i++) {
        for (const key of ["account:lo@example.test", "pair:lo@example.test|203.0.113.9", "pair:lolo@example.test|203.0.113.9"]) {
          await tx.insert(signInFailures).values({ key, at: Date.now() });
        }
      }
    });
    const unlocked = cli(["unlock", "--email", "lo@example.test"]);
    expect(unlocked.status, unlocked.stderr).toBe(0);
    expect(unlocked.stdout).toContain("Sign-in unlocked for lo@example.test (20 failure records cleared)");
    expect(await countRows("sign_in_failures where key like '%lo@example.test%' and key not like '%lolo%'")).toBe(0);
    // another account whose name merely starts the same is left alone
    expect(await countRows("sign_in_failures where key like 'pair:lolo%'")).toBe(10);
  });
});
