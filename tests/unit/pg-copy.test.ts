/**
 * `npm run db:copy`: a desk moved from its SQLite file into an empty
 * PostgreSQL database (a throwaway cluster on loopback) comes over whole,
 * value for value, table by table; a second copy into the same database is
 * refused and writes nothing. Skipped where PostgreSQL is not installed.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { eq } from "drizzle-orm";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { drizzle as drizzleSqlite } from "drizzle-orm/better-sqlite3";
import { Pool } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { onPostgres } from "@/db/engine";
import { getDb, transaction } from "@/db/client";
import { users } from "@/db/schema";
import { CopyRefused, copySqliteToPg, tablePairs } from "@/db/pg/copy";
import { recordVerdict } from "@/lib/verdicts";
import { seedDesk } from "@/seed/seed-desk";
import { locatePgBin, startCluster, type Cluster } from "@/scripts/support/pg-cluster";
import { SYSTEM, expectOk, makeClaim, makeSpeaker } from "./support/factories";

const found = locatePgBin();

function script(args: string[], env: Record<string, string>): Promise<{ status: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", path.resolve("scripts/db-copy.ts"), ...args], { env: { ...process.env, ...env } });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    child.on("close", (status) => resolve({ status, out }));
  });
}

/** Every row of every table, as the app reads it, in a stable order. */
async function everything(read: (pair: ReturnType<typeof tablePairs>[number]) => Promise<Array<Record<string, unknown>>>) {
  const out: Record<string, string[]> = {};
  for (const pair of tablePairs()) out[pair.name] = (await read(pair)).map((row) => JSON.stringify(row, Object.keys(row).sort())).sort();
  return out;
}

// copies this file's SQLite desk: on PostgreSQL there is no SQLite desk to copy
describe.skipIf(!found.ok || onPostgres())("db:copy, SQLite to PostgreSQL", () => {
  let cluster: Cluster;
  const pools: Pool[] = [];
  const pool = (url = cluster.url) => {
    const p = new Pool({ connectionString: url, max: 2 });
    pools.push(p);
    return p;
  };

  beforeAll(async () => {
    cluster = await startCluster();
    await seedDesk();
    // rows of every shape: a verdict with evidence, a claim with a proposition, an alias, a disabled account
    const speaker = await makeSpeaker({ aliases: ["The Copied One"] });
    const claim = await makeClaim({ speakerId: speaker.id });
    expectOk(
      await recordVerdict(SYSTEM, {
        claimId: claim.id,
        status: "contradicted",
        rationale: "Table 3 says otherwise — “quoted”, 북한.",
        baseVersion: claim.version,
        evidence: [{ target: { kind: "url", url: "https://example.org/table-3" }, stance: "refutes", note: "Table 3" }],
      }),
    );
    await transaction((tx) => tx.update(users).set({ disabled: true }).where(eq(users.email, "viewer@example.org")));
  }, 120_000);

  afterAll(async () => {
    await Promise.all(pools.map((p) => p.end()));
    await cluster?.stop();
  }, 60_000);

  it("copies every table whole, value for value, and moves the id sequences past the copied ids", async () => {
    const target = pool();
    const report = await copySqliteToPg(getDb().$client, target);
    expect(report.tables.map((t) => t.table)).toEqual(expect.arrayContaining(["users", "sources", "claims", "verdicts", "evidence", "audit_log"]));
    expect(report.tables.find((t) => t.table === "verdicts")!.rows).toBeGreaterThan(0);
    // parents first: a table comes after every table it points to
    const order = report.tables.map((t) => t.table);
    expect(order.indexOf("users")).toBeLessThan(order.indexOf("sources"));
    expect(order.indexOf("claims")).toBeLessThan(order.indexOf("verdicts"));
    expect(order.indexOf("verdicts")).toBeLessThan(order.indexOf("evidence"));

    const liteDb = drizzleSqlite(getDb().$client);
    const pgDb = drizzlePg({ client: target });
    const fromLite = await everything(async (pair) => (await liteDb.select().from(pair.lite)) as Array<Record<string, unknown>>);
    const fromPg = await everything(async (pair) => (await pgDb.select().from(pair.pg)) as Array<Record<string, unknown>>);
    expect(fromPg).toEqual(fromLite);
    expect(fromPg.users!.some((u) => u.includes('"disabled":true'))).toBe(true);

    const maxUser = getDb().$client.prepare("select max(id) as id from users").get() as { id: number };
    const added = await target.query<{ id: number }>("insert into users (email, name, password_hash, role) values ('after-copy@example.org', 'After', 'x', 'viewer') returning id");
    expect(added.rows[0]!.id).toBe(maxUser.id + 1);
  }, 120_000);

  it("refuses a database that holds data, and writes nothing", async () => {
    const target = pool();
    const before = await target.query<{ n: string }>("select count(*) as n from claims");
    await expect(copySqliteToPg(getDb().$client, target)).rejects.toThrow(CopyRefused);
    await expect(copySqliteToPg(getDb().$client, target)).rejects.toThrow(/already holds data: users \(\d+ rows\).*nothing was written/);
    expect((await target.query<{ n: string }>("select count(*) as n from claims")).rows[0]!.n).toBe(before.rows[0]!.n);
  }, 60_000);

  it("runs as an operator runs it, and says what is wrong with its arguments", async () => {
    const admin = pool();
    await admin.query("create database copy_target");
    const url = cluster.url.replace(/\/claimdesk$/, "/copy_target");
    const env = { DATABASE_URL: `file:${getDb().$client.name}` };
    const run = await script(["--to", url], env);
    expect(run.status, run.out).toBe(0);
    expect(run.out).toMatch(/Copied \d+ rows in \d+ tables/);
    expect(run.out).not.toContain(new URL(cluster.url).password);
    const claims = await pool(url).query<{ n: string }>("select count(*) as n from claims");
    const liteClaims = getDb().$client.prepare("select count(*) as n from claims").get() as { n: number };
    expect(Number(claims.rows[0]!.n)).toBe(liteClaims.n);
    const again = await script(["--to", url], env);
    expect(again.status).toBe(1);
    expect(again.out).toContain("already holds data");

    const noTarget = await script([], env);
    expect(noTarget.status).toBe(2);
    expect(noTarget.out).toContain("Usage: npm run db:copy -- --to postgres://");
    const pgSource = await script(["--to", url, "--from", url], env);
    expect(pgSource.status).toBe(2);
    expect(pgSource.out).toContain("The source must be the SQLite file");
  }, 120_000);
});
