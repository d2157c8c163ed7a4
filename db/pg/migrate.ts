/**
 * Migrating a PostgreSQL database (issue 12): drizzle-kit's migrations in
 * db/migrations/pg, applied by drizzle's own migrator, under a session-level
 * advisory lock held on the same connection. Two app servers starting at the
 * same moment both call this: the second waits for the lock, then finds
 * every migration recorded and applies nothing.
 */
import path from "node:path";
import type { Pool } from "pg";
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";

export const PG_MIGRATIONS_FOLDER = path.join(/* turbopackIgnore: true */ process.cwd(), "db", "migrations", "pg");

/** The advisory lock's key: any constant the desk owns ("claimdsk" as a 64-bit number). */
export const MIGRATION_LOCK_KEY = 0x636c61696d64736bn;

/** Applies what is missing; returns how many migrations the database has recorded afterwards. */
export async function migratePg(pool: Pool, folder = PG_MIGRATIONS_FOLDER): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK_KEY.toString()]);
    try {
      await migrate(drizzle({ client }), { migrationsFolder: folder });
      const { rows } = await client.query<{ n: string }>("select count(*) as n from drizzle.__drizzle_migrations");
      return Number(rows[0]!.n);
    } finally {
      await client.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY.toString()]);
    }
  } finally {
    client.release();
  }
}
