import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { sql, type SQL } from "drizzle-orm";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { Pool } from "pg";
import { migrateDatabase, openDatabase, type Db } from "./connection";
import { MIGRATION_LOCK_KEY, migratePg } from "./pg/migrate";
import { engine } from "./engine";
import * as pgSchema from "./schema-pg";

/**
 * The process's database, for either engine (db/engine.ts).
 *
 * - **SQLite**: two connections to the one file. Reads go through the first.
 *   Writes go through the second, one transaction at a time: a write takes an
 *   in-process lock, then SQLite's own write lock (`BEGIN IMMEDIATE`, which
 *   also queues against other processes), and keeps both until it commits.
 *   A door's work awaits its statements, so without the lock a second write
 *   could slip its statements into the first one's open transaction; and
 *   since reads use the other connection, no read ever sees a write that is
 *   still in flight (and could still roll back).
 * - **PostgreSQL**: one pool (`pg`). Reads take any connection; a write holds
 *   one connection for its transaction, and every statement of the write
 *   runs through that transaction's handle.
 *
 * Kept across hot reloads in development and closed by `closeDb` (tests,
 * scripts).
 */
type Desk =
  | { engine: "sqlite"; read: Db; write: Db; queue: Promise<void> }
  | { engine: "postgres"; pool: Pool; db: Db };

const globalForDb = globalThis as unknown as { claimdeskDb?: Desk };

/** A handle inside a write's transaction: statements through it are part of the write. */
export type Tx = Db;

function desk(): Desk {
  if (!globalForDb.claimdeskDb) {
    if (engine() === "postgres") {
      const pool = newPool(process.env.DATABASE_URL!);
      globalForDb.claimdeskDb = { engine: "postgres", pool, db: drizzlePg(pool, { schema: pgSchema }) as unknown as Db };
    } else {
      const read = openDatabase();
      globalForDb.claimdeskDb = { engine: "sqlite", read, write: openDatabase(), queue: Promise.resolve() };
    }
  }
  return globalForDb.claimdeskDb;
}

/** A pool on the URL: connections are made when needed and re-made after the server comes back. */
export function newPool(url: string): Pool {
  const pool = new Pool({
    connectionString: url,
    max: Number(process.env.PG_POOL_SIZE || 10),
    connectionTimeoutMillis: 5000,
    idleTimeoutMillis: 30_000,
  });
  // an idle connection dropped by the server (a restart) is not a crash: the pool makes a new one
  pool.on("error", (error) => console.error(`[db] idle PostgreSQL connection lost: ${error.message}`));
  // nor is one dropped while a write holds it between two statements: the pool listens only to idle
  // connections, and an 'error' event nobody listens to is an uncaught exception. The write learns of
  // it from its next statement (a 503), and the pool discards the connection when it comes back
  pool.on("connect", (client) => client.on("error", () => {}));
  return pool;
}

/** The handle for reads outside a write (on PostgreSQL, the pool). */
export function getDb(): Db {
  const d = desk();
  return d.engine === "sqlite" ? d.read : d.db;
}

/** The PostgreSQL pool, for the statements written per engine (search, related claims, reports). */
export function getPool(): Pool {
  const d = desk();
  if (d.engine !== "postgres") throw new Error("getPool() is for PostgreSQL; this process runs on SQLite.");
  return d.pool;
}

export type TransactionOptions = {
  /**
   * PostgreSQL only: an advisory lock taken first, held to the commit, for a
   * write that reads rows to decide and may find none to lock (the sign-in
   * limiter's counts). SQLite's write lock already serialises every write.
   */
  lockKey?: string;
};

/**
 * Runs `work` as one transaction and returns its value; a throw rolls it all
 * back. Every statement of the work goes through `tx`.
 */
export async function transaction<T>(work: (tx: Tx) => T | Promise<T>, options: TransactionOptions = {}): Promise<T> {
  // a write inside a write would wait for itself on SQLite's queue (and run beside it on PostgreSQL)
  if (inTransaction.getStore()) throw new Error("transaction() was called inside a transaction: pass its `tx` on instead.");
  return inTransaction.run(true, () => begin(work, options));
}

const inTransaction = new AsyncLocalStorage<boolean>();

async function begin<T>(work: (tx: Tx) => T | Promise<T>, options: TransactionOptions): Promise<T> {
  const d = desk();
  if (d.engine === "postgres") {
    const pg = d.db as unknown as { transaction: (fn: (tx: unknown) => Promise<T>) => Promise<T> };
    return pg.transaction(async (tx) => {
      if (options.lockKey) await (tx as { execute: (q: SQL) => Promise<unknown> }).execute(sql`select pg_advisory_xact_lock(hashtextextended(${options.lockKey}, 0))`);
      return work(tx as Tx);
    });
  }
  const previous = d.queue;
  let release!: () => void;
  d.queue = new Promise<void>((resolve) => (release = resolve));
  await previous;
  const sqlite = d.write.$client;
  try {
    // takes the write lock before the first read: a read-then-write never meets SQLITE_BUSY
    // half-way when another process writes too (busy_timeout waits instead)
    sqlite.exec("BEGIN IMMEDIATE");
    try {
      const value = await work(d.write);
      sqlite.exec("COMMIT");
      return value;
    } catch (error) {
      if (sqlite.inTransaction) sqlite.exec("ROLLBACK");
      throw error;
    }
  } finally {
    release();
  }
}

/** Applies the migrations the database lacks: SQLite's under its write lock, PostgreSQL's under an advisory lock. */
export async function migrateDesk(): Promise<void> {
  const d = desk();
  if (d.engine === "postgres") await migratePg(d.pool);
  else migrateDatabase(d.write);
}

/**
 * Runs `work` while holding the desk's start-up lock: on PostgreSQL the
 * migration's advisory lock, held on a connection of its own, so that two
 * servers started together on an empty database migrate and seed it once
 * (the second waits, then finds the desk seeded). On SQLite `npm start`
 * migrates under the file's own write lock and the work runs as it is.
 */
export async function withStartLock<T>(work: () => Promise<T>): Promise<T> {
  const d = desk();
  if (d.engine !== "postgres") return work();
  const client = await d.pool.connect();
  try {
    await client.query("select pg_advisory_lock($1)", [START_LOCK_KEY.toString()]);
    try {
      return await work();
    } finally {
      await client.query("select pg_advisory_unlock($1)", [START_LOCK_KEY.toString()]);
    }
  } finally {
    client.release();
  }
}

/** Not the migration's own key: the start-up lock is held while the migration takes that one. */
const START_LOCK_KEY = MIGRATION_LOCK_KEY + 1n;

/** Closes the process's connections (tests and scripts; the server keeps them for its life). */
export async function closeDb(): Promise<void> {
  const d = globalForDb.claimdeskDb;
  delete globalForDb.claimdeskDb;
  if (!d) return;
  if (d.engine === "postgres") await d.pool.end();
  else {
    await d.queue;
    d.read.$client.close();
    d.write.$client.close();
  }
}

export type { Db } from "./connection";
