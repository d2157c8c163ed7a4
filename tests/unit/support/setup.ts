/**
 * Runs before every test file: each file gets its own fresh, migrated
 * database, removed again when the file is done.
 *
 * - **SQLite** (`npm run test:unit`): a file in the temp directory.
 * - **PostgreSQL** (`npm run test:unit:pg`, which starts a throwaway cluster
 *   and sets DATABASE_URL to its database): a database of its own on that
 *   cluster's server, created here and dropped afterwards.
 *
 * Both are migrated in beforeAll. db/client opens its connections lazily, so
 * setting DATABASE_URL here (before any test calls getDb()) is enough.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { Client } from "pg";
import { afterAll, beforeAll } from "vitest";
import { closeDb, migrateDesk } from "@/db/client";
import { onPostgres } from "@/db/engine";

const id = `${process.pid}-${randomBytes(6).toString("hex")}`;

// a connection left over from an earlier file in the same worker must not be reused
delete (globalThis as { claimdeskDb?: unknown }).claimdeskDb;
// a fixed demo password, so the seed never writes data/demo-credentials.txt
process.env.DEMO_PASSWORD = "unit-demo-password";

/** This file's database on the cluster the run was given (a worker may run several files: the first one's DATABASE_URL is kept). */
function postgresDatabase() {
  const cluster = (process.env.CLAIMDESK_UNIT_CLUSTER_URL ??= process.env.DATABASE_URL!);
  const name = `claimdesk_t_${id.replace("-", "_")}`;
  const urlOf = (database: string) => {
    const url = new URL(cluster);
    url.pathname = `/${database}`;
    return url.toString();
  };
  /** CREATE and DROP DATABASE run from another database: the server's own `postgres`. */
  const onServer = async (statement: string) => {
    const admin = new Client({ connectionString: urlOf("postgres") });
    await admin.connect();
    try {
      await admin.query(statement);
    } finally {
      await admin.end();
    }
  };
  return {
    url: urlOf(name),
    create: () => onServer(`create database ${name}`),
    // WITH (FORCE): a connection a failed test left behind does not keep it
    drop: () => onServer(`drop database if exists ${name} with (force)`),
  };
}

const file = path.join(os.tmpdir(), `claimdesk-unit-${id}.db`);
const database = onPostgres() ? postgresDatabase() : null;

if (database) {
  await database.create();
  process.env.DATABASE_URL = database.url;
} else {
  process.env.DATABASE_URL = `file:${file}`;
}

beforeAll(async () => {
  await migrateDesk();
});

afterAll(async () => {
  await closeDb();
  if (database) await database.drop();
  else for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(`${file}${suffix}`, { force: true });
});
