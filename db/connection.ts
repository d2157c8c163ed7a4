import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import * as schema from "./schema";

/**
 * Opening and migrating a database, without the process-wide cache.
 * Scripts and tests use this directly; the app goes through db/client.ts.
 */
export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export const DEFAULT_DATABASE_URL = "file:./data/claimdesk.db";

export function databasePath(url = process.env.DATABASE_URL || DEFAULT_DATABASE_URL): string {
  const raw = url.startsWith("file:") ? url.slice("file:".length) : url;
  if (!raw) throw new Error(`DATABASE_URL "${url}" names no file`);
  return path.resolve(/* turbopackIgnore: true */ process.cwd(), raw);
}

export function openDatabase(file = databasePath()): Db {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = FULL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  return drizzle(sqlite, { schema }) as Db;
}

export const MIGRATIONS_FOLDER = path.join(/* turbopackIgnore: true */ process.cwd(), "db", "migrations");

export function migrateDatabase(db: Db): void {
  migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
}
