/**
 * `npm run db:restore -- <backup file>`: puts a backup made by `npm run
 * db:backup` back in place of the database, after the server has stopped.
 *
 * 1. The backup is copied next to the database and the copy must pass
 *    `PRAGMA integrity_check` and hold Claimdesk's tables; else nothing changes.
 * 2. Nothing may have the database open. A server keeps its connection open
 *    for as long as it runs (instrumentation.ts), and in WAL mode an open
 *    connection holds a shared lock on the file, so asking SQLite for an
 *    EXCLUSIVE lock (locking_mode=EXCLUSIVE, BEGIN EXCLUSIVE, no busy wait)
 *    fails while a server or a script uses it. A pid file would not do: a
 *    server killed with SIGKILL leaves it behind, and `next start` run by hand
 *    writes none. The lock is the operating system's and dies with its process.
 * 3. Holding that lock, the current database is folded into one file (WAL
 *    checkpointed) and copied aside as <database>.before-restore-<time>; it
 *    is never deleted.
 * 4. The verified copy is renamed over the database (atomic on one file
 *    system) and the old -wal/-shm/-journal are removed: SQLite would
 *    otherwise replay the old database's log into the restored one.
 */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { databasePath } from "@/db/connection";
import { integrityProblems } from "@/db/startup";
import { copyPrivate, privateDir, touchPrivate } from "@/lib/private-files";
import { isPostgresUrl, missingToolMessage, pgTarget, pgTool, runTool } from "@/db/pg/tools";

const SIDE_FILES = ["-wal", "-shm", "-journal"];
const TABLES = ["__drizzle_migrations", "users", "sources", "claims", "verdicts", "audit_log"];

async function main() {
  const arg = process.argv[2];
  if (!arg || arg.startsWith("-")) {
    console.error("Usage: npm run db:restore -- <backup file>   (a file made by npm run db:backup; stop the server first)");
    process.exit(2);
  }
  const backup = path.resolve(arg);
  if (isPostgresUrl(process.env.DATABASE_URL)) return restorePostgres(process.env.DATABASE_URL, backup);
  const file = databasePath();
  if (!fs.existsSync(backup)) fail(`There is no file at ${backup}. Nothing was changed.`);
  if (!fs.statSync(backup).isFile()) fail(`${backup} is not a file. Nothing was changed.`);
  if (backup === file) fail(`${backup} is the database itself. Nothing was changed.`);
  if ((fs.statSync(`${backup}-wal`, { throwIfNoEntry: false })?.size ?? 0) > 0) {
    fail(`${backup} has a write-ahead log beside it: it is a live database, not a backup. Make one with npm run db:backup. Nothing was changed.`);
  }

  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  const staging = `${file}.restoring-${stamp}`;
  copyPrivate(backup, staging);
  const counts = verify(staging, backup);

  fsyncFile(staging);

  let aside: string | null = null;
  try {
    if (fs.existsSync(file)) {
      const lock = new Database(file, { timeout: 0 });
      try {
        aside = lockAndSetAside(lock, file, stamp, staging);
        fs.renameSync(staging, file);
        for (const suffix of SIDE_FILES) fs.rmSync(`${file}${suffix}`, { force: true });
      } finally {
        lock.close();
      }
    } else {
      fs.renameSync(staging, file);
    }
  } finally {
    // still there only when the restore stopped before the rename
    fs.rmSync(staging, { force: true });
  }
  fsyncFile(path.dirname(file));
  console.log(
    `Restored ${file} from ${backup}: integrity_check ok, ${counts.claims} claims, ${counts.verdicts} verdicts.` +
      (aside ? `\nThe database it replaced is kept at ${aside}.` : ""),
  );
}

/** The staged copy must be a whole Claimdesk database; else it is removed and nothing changes. */
function verify(staging: string, backup: string): { claims: number; verdicts: number } {
  let db: Database.Database | null = null;
  try {
    db = new Database(staging, { fileMustExist: true });
    const problems = integrityProblems(db);
    if (problems) throw new Error(`it fails PRAGMA integrity_check (${problems})`);
    const present = new Set((db.prepare("select name from sqlite_master where type = 'table'").all() as Array<{ name: string }>).map((r) => r.name));
    const missing = TABLES.filter((t) => !present.has(t));
    if (missing.length > 0) throw new Error(`it is not a Claimdesk database (no ${missing.join(", ")} table)`);
    return db.prepare("select (select count(*) from claims) as claims, (select count(*) from verdicts) as verdicts").get() as {
      claims: number;
      verdicts: number;
    };
  } catch (error) {
    db?.close();
    db = null;
    fs.rmSync(staging, { force: true });
    for (const suffix of SIDE_FILES) fs.rmSync(`${staging}${suffix}`, { force: true });
    const reason = error instanceof Error ? error.message.replace(/^file is not a database$/, "it is not a SQLite database") : String(error);
    return fail(`Cannot restore from ${backup}: ${reason}. Nothing was changed.`);
  } finally {
    db?.close();
  }
}

