import { defineConfig } from "drizzle-kit";

/**
 * drizzle-kit for the PostgreSQL engine (db/schema-pg.ts). SQLite, the default,
 * keeps drizzle.config.ts. `generate` needs no database:
 *   npx drizzle-kit generate --config drizzle.pg.config.ts
 * Migrations 0001 (append-only triggers) and 0002 (search indexes) are
 * hand-written (`generate --custom`): drizzle-kit knows neither triggers nor
 * expression GIN indexes over f_unaccent().
 */
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema-pg.ts",
  out: "./db/migrations/pg",
  dbCredentials: { url: process.env.DATABASE_URL ?? "postgres://localhost:5432/claimdesk" },
  strict: true,
  verbose: true,
});
