import path from "node:path";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { readMigrationFiles } from "drizzle-orm/migrator";
import { touchPrivate } from "@/lib/private-files";
import { backfillFingerprints } from "./backfill";
import { engineOf } from "./engine";
import * as schema from "./schema-sqlite";

/**
 * Opening and migrating a database, without the process-wide cache.
 * Scripts and tests use this directly; the app goes through db/client.ts.
 */
export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export const DEFAULT_DATABASE_URL = "file:./data/claimdesk.db";

/**
 * The SQLite file DATABASE_URL names: `file:<path>`, or a bare path. A
 * PostgreSQL URL has no file (db/client.ts opens a pool on it instead), and any
 * other scheme is refused rather than taken as a strange file name:
 * `mysql://user:pw@host/db` would otherwise become a SQLite file in a folder
 * named after the URL, password included.
 */
export function databasePath(url = process.env.DATABASE_URL || DEFAULT_DATABASE_URL): string {
  const problem = databaseUrlProblem(url);
  if (problem) throw new Error(problem);
  if (engineOf(url) === "postgres") throw new Error("DATABASE_URL names a PostgreSQL database, which has no file: this step is for an SQLite desk.");
  const raw = url.startsWith("file:") ? url.slice("file:".length) : url;
  return path.resolve(/* turbopackIgnore: true */ process.cwd(), raw);
}

/** Why DATABASE_URL cannot be used, in words for the person starting the server (the password in a URL is never repeated). */
export function databaseUrlProblem(url = process.env.DATABASE_URL || DEFAULT_DATABASE_URL): string | null {
  const scheme = /^([a-z][a-z0-9+.-]+):/i.exec(url)?.[1]?.toLowerCase();
  if (scheme === "postgres" || scheme === "postgresql") {
    if (engineOf(url) === "postgres") return null;
    return `DATABASE_URL uses the scheme "${scheme}:" but is not a URL of the form ${scheme}://user:password@host:port/database.`;
  }
  if (scheme && scheme !== "file") {
    return (
      `DATABASE_URL uses the scheme "${scheme}:", which Claimdesk does not run on. ` +
      "It runs on an SQLite file (the default: DATABASE_URL=file:./data/claimdesk.db, a path of your choice, or unset) " +
      "or on PostgreSQL 15 or later (DATABASE_URL=postgres://user:password@host:5432/database)."
    );
  }
  if (!(url.startsWith("file:") ? url.slice("file:".length) : url)) return `DATABASE_URL "${url}" names no file.`;
  return null;
}

export function openDatabase(file = databasePath()): Db {
  // created private before SQLite opens it: its -wal and -shm files take the database file's mode
  touchPrivate(file);
  const sqlite = new Database(file);
  sqlite.pragma("busy_timeout = 5000");
  enableWal(sqlite);
  sqlite.pragma("synchronous = FULL");
  sqlite.pragma("foreign_keys = ON");
  return drizzle(sqlite, { schema }) as Db;
}

/**
 * Switching a file to WAL needs an exclusive lock, and when another process is
 * switching the same new file at that moment SQLite answers SQLITE_BUSY at
 * once, without waiting out busy_timeout (two processes opening a fresh
 * database together). So it is retried here, briefly.
 */
function enableWal(sqlite: Database.Database): void {
  const deadline = Date.now() + 5000;
  for (;;) {
    try {
      sqlite.pragma("journal_mode = WAL");
      return;
    } catch (error) {
      if (!isBusy(error) || Date.now() >= deadline) throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
    }
  }
}

const isBusy = (error: unknown) =>
  error instanceof Database.SqliteError && (error.code === "SQLITE_BUSY" || error.code === "SQLITE_LOCKED");

export const MIGRATIONS_FOLDER = path.join(/* turbopackIgnore: true */ process.cwd(), "db", "migrations");

/** drizzle's table, so databases migrated before this runner keep their history */
const MIGRATIONS_TABLE = "__drizzle_migrations";

/**
 * Applies the committed migrations not yet applied, in one transaction.
 * drizzle's own migrator reads the applied list before it opens a deferred
 * transaction, so two processes starting at once (two `npm start`, a script
 * and a server) could both see a migration as missing and both apply it; the
 * second then fails half-way ("table already exists"). Here the read happens
 * after `BEGIN IMMEDIATE` has taken SQLite's write lock: the second process
 * waits for the first to commit, then finds nothing left to do. The lock is
 * SQLite's own, so a process killed mid-migration leaves no stale lock behind.
 */
export function migrateDatabase(db: Db, options: { waitMs?: number } = {}): { applied: number } {
  const migrations = readMigrationFiles({ migrationsFolder: MIGRATIONS_FOLDER });
  const sqlite = db.$client;
  beginImmediate(sqlite, options.waitMs ?? 60_000);
  try {
    sqlite.exec(`CREATE TABLE IF NOT EXISTS "${MIGRATIONS_TABLE}" (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at numeric)`);
    const last = sqlite.prepare(`SELECT created_at FROM "${MIGRATIONS_TABLE}" ORDER BY created_at DESC LIMIT 1`).get() as
      | { created_at: number | string }
      | undefined;
    const insert = sqlite.prepare(`INSERT INTO "${MIGRATIONS_TABLE}" ("hash", "created_at") VALUES (?, ?)`);
    let applied = 0;
    for (const migration of migrations) {
      if (last && Number(last.created_at) >= migration.folderMillis) continue;
      for (const statement of migration.sql) if (statement.trim()) sqlite.exec(statement);
      insert.run(migration.hash, migration.folderMillis);
      applied += 1;
    }
    sqlite.exec("COMMIT");
    backfillFingerprints(sqlite);
    return { applied };
  } catch (error) {
    if (sqlite.inTransaction) sqlite.exec("ROLLBACK");
    throw error;
  }
}

/** BEGIN IMMEDIATE, waiting past busy_timeout for as long as `waitMs` (a long migration elsewhere). */
function beginImmediate(sqlite: Database.Database, waitMs: number): void {
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      sqlite.exec("BEGIN IMMEDIATE");
      return;
    } catch (error) {
      if (!isBusy(error) || Date.now() >= deadline) throw error;
    }
  }
}
