import fs from "node:fs";
import path from "node:path";
import type Database from "better-sqlite3";
import { databasePath, databaseUrlProblem, openDatabase, type Db } from "./connection";
import { isPostgresUrl } from "./engine";
import { pgTarget } from "./pg/tools";

/**
 * The start-up check of the database, run by the server itself
 * (instrumentation.ts) and by `npm start` before it migrates: which SQLite
 * and which pragmas are in force, and whether `PRAGMA integrity_check`
 * passes. A server must not start serving, or a script write into, a file
 * that is already damaged: every write would build on broken pages.
 */
export type StartupCheck =
  | { ok: true; file: string; summary: string; db: Db; close: () => void }
  | { ok: false; file: string; message: string };

/** How many of integrity_check's lines the refusal quotes (it can list thousands). */
const QUOTED_PROBLEMS = 5;

export function checkDatabaseAtStart(file = databasePath()): StartupCheck {
  const existed = fs.existsSync(file);
  // `npm start` checks the file before it migrates and seeds, then starts the server on it:
  // integrity_check reads every page (over a second on a large desk), so it runs once
  const checkedBefore = process.env.CLAIMDESK_INTEGRITY_CHECKED === file;
  let db: Db | null = null;
  try {
    db = openDatabase(file);
    const sqlite = db.$client;
    const started = performance.now();
    const problems = checkedBefore ? null : integrityProblems(sqlite);
    const ms = Math.round(performance.now() - started);
    if (problems) {
      sqlite.close();
      return { ok: false, file, message: refusal(file, problems) };
    }
    const version = (sqlite.prepare("select sqlite_version() as v").get() as { v: string }).v;
    const pragma = (name: string) => String(sqlite.pragma(name, { simple: true }));
    const synchronous = ["OFF", "NORMAL", "FULL", "EXTRA"][Number(pragma("synchronous"))] ?? pragma("synchronous");
    const summary =
      `[db] SQLite ${version}, ${file}${existed ? "" : " (new file)"}: journal_mode=${pragma("journal_mode")} ` +
      `synchronous=${synchronous} foreign_keys=${pragma("foreign_keys") === "1" ? "ON" : "OFF"} ` +
      `busy_timeout=${pragma("busy_timeout")}; ` +
      (checkedBefore ? "integrity_check ok (checked by npm start before it migrated)" : `integrity_check ok in ${ms} ms`);
    const open = db;
    return { ok: true, file, summary, db: open, close: () => open.$client.close() };
  } catch (error) {
    // a damaged header or schema fails before integrity_check can even run
    if (db?.$client.open) db.$client.close();
    return { ok: false, file, message: refusal(file, error instanceof Error ? error.message : String(error)) };
  }
}

/** null when `PRAGMA integrity_check` says ok, else how many problems and the first few. */
export function integrityProblems(sqlite: Database.Database): string | null {
  const rows = (sqlite.pragma("integrity_check") as Array<{ integrity_check: string }>).map((row) => row.integrity_check);
  if (rows.length === 1 && rows[0] === "ok") return null;
  return `${rows.length} problem${rows.length === 1 ? "" : "s"}: ${rows.slice(0, QUOTED_PROBLEMS).join("; ")}`;
}

function refusal(file: string, problems: string): string {
  return (
    `Refusing to start: the database ${file} fails PRAGMA integrity_check (${problems}). ` +
    "Stop everything that uses it, then bring back the latest good backup with `npm run db:restore -- <backup file>` " +
    "(the damaged file is kept aside), or move the file away to start from an empty desk."
  );
}

/**
 * For the server: logs the check, or the refusal and exits. A thrown error in
 * Next.js's register() is only logged, and the server would serve anyway.
 */
export async function checkDatabaseOrExit(): Promise<void> {
  const problem = databaseUrlProblem();
  if (problem) {
    console.error(`Refusing to start: ${problem}`);
    process.exit(1);
  }
  const url = process.env.DATABASE_URL;
  if (isPostgresUrl(url)) {
    const pg = await checkPostgresAtStart(url);
    if (!pg.ok) {
      console.error(pg.message);
      process.exit(1);
    }
    console.log(pg.summary);
    return;
  }
  const check = checkDatabaseAtStart();
  if (!check.ok) {
    console.error(check.message);
    process.exit(1);
  }
  console.log(check.summary);
  // The checked connection is kept open for the life of the server (referenced, or it would be
  // closed when collected). In WAL mode an open connection holds a shared lock on the file: that
  // is how `npm run db:restore` knows a server still uses the database, even before its first
  // request. It stays apart from the requests' connection (db/client.ts), which lives in another
  // bundle of the build; both are made by openDatabase, so the pragmas logged are theirs too.
  (globalThis as { claimdeskStartupDb?: Db }).claimdeskStartupDb = check.db;
}

/** How many PostgreSQL migrations this build carries (db/migrations/pg/meta/_journal.json). */
function pgMigrationsShipped(): number {
  const journal = path.join(/* turbopackIgnore: true */ process.cwd(), "db", "migrations", "pg", "meta", "_journal.json");
  return (JSON.parse(fs.readFileSync(journal, "utf8")) as { entries: unknown[] }).entries.length;
}

/**
 * The start-up check on PostgreSQL: the server answers, is version 15 or
 * later, and has every migration this build carries (`npm start` and
 * `npm run db:migrate` apply them; a server never migrates behind their back).
 */
export async function checkPostgresAtStart(url: string): Promise<{ ok: true; summary: string } | { ok: false; message: string }> {
  const { Client } = await import("pg");
  const target = pgTarget(url).display;
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  try {
    await client.connect();
    const version = (await client.query<{ v: string }>("select current_setting('server_version') as v")).rows[0]!.v;
    if (Number.parseInt(version, 10) < 15) return { ok: false, message: `Refusing to start: ${target} runs PostgreSQL ${version}; Claimdesk needs 15 or later.` };
    // a database never migrated has no drizzle.__drizzle_migrations at all
    const recorded = await client.query<{ n: string }>("select count(*) as n from drizzle.__drizzle_migrations").catch(() => ({ rows: [{ n: "0" }] }));
    const applied = Number(recorded.rows[0]!.n);
    const shipped = pgMigrationsShipped();
    if (applied < shipped) {
      return {
        ok: false,
        message: `Refusing to start: ${target} has ${applied} of this build's ${shipped} migrations. Run \`npm run db:migrate\` (or \`npm start\`, which migrates) first.`,
      };
    }
    return { ok: true, summary: `[db] PostgreSQL ${version}, ${target}: ${applied} migrations applied` };
  } catch (error) {
    return { ok: false, message: `Refusing to start: PostgreSQL at ${target} did not answer (${error instanceof Error ? error.message : String(error)}).` };
  } finally {
    await client.end().catch(() => undefined);
  }
}
