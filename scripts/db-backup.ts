/**
 * `npm run db:backup -- <file>`: an online copy of the database while the
 * server keeps serving and writing. It uses SQLite's backup API (better-sqlite3's
 * `db.backup()`), which copies a consistent snapshot: every write committed
 * before the copy began is in it, none is torn. The copy is written next to
 * its destination first (mode 600: it holds the whole desk), checked with
 * `PRAGMA integrity_check`, and only then linked into place. A link never
 * replaces a file, so a file that appeared at <file> while the backup ran is
 * left alone and the backup stops saying so; a file at <file> is always a
 * whole, good backup.
 */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { databasePath, openDatabase } from "@/db/connection";
import { integrityProblems } from "@/db/startup";
import { privateDir, publishWithoutReplacing, touchPrivate } from "@/lib/private-files";
import { isPostgresUrl, missingToolMessage, pgTarget, pgTool, runTool } from "@/db/pg/tools";

async function main() {
  const target = process.argv[2];
  if (!target || target.startsWith("-")) {
    console.error("Usage: npm run db:backup -- <backup file>   (e.g. backups/claimdesk-$(date +%F).db)");
    process.exit(2);
  }
  if (isPostgresUrl(process.env.DATABASE_URL)) return backupPostgres(process.env.DATABASE_URL, path.resolve(target));
  const source = databasePath();
  const destination = path.resolve(target);
  if (!fs.existsSync(source)) fail(`There is no database at ${source} to back up (DATABASE_URL names it).`);
  if (destination === source) fail("The backup must not be the database file itself.");
  if (fs.existsSync(destination)) fail(`${destination} exists already; choose a new file name (backups are never overwritten).`);
  privateDir(path.dirname(destination));

  const partial = `${destination}.partial-${process.pid}`;
  fs.rmSync(partial, { force: true });
  touchPrivate(partial);
  const db = openDatabase(source);
  const started = performance.now();
  try {
    // All remaining pages in one step: the copy reads one snapshot, and a write
    // the server commits meanwhile cannot make SQLite restart the copy (it would
    // between steps of a few pages each, forever under a steady stream of writes).
    await db.$client.backup(partial, { progress: ({ remainingPages }) => Math.max(remainingPages, 100) });
  } finally {
    db.$client.close();
  }

  const copy = new Database(partial);
  try {
    // one self-contained file: no -wal beside it to lose when it is moved
    copy.pragma("journal_mode = DELETE");
    const problems = integrityProblems(copy);
    if (problems) fail(`The copy failed PRAGMA integrity_check (${problems}); nothing was written at ${destination}.`, partial);
    const counts = copy.prepare("select (select count(*) from claims) as claims, (select count(*) from verdicts) as verdicts").get() as {
      claims: number;
      verdicts: number;
    };
    copy.close();
    try {
      publishWithoutReplacing(partial, destination);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "EEXIST") {
        fail(`${destination} appeared while the backup ran; it was left alone and nothing was written there.`, partial);
      }
      throw error;
    }
    const size = fs.statSync(destination).size;
    const ms = Math.round(performance.now() - started);
    console.log(
      `Backed up ${source} to ${destination}: ${(size / 1024 / 1024).toFixed(1)} MB, ${counts.claims} claims, ` +
        `${counts.verdicts} verdicts, integrity_check ok, ${ms} ms.`,
    );
  } finally {
    if (copy.open) copy.close();
  }
}

/**
 * On PostgreSQL: `pg_dump --format=custom` (one consistent snapshot, taken
 * while the servers keep writing) into a private file beside the
 * destination, checked by `pg_restore --list`, then linked into place
 * without replacing anything, as for SQLite.
 */
async function backupPostgres(url: string, destination: string) {
  const pgDump = pgTool("pg_dump");
  const pgRestore = pgTool("pg_restore");
  if (!pgDump) fail(missingToolMessage("pg_dump"));
  if (!pgRestore) fail(missingToolMessage("pg_restore"));
  if (fs.existsSync(destination)) fail(`${destination} exists already; choose a new file name (backups are never overwritten).`);
  privateDir(path.dirname(destination));
  const target = pgTarget(url);
  const partial = `${destination}.partial-${process.pid}`;
  fs.rmSync(partial, { force: true });
  touchPrivate(partial); // pg_dump truncates and writes the file we made: it stays mode 600
  const started = performance.now();
  try {
    await runTool(pgDump, ["--format=custom", "--no-owner", "--file", partial, ...target.args], target.env);
    const contents = await runTool(pgRestore, ["--list", partial], target.env);
    for (const table of ["claims", "verdicts", "audit_log"]) {
      if (!new RegExp(`TABLE DATA public ${table} `).test(contents)) throw new Error(`the dump holds no data of the ${table} table: is ${target.display} a Claimdesk database?`);
    }
  } catch (error) {
    fail(`The backup of ${target.display} failed: ${error instanceof Error ? error.message : String(error)}. Nothing was written at ${destination}.`, partial);
  }
  try {
    publishWithoutReplacing(partial, destination);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") fail(`${destination} appeared while the backup ran; it was left alone and nothing was written there.`, partial);
    throw error;
  }
  const size = fs.statSync(destination).size;
  console.log(
    `Backed up ${target.display} to ${destination} (pg_dump, custom format): ${(size / 1024 / 1024).toFixed(1)} MB, ` +
      `checked by pg_restore --list, ${Math.round(performance.now() - started)} ms. Restore it with npm run db:restore -- ${destination}`,
  );
}

function fail(message: string, remove?: string): never {
  if (remove) fs.rmSync(remove, { force: true });
  console.error(message);
  process.exit(1);
}

main().catch((error: unknown) => {
  console.error(`The backup failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
