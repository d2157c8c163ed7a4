/**
 * A reliability test's own desk: a temporary SQLite file (makeDesk) or a
 * database in a throwaway PostgreSQL cluster on loopback (makePgDesk),
 * migrated and seeded through the same lib/ doors as the app, with a
 * personal access token for the demo reviewer (a script's way in: no sign-in
 * round trips, no Origin). The test process closes its connections
 * afterwards, so the servers it starts (and db:restore, which refuses while
 * anything has the file open) are the only users of the database.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { asc, eq } from "drizzle-orm";
import { startCluster, type Cluster } from "@/scripts/support/pg-cluster";

type SeededDesk = {
  /** the DATABASE_URL the servers are started with */
  url: string;
  token: string;
  /** the seeded claims, each with its current version */
  claims: Array<{ id: number; version: number; sourceId: number; start: number; end: number; quote: string; speakerId: number }>;
};

export type Desk = SeededDesk & { file: string; remove: () => void };

export type PgDesk = SeededDesk & { cluster: Cluster; remove: () => Promise<void> };

export function tempFile(label: string): string {
  return path.join(os.tmpdir(), `claimdesk-reliability-${label}-${process.pid}-${randomBytes(4).toString("hex")}.db`);
}

export function removeDatabase(file: string): void {
  for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(`${file}${suffix}`, { force: true });
}

/**
 * Migrates and seeds the database at `url` in this process, makes the token,
 * and closes the connections again. The engine follows the URL (one engine
 * per test file: the choice is made once per process).
 */
async function seed(url: string): Promise<SeededDesk> {
  process.env.DATABASE_URL = url;
  // a known password: the seed then writes no data/demo-credentials.txt
  process.env.DEMO_PASSWORD = "reliability-demo-password";
  const { closeDb, getDb, migrateDesk } = await import("@/db/client");
  const { claims, users } = await import("@/db/schema");
  await closeDb();
  const { seedDesk } = await import("@/seed/seed-desk");
  const { createToken } = await import("@/lib/tokens");
  try {
    await migrateDesk();
    await seedDesk();
    const [reviewer] = await getDb().select({ id: users.id }).from(users).where(eq(users.email, "reviewer@example.org")).limit(1);
    const made = await createToken({ type: "user", userId: reviewer!.id }, { name: "reliability" });
    if (!made.ok) throw new Error(`token: ${made.error.message}`);
    const seeded = await getDb()
      .select({ id: claims.id, version: claims.version, sourceId: claims.sourceId, start: claims.startOffset, end: claims.endOffset, quote: claims.quote, speakerId: claims.speakerId })
      .from(claims)
      .orderBy(asc(claims.id));
    return { url, token: made.value.token, claims: seeded as SeededDesk["claims"] };
  } finally {
    await closeDb();
  }
}

export async function makeDesk(label: string): Promise<Desk> {
  const file = tempFile(label);
  return { ...(await seed(`file:${file}`)), file, remove: () => removeDatabase(file) };
}

/** A seeded desk in a throwaway PostgreSQL cluster of its own; remove() stops the cluster and deletes it. */
export async function makePgDesk(): Promise<PgDesk> {
  const cluster = await startCluster();
  try {
    return { ...(await seed(cluster.url)), cluster, remove: () => cluster.stop() };
  } catch (error) {
    await cluster.stop();
    throw error;
  }
}

/** A short-lived connection of the test's own, closed by the caller. */
export function openForCheck(file: string): Database.Database {
  const db = new Database(file, { timeout: 5000 });
  db.pragma("foreign_keys = ON");
  return db;
}
