import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import Database from "better-sqlite3";
import { verifyPassword } from "@/lib/auth/password";

/** `npm run user` as an admin types it, against a database of this test's own. */
const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "claimdesk-cli-")), "desk.db");
afterAll(() => fs.rmSync(path.dirname(file), { recursive: true, force: true }));

function cli(args: string[], input?: string) {
  return spawnSync(process.execPath, ["--import", "tsx", "--conditions=react-server", path.resolve("scripts/user.ts"), ...args], {
    env: { ...process.env, DATABASE_URL: `file:${file}` },
    input: input ?? "",
    encoding: "utf8",
    timeout: 60_000,
  });
}
const row = (sql: string, ...values: unknown[]) => {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(sql).get(...values);
  } finally {
    db.close();
  }
};

describe("npm run user", () => {
  it("reads a password from standard input, so it never appears in the command line", async () => {
    const password = "piped in, never on argv";
    const added = cli(["add", "--email", "ed@example.test", "--role", "admin", "--password-stdin"], `${password}\n`);
    expect(added.status, added.stderr).toBe(0);
    expect(added.stdout).toContain("Added ed@example.test as admin.");
    expect(added.stdout).not.toContain(password);
    const { password_hash } = row("select password_hash from users where email = ?", "ed@example.test") as { password_hash: string };
    expect(await verifyPassword(password_hash, password)).toBe(true);

    const reset = cli(["reset-password", "--email", "ed@example.test", "--password-stdin"], "another piped password\r\n");
    expect(reset.status, reset.stderr).toBe(0);
    const after = row("select password_hash from users where email = ?", "ed@example.test") as { password_hash: string };
    expect(await verifyPassword(after.password_hash, "another piped password")).toBe(true);

    const empty = cli(["reset-password", "--email", "ed@example.test", "--password-stdin"], "\n");
    expect(empty.status).toBe(2);
    expect(empty.stderr).toContain("read no password");
    const both = cli(["reset-password", "--email", "ed@example.test", "--password", "x", "--password-stdin"], "y\n");
    expect(both.status).toBe(2);
  });

  it("unlocks an account locked by failed sign-ins, at every address", () => {
    expect(cli(["add", "--email", "lo@example.test", "--role", "viewer", "--password-stdin"], "a long enough password\n").status).toBe(0);
    const db = new Database(file);
    const insert = db.prepare("insert into sign_in_failures (key, at) values (?, ?)");
    for (let i = 0; i < 10; i++) {
      insert.run("account:lo@example.test", Date.now());
      insert.run("pair:lo@example.test|203.0.113.9", Date.now());
      insert.run("pair:lolo@example.test|203.0.113.9", Date.now());
    }
    db.close();
    const unlocked = cli(["unlock", "--email", "lo@example.test"]);
    expect(unlocked.status, unlocked.stderr).toBe(0);
    expect(unlocked.stdout).toContain("Sign-in unlocked for lo@example.test (20 failure records cleared)");
    expect(row("select count(*) as n from sign_in_failures where key like '%lo@example.test%' and key not like '%lolo%'")).toEqual({ n: 0 });
    // another account whose name merely starts the same is left alone
    expect(row("select count(*) as n from sign_in_failures where key like 'pair:lolo%'")).toEqual({ n: 10 });
  });
});
