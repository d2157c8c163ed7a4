import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { readMigrationFiles } from "drizzle-orm/migrator";
import { afterEach, describe, expect, it } from "vitest";
import { MIGRATIONS_FOLDER, migrateDatabase, openDatabase } from "@/db/connection";
import { onPostgres } from "@/db/engine";
import { checkDatabaseAtStart } from "@/db/startup";

/**
 * Start-up safety: the check the server runs before serving (db/startup.ts,
 * called from instrumentation.ts and scripts/start.ts), and migrations that
 * two processes may start at once.
 */
const files: string[] = [];
const tempDb = () => {
  const file = path.join(os.tmpdir(), `claimdesk-startup-${process.pid}-${randomBytes(4).toString("hex")}.db`);
  files.push(file);
  return file;
};

afterEach(() => {
  for (const file of files.splice(0)) for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(`${file}${suffix}`, { force: true });
});

function migratedDb(): string {
  const file = tempDb();
  const db = openDatabase(file);
  migrateDatabase(db);
  db.$client.exec("insert into users (email, name, password_hash, role) values ('a@example.org', 'A', 'x', 'admin')");
  db.$client.close();
  return file;
}

/** Overwrites `bytes` at `offset`, as a failing disk or a stray write would. */
function damage(file: string, offset: number, bytes: Buffer) {
  const fd = fs.openSync(file, "r+");
  fs.writeSync(fd, bytes, 0, bytes.length, offset);
  fs.closeSync(fd);
}

// the integrity check of an SQLite file: a PostgreSQL server looks after its own storage
describe.skipIf(onPostgres())("the start-up check", () => {
  it("passes a sound database and reports SQLite's version and the pragmas in force", () => {
    const check = checkDatabaseAtStart(migratedDb());
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    check.close();
    expect(check.summary).toMatch(/^\[db\] SQLite 3\.\d+\.\d+, .*: journal_mode=wal synchronous=FULL foreign_keys=ON busy_timeout=5000; integrity_check ok/);
  });

  it("refuses a database whose table b-tree is damaged, and names db:restore", () => {
    const file = migratedDb();
    const db = new Database(file);
    const { rootpage } = db.prepare("select rootpage from sqlite_master where name = 'users'").get() as { rootpage: number };
    const pageSize = db.pragma("page_size", { simple: true }) as number;
    db.close();
    damage(file, (rootpage - 1) * pageSize, Buffer.alloc(16, 0xff));
    const check = checkDatabaseAtStart(file);
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.message).toMatch(/^Refusing to start: the database .* fails PRAGMA integrity_check \(.+\)/);
    expect(check.message).toContain("npm run db:restore -- <backup file>");
  });

  it("reads the whole file once: a server that npm start has just checked the same file for skips its own check", () => {
    const file = migratedDb();
    const other = migratedDb();
    const db = new Database(file);
    const { rootpage } = db.prepare("select rootpage from sqlite_master where name = 'users'").get() as { rootpage: number };
    const pageSize = db.pragma("page_size", { simple: true }) as number;
    db.close();
    damage(file, (rootpage - 1) * pageSize, Buffer.alloc(16, 0xff));
    try {
      // vouched for another file: this one is still checked, and refused
      process.env.CLAIMDESK_INTEGRITY_CHECKED = other;
      expect(checkDatabaseAtStart(file).ok).toBe(false);
      process.env.CLAIMDESK_INTEGRITY_CHECKED = file;
      const check = checkDatabaseAtStart(file);
      expect(check.ok).toBe(true);
      if (!check.ok) return;
      check.close();
      expect(check.summary).toContain("integrity_check ok (checked by npm start before it migrated)");
    } finally {
      delete process.env.CLAIMDESK_INTEGRITY_CHECKED;
    }
  });

  it("refuses a file whose header is not SQLite's", () => {
    const file = migratedDb();
    damage(file, 0, Buffer.from("definitely not SQLite"));
    const check = checkDatabaseAtStart(file);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.message).toMatch(/not a database.*npm run db:restore/);
  });
});

/** Starts `count` processes that migrate `file` at the same moment; their exit codes, output and errors. */
async function migrateAtOnce(file: string, count: number) {
  const children = Array.from({ length: count }, () =>
    spawn(process.execPath, ["--import", "tsx", "tests/unit/support/migrate-child.ts", file], { stdio: ["pipe", "pipe", "pipe"] }),
  );
  const runs = children.map((child) => {
    let stdout = "";
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const ready = new Promise<void>((resolve) =>
      child.stdout.on("data", (chunk: Buffer) => {
        stdout += chunk.toString();
        if (stdout.includes("ready\n")) resolve();
      }),
    );
    const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
      child.on("close", (code) => resolve({ code, stdout, stderr })),
    );
    return { child, ready, done };
  });
  await Promise.all(runs.map((r) => r.ready));
  for (const { child } of runs) child.stdin.write("go\n");
  return Promise.all(runs.map((r) => r.done));
}

// SQLite files migrated by processes of their own (support/migrate-child.ts); PostgreSQL's are pg-migrate.test.ts
describe.skipIf(onPostgres())("migrations", () => {
  const committed = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_FOLDER, "meta", "_journal.json"), "utf8")).entries.length as number;

  it("apply once, however many processes start them at the same moment on a fresh file", async () => {
    for (let round = 0; round < 6; round++) {
      const file = tempDb();
      const results = await migrateAtOnce(file, 2);
      for (const r of results) expect(r.code, r.stderr).toBe(0);
      const applied = results.map((r) => (JSON.parse(r.stdout.split("\n")[1]!) as { applied: number }).applied).sort();
      // one process applied every migration; the other waited for its commit and found nothing to do
      expect(applied).toEqual([0, committed]);
      const db = new Database(file);
      expect(db.prepare("select count(*) as n from __drizzle_migrations").get()).toEqual({ n: committed });
      expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
      db.close();
    }
  }, 60_000);

  it("wait for a migration in progress in another process, then find nothing left to do", async () => {
    // This connection plays a first migrator caught half-way: its migrations table exists
    // (committed) and the migrations are applied but not yet committed. drizzle's own migrator
    // read the (still empty) table before taking the lock here, then failed on "table already exists".
    const file = tempDb();
    const first = openDatabase(file);
    const sqlite = first.$client;
    sqlite.exec('CREATE TABLE "__drizzle_migrations" (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at numeric)');
    sqlite.exec("BEGIN IMMEDIATE");
    for (const migration of readMigrationFiles({ migrationsFolder: MIGRATIONS_FOLDER })) {
      for (const statement of migration.sql) if (statement.trim()) sqlite.exec(statement);
      sqlite.prepare('INSERT INTO "__drizzle_migrations" (hash, created_at) VALUES (?, ?)').run(migration.hash, migration.folderMillis);
    }
    const second = migrateAtOnce(file, 1);
    let finished = false;
    void second.then(() => (finished = true));
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(finished, "the second migrator went ahead while the first held the lock").toBe(false);
    sqlite.exec("COMMIT");
    sqlite.close();
    const [result] = await second;
    expect(result!.code, result!.stderr).toBe(0);
    expect(JSON.parse(result!.stdout.split("\n")[1]!)).toEqual({ applied: 0 });
  }, 30_000);

  it("apply nothing the second time", () => {
    const file = tempDb();
    const db = openDatabase(file);
    expect(migrateDatabase(db).applied).toBe(committed);
    expect(migrateDatabase(db).applied).toBe(0);
    db.$client.close();
  });
});
