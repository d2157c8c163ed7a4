import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/**
 * A benchmark's own database: a temporary file, migrated, with one reviewer
 * (id 1) to own the synthetic rows. Bulk rows go in with raw statements: a
 * benchmark measures a read or an export, not the write doors. Call it
 * before anything imports db/client, and `remove()` when done.
 */
export async function openTempDesk(label: string) {
  const file = path.join(os.tmpdir(), `claimdesk-${label}-${process.pid}.db`);
  process.env.DATABASE_URL = `file:${file}`;
  const { getDb } = await import("@/db/client");
  const { migrateDatabase } = await import("@/db/connection");
  const db = getDb();
  migrateDatabase(db);
  const sqlite = db.$client;
  sqlite.exec(`insert into users (email, name, password_hash, role) values ('bench@example.org', 'Bench Reviewer', 'x', 'reviewer')`);
  return {
    sqlite,
    file,
    remove() {
      if (sqlite.open) sqlite.close();
      for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
    },
  };
}
