import fs from "node:fs";
import { databasePath } from "@/db/connection";
import { isPostgresUrl } from "@/db/engine";

/** Starts over: removes the database file (and its WAL), then migrates and seeds afresh. */
async function main() {
  if (isPostgresUrl(process.env.DATABASE_URL)) {
    console.error(
      "npm run db:reset removes an SQLite file. On PostgreSQL, drop and create the database with its own tools " +
        "(dropdb and createdb, or your service's console), then run npm start, which migrates and seeds it.",
    );
    process.exit(1);
  }
  const file = databasePath();
  if (process.env.NODE_ENV === "production" && !process.argv.includes("--force")) {
    console.error(`Refusing to delete ${file} with NODE_ENV=production; pass --force if you mean it.`);
    process.exit(1);
  }
  for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
  console.log(`Removed ${file}`);
  // loaded only now, so that nothing opens the old file first
  await import("../seed/run");
}

void main();