/**
 * Takes the exclusive lock on the current database (refusing when anything
 * has it open), then copies it aside while the lock keeps every writer out.
 */
function lockAndSetAside(lock: Database.Database, file: string, stamp: string, staging: string): string {
  let readable = true;
  try {
    lock.pragma("locking_mode = EXCLUSIVE");
    lock.exec("BEGIN EXCLUSIVE");
    lock.exec("COMMIT");
  } catch (error) {
    const code = error instanceof Database.SqliteError ? error.code : "";
    if (code === "SQLITE_BUSY" || code === "SQLITE_LOCKED") {
      fs.rmSync(staging, { force: true });
      fail(
        `${file} is open in another process: is the server (or an npm run script) still running? ` +
          "Stop it, then run db:restore again. Nothing was changed.",
      );
    }
    // a file too damaged to be read at all: no server can be serving it (they refuse to start),
    // and it is copied aside below byte for byte, with its log
    readable = false;
  }
  if (readable) {
    // folds the write-ahead log into the file, under the lock, so the copy aside is one whole file
    lock.pragma("journal_mode = DELETE");
  }
  const aside = `${file}.before-restore-${stamp}`;
  copyPrivate(file, aside);
  if (!readable && fs.existsSync(`${file}-wal`)) copyPrivate(`${file}-wal`, `${aside}-wal`);
  fsyncFile(aside);
  return aside;
}

/** Data, and for a folder a rename in it, is on disk once synced. */
function fsyncFile(file: string) {
  const fd = fs.openSync(file, "r");
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * On PostgreSQL, with pg_restore: the backup must be a pg_dump archive of a
 * Claimdesk database, and no other session may be connected to the
 * database (stop the app servers first); the current database is dumped
 * aside (claimdesk-before-restore-<time>.dump beside the backup, never
 * deleted), then the backup replaces it in one transaction: if anything
 * fails, the database is as it was.
 */
async function restorePostgres(url: string, backup: string) {
  const pgDump = pgTool("pg_dump");
  const pgRestore = pgTool("pg_restore");
  const psql = pgTool("psql");
  if (!pgDump || !pgRestore || !psql) fail(missingToolMessage(!pgDump ? "pg_dump" : !pgRestore ? "pg_restore" : "psql"));
  if (!fs.existsSync(backup) || !fs.statSync(backup).isFile()) fail(`There is no file at ${backup}. Nothing was changed.`);
  const target = pgTarget(url);
  let contents: string;
  try {
    contents = await runTool(pgRestore, ["--list", backup], target.env);
  } catch {
    return fail(`Cannot restore from ${backup}: it is not a pg_dump archive (make one with npm run db:backup). Nothing was changed.`);
  }
  if (!/TABLE DATA public claims /.test(contents) || !/TABLE DATA public verdicts /.test(contents)) {
    fail(`Cannot restore from ${backup}: it is not a backup of a Claimdesk database (no claims or verdicts). Nothing was changed.`);
  }
  const others = Number(
    (
      await runTool(
        psql,
        [...target.args, "--no-psqlrc", "--tuples-only", "--no-align", "--command", "select count(*) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()"],
        target.env,
      )
    ).trim(),
  );
  if (others > 0) fail(`${target.display} has ${others} other connection(s): are the app servers still running? Stop them, then run db:restore again. Nothing was changed.`);

  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  privateDir(path.dirname(backup));
  const aside = path.join(path.dirname(backup), `claimdesk-before-restore-${stamp}.dump`);
  touchPrivate(aside);
  await runTool(pgDump, ["--format=custom", "--no-owner", "--file", aside, ...target.args], target.env);
  try {
    await runTool(pgRestore, ["--clean", "--if-exists", "--single-transaction", "--exit-on-error", "--no-owner", "--no-privileges", ...target.args, backup], target.env);
  } catch (error) {
    fail(`The restore into ${target.display} failed and was rolled back: ${error instanceof Error ? error.message : String(error)}. The database is as it was (and also kept at ${aside}).`);
  }
  console.log(`Restored ${target.display} from ${backup} (pg_restore, one transaction).\nThe database it replaced is kept at ${aside}.`);
}

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

main().catch((error: unknown) => {
  console.error(`The restore failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
