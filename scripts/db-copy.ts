/**
 * `npm run db:copy -- --to postgres://user@host/db`: copies the desk in the
 * SQLite file DATABASE_URL names (or `--from file:…`) into an empty
 * PostgreSQL database, migrating it first. The SQLite file is only read, and
 * may stay in use while it runs: the copy is one snapshot. See db/pg/copy.ts.
 */
import fs from "node:fs";
import { databasePath, databaseUrlProblem, migrateDatabase, openDatabase } from "@/db/connection";
import { CopyRefused, copySqliteToPg } from "@/db/pg/copy";
import { isPostgresUrl, pgTarget } from "@/db/pg/tools";

const USAGE = "Usage: npm run db:copy -- --to postgres://user@host:5432/claimdesk [--from file:./data/claimdesk.db]\n" +
  "(the password from PGPASSWORD or ~/.pgpass keeps it out of the command line; the source defaults to DATABASE_URL)";

async function main() {
  const args = process.argv.slice(2);
  const option = (name: string) => {
    const at = args.indexOf(name);
    return at === -1 ? undefined : args[at + 1];
  };
  const to = option("--to");
  const from = option("--from") ?? process.env.DATABASE_URL;
  if (!to || !isPostgresUrl(to)) fail(`db:copy needs the PostgreSQL database to copy into.\n${USAGE}`, 2);
  if (from && isPostgresUrl(from)) fail(`The source must be the SQLite file (file:…); ${pgTarget(from).display} is PostgreSQL. To copy between PostgreSQL databases use pg_dump and pg_restore (npm run db:backup, db:restore).`, 2);
  const problem = databaseUrlProblem(from);
  if (problem) fail(problem, 2);
  const file = databasePath(from);
  if (!fs.existsSync(file)) fail(`There is no database at ${file} to copy (DATABASE_URL or --from names it).`);
  const db = openDatabase(file);
  migrateDatabase(db); // the source at the latest schema, as the twin PostgreSQL schema is
  const { Pool } = await import("pg");
  const pool = new Pool({ connectionString: to, max: 1 });
  const target = pgTarget(to);
  try {
    console.log(`Copying ${file} into ${target.display} …`);
    const report = await copySqliteToPg(db.$client, pool, { onTable: (table, rows) => console.log(`  ${table}: ${rows} rows`) });
    console.log(`Copied ${report.rows} rows in ${report.tables.length} tables in ${(report.ms / 1000).toFixed(1)} s; every table's count checked on both sides.`);
  } catch (error) {
    if (error instanceof CopyRefused) fail(error.message);
    fail(`The copy into ${target.display} failed and was rolled back, nothing was kept: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    await pool.end();
    db.$client.close();
  }
}

function fail(message: string, status = 1): never {
  console.error(message);
  process.exit(status);
}

main().catch((error: unknown) => fail(`The copy failed: ${error instanceof Error ? error.message : String(error)}`));
