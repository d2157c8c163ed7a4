/**
 * A reliability test's own desk: a temporary SQLite file, migrated and seeded
 * through the same lib/ doors as the app, with a personal access token for
 * the demo reviewer (a script's way in: no sign-in round trips, no Origin).
 * The test process closes its connection afterwards, so the servers it starts
 * (and db:restore, which refuses while anything has the file open) are the
 * only users of the file.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";

export type Desk = {
  file: string;
  token: string;
  /** the seeded claims, each with its current version */
  claims: Array<{ id: number; version: number; sourceId: number; start: number; end: number; quote: string; speakerId: number }>;
  remove: () => void;
};

export function tempFile(label: string): string {
  return path.join(os.tmpdir(), `claimdesk-reliability-${label}-${process.pid}-${randomBytes(4).toString("hex")}.db`);
}

export function removeDatabase(file: string): void {
  for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(`${file}${suffix}`, { force: true });
}

export async function makeDesk(label: string): Promise<Desk> {
  const file = tempFile(label);
  process.env.DATABASE_URL = `file:${file}`;
  // a known password: the seed then writes no data/demo-credentials.txt
  process.env.DEMO_PASSWORD = "reliability-demo-password";
  const { closeDb, getDb } = await import("@/db/client");
  await closeDb();
  const { migrateDatabase } = await import("@/db/connection");
  const { seedDesk } = await import("@/seed/seed-desk");
  const { createToken } = await import("@/lib/tokens");
  migrateDatabase(getDb());
  await seedDesk();
  const sqlite = getDb().$client;
  const reviewer = sqlite.prepare("select id from users where email = 'reviewer@example.org'").get() as { id: number };
  const made = await createToken({ type: "user", userId: reviewer.id }, { name: "reliability" });
  if (!made.ok) throw new Error(`token: ${made.error.message}`);
  const claims = sqlite
    .prepare("select id, version, source_id as sourceId, start_offset as start, end_offset as end, quote, speaker_id as speakerId from claims order by id")
    .all() as Desk["claims"];
  await closeDb();
  return { file, token: made.value.token, claims, remove: () => removeDatabase(file) };
}

/** A short-lived connection of the test's own, closed by the caller. */
export function openForCheck(file: string): Database.Database {
  const db = new Database(file, { timeout: 5000 });
  db.pragma("foreign_keys = ON");
  return db;
}
