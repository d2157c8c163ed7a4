/**
 * db:migrate, db:backup and db:restore on PostgreSQL, as an operator runs
 * them (the scripts in child processes, DATABASE_URL=postgres://…), on a
 * throwaway cluster on loopback. Skipped where PostgreSQL is not installed.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Pool } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { locatePgBin, startCluster, type Cluster } from "@/scripts/support/pg-cluster";

const found = locatePgBin();

function script(name: string, args: string[], url: string): Promise<{ status: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", path.resolve(`scripts/${name}.ts`), ...args], {
      env: { ...process.env, DATABASE_URL: url },
    });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    child.on("close", (status) => resolve({ status, out }));
  });
}

describe.skipIf(!found.ok)("operations on PostgreSQL", () => {
  let cluster: Cluster;
  let pool: Pool;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "claimdesk-pg-ops-"));
  const users = async () => (await pool.query<{ email: string }>("select email from users order by email")).rows.map((r) => r.email);

  beforeAll(async () => {
    cluster = await startCluster();
  }, 60_000);

  afterAll(async () => {
    await pool?.end();
    await cluster?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it("db:migrate creates the schema, and again changes nothing", async () => {
    const first = await script("db-migrate", [], cluster.url);
    expect(first.status, first.out).toBe(0);
    expect(first.out).toMatch(/Migrated postgres:\/\/postgres@127\.0\.0\.1:\d+\/claimdesk: \d+ migrations recorded/);
    expect(first.out).not.toContain(new URL(cluster.url).password);
    expect((await script("db-migrate", [], cluster.url)).status).toBe(0);
    pool = new Pool({ connectionString: cluster.url, max: 1 });
    await pool.query("insert into users (email, name, password_hash, role) values ('kept@example.org', 'Kept', 'x', 'admin')");
  }, 120_000);

  it("db:backup writes a private pg_dump archive, never over an existing file", async () => {
    const file = path.join(dir, "desk.dump");
    const made = await script("db-backup", [file], cluster.url);
    expect(made.status, made.out).toBe(0);
    expect(made.out).toContain("checked by pg_restore --list");
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const again = await script("db-backup", [file], cluster.url);
    expect(again.status).toBe(1);
    expect(again.out).toContain("exists already");
  }, 120_000);

  it("db:restore refuses while another session is connected, then puts the backup back in one transaction", async () => {
    const file = path.join(dir, "desk.dump");
    await pool.query("insert into users (email, name, password_hash, role) values ('later@example.org', 'Later', 'x', 'viewer')");
    expect(await users()).toEqual(["kept@example.org", "later@example.org"]);

    const refused = await script("db-restore", [file], cluster.url);
    expect(refused.status).toBe(1);
    expect(refused.out).toMatch(/other connection\(s\).*Nothing was changed/s);

    await pool.end();
    const restored = await script("db-restore", [file], cluster.url);
    expect(restored.status, restored.out).toBe(0);
    const aside = /kept at (\S+\.dump)/.exec(restored.out)?.[1];
    expect(aside && fs.existsSync(aside)).toBeTruthy();
    pool = new Pool({ connectionString: cluster.url, max: 1 });
    expect(await users()).toEqual(["kept@example.org"]);
    // the append-only rule came back with the schema
    const triggers = await pool.query("select tgname from pg_trigger where tgname like '%append_only%' or tgname like '%no_update%' or tgname like '%no_delete%'");
    expect(triggers.rowCount).toBeGreaterThan(0);
  }, 120_000);

  it("db:restore refuses a file that is not a pg_dump archive", async () => {
    const junk = path.join(dir, "junk.dump");
    fs.writeFileSync(junk, "not a dump");
    await pool.end();
    const refused = await script("db-restore", [junk], cluster.url);
    expect(refused.status).toBe(1);
    expect(refused.out).toContain("not a pg_dump archive");
    pool = new Pool({ connectionString: cluster.url, max: 1 });
  }, 120_000);
});
