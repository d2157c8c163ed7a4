/**
 * The throwaway PostgreSQL cluster of scripts/support/pg-cluster.ts, against
 * the real server programs: psql (a child process, no driver dependency)
 * connects with the returned URL itself. Skips, saying why, on a machine
 * without PostgreSQL.
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NO_POSTGRES_MESSAGE, locatePgBin, startCluster, type Cluster } from "@/scripts/support/pg-cluster";

const exec = promisify(execFile);
/** the caller's PGHOST, PGSSLMODE, … must not steer psql away from the URL under test */
const env: NodeJS.ProcessEnv = { ...process.env, PGCONNECT_TIMEOUT: "3" };
for (const name of Object.keys(env)) if (/^PG[A-Z]/.test(name) && name !== "PGCONNECT_TIMEOUT") delete env[name];
const found = locatePgBin();
if (!found.ok) console.warn(`pg-cluster tests skipped: ${found.message}`);

describe("locatePgBin", () => {
  it("names the apt-get command when PostgreSQL is nowhere", () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), "claimdesk-nopg-"));
    try {
      const result = locatePgBin({ env: { PATH: empty }, root: empty });
      expect(result).toEqual({ ok: false, message: NO_POSTGRES_MESSAGE });
      expect(NO_POSTGRES_MESSAGE).toContain("apt-get install -y postgresql");
    } finally {
      fs.rmSync(empty, { recursive: true });
    }
  });

  it("takes a wrong PG_BIN as an error, not a reason to look elsewhere", () => {
    const result = locatePgBin({ env: { PG_BIN: "/nowhere/bin" } });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(/PG_BIN is \/nowhere\/bin, which has no initdb/);
  });
});

describe.skipIf(!found.ok)(`a throwaway cluster${found.ok ? ` (${found.bin})` : ` (skipped: ${found.message.split("\n")[0]})`}`, () => {
  let cluster: Cluster;

  /** One query through psql; rejects when the server does not answer. */
  const query = async (sql: string) => {
    const bin = found.ok ? found.bin : "";
    const { stdout } = await exec(path.join(bin, "psql"), ["--no-psqlrc", "-At", "--no-password", "-v", "ON_ERROR_STOP=1", "-d", cluster.url, "-c", sql], { env, timeout: 15_000 });
    return stdout.trim();
  };

  beforeAll(async () => {
    cluster = await startCluster();
  }, 120_000);

  afterAll(async () => {
    await cluster?.stop();
  }, 60_000);

  it("answers on 127.0.0.1 only, with the URL it returns", async () => {
    expect(cluster.url).toMatch(new RegExp(`^postgres://postgres:[0-9a-f]{32}@127\\.0\\.0\\.1:${cluster.port}/claimdesk$`));
    expect(await query("select 1")).toBe("1");
    expect(await query("select current_database() || ' ' || current_setting('listen_addresses')")).toBe("claimdesk 127.0.0.1");
  });

  it("has unaccent and pg_trgm in the claimdesk database", async () => {
    expect((await query("select extname from pg_extension order by extname")).split("\n")).toEqual(expect.arrayContaining(["pg_trgm", "unaccent"]));
    expect(await query("select unaccent('Élysée')")).toBe("Elysee");
    expect(Number(await query("select similarity('Moscow', 'Moskow')"))).toBeGreaterThan(0.3);
  });

  it("refuses a wrong password", async () => {
    const wrong = cluster.url.replace(/:[0-9a-f]{32}@/, ":wrong@");
    await expect(exec(path.join(found.ok ? found.bin : "", "psql"), ["-XAt", "--no-password", "-d", wrong, "-c", "select 1"], { env })).rejects.toThrow(/password authentication failed/);
  });

  it("stopServer makes connections fail, startServer brings the same data back", async () => {
    await query("create table kept (n int); insert into kept values (7)");
    await cluster.stopServer();
    await expect(query("select 1")).rejects.toThrow(/connection|connect/i);
    await cluster.startServer();
    expect(await query("select n from kept")).toBe("7");
    await cluster.restart();
    expect(await query("select n from kept")).toBe("7");
  }, 60_000);

  it("stop removes the folder and the server", async () => {
    expect(fs.existsSync(path.join(cluster.dir, "PG_VERSION"))).toBe(true);
    await cluster.stop();
    expect(fs.existsSync(cluster.dir)).toBe(false);
    await expect(query("select 1")).rejects.toThrow();
    await cluster.stop(); // a second stop is harmless (afterAll calls it again)
  }, 60_000);
});
