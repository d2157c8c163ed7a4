/**
 * Runs before every test file: each file gets its own fresh, migrated SQLite
 * database in the temp directory, removed again when the file is done.
 * db/client opens its connections lazily, so setting DATABASE_URL here (before
 * any test calls getDb()) is enough.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll } from "vitest";
import { closeDb, getDb } from "@/db/client";
import { migrateDatabase } from "@/db/connection";

const file = path.join(os.tmpdir(), `claimdesk-unit-${process.pid}-${randomBytes(6).toString("hex")}.db`);

// a connection left over from an earlier file in the same worker must not be reused
delete (globalThis as { claimdeskDb?: unknown }).claimdeskDb;
process.env.DATABASE_URL = `file:${file}`;
// a fixed demo password, so the seed never writes data/demo-credentials.txt
process.env.DEMO_PASSWORD = "unit-demo-password";

beforeAll(() => {
  migrateDatabase(getDb());
});

afterAll(async () => {
  await closeDb();
  for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(`${file}${suffix}`, { force: true });
});
