/**
 * `npm run db:migrate`: applies what is missing. On SQLite (the default) to
 * the file DATABASE_URL names; on PostgreSQL (DATABASE_URL=postgres://…)
 * the migrations in db/migrations/pg, under an advisory lock.
 */
import { databasePath, migrateDatabase, openDatabase } from "@/db/connection";
import { isPostgresUrl, pgTarget } from "@/db/pg/tools";

async function main() {
  const url = process.env.DATABASE_URL;
  if (isPostgresUrl(url)) {
    const { Pool } = await import("pg");
    const { migratePg } = await import("@/db/pg/migrate");
    const pool = new Pool({ connectionString: url, max: 1 });
    try {
      const n = await migratePg(pool);
      console.log(`Migrated ${pgTarget(url).display}: ${n} migrations recorded`);
    } finally {
      await pool.end();
    }
    return;
  }
  const file = databasePath();
  const db = openDatabase(file);
  migrateDatabase(db);
  db.$client.close();
  console.log(`Migrated ${file}`);
}

main().catch((error: unknown) => {
  console.error(`The migration failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
