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

async function main() {
  const target = process.argv[2];
  if (!target || target.startsWith("-")) {
    console.error("Usage: npm run db:backup -- <backup file>   (e.g. backups/claimdesk-$(date +%F).db)");
    process.exit(2);
  }
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

function fail(message: string, remove?: string): never {
  if (remove) fs.rmSync(remove, { force: true });
  console.error(message);
  process.exit(1);
}

main().catch((error: unknown) => {
  console.error(`The backup failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
