import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { getDb, type Db } from "./client";
import { engine } from "./engine";

/** A connection or a transaction open on one: whatever a statement should run through. */
export type Handle = Db;

/** What drizzle's SQLite prepared statements offer; the PostgreSQL ones are wrapped to the same three calls. */
type SqlitePrepared = {
  all: (...args: never[]) => unknown;
  get: (...args: never[]) => unknown;
  run: (...args: never[]) => unknown;
};

type Params<F> = F extends (...args: infer A) => unknown ? A : never;
type Returns<F> = F extends (...args: never[]) => infer R ? R : never;

/** A prepared statement whose calls are awaited, on either engine. */
export type Statement<P extends SqlitePrepared> = {
  all: (...args: Params<P["all"]>) => Promise<Returns<P["all"]>>;
  get: (...args: Params<P["get"]>) => Promise<Returns<P["get"]>>;
  /** the number of rows the statement changed */
  run: (...args: Params<P["run"]>) => Promise<{ changes: number }>;
};

/** The driver connection under a drizzle SQLite handle (a transaction runs on its database's connection). */
function connectionOf(handle: Handle): object {
  return (handle as unknown as { session: { client: object } }).session.client;
}

type PgPrepared = { execute: (values?: Record<string, unknown>) => Promise<unknown> };

function overSqlite<P extends SqlitePrepared>(p: P): Statement<P> {
  const s = p as unknown as { all: (v?: unknown) => unknown; get: (v?: unknown) => unknown; run: (v?: unknown) => { changes: number } };
  return {
    all: (async (values?: unknown) => s.all(values)) as unknown as Statement<P>["all"],
    get: (async (values?: unknown) => s.get(values)) as unknown as Statement<P>["get"],
    run: (async (values?: unknown) => ({ changes: s.run(values).changes })) as unknown as Statement<P>["run"],
  };
}

function overPostgres<P extends SqlitePrepared>(p: P): Statement<P> {
  const q = p as unknown as PgPrepared;
  const rows = async (values?: Record<string, unknown>) => (await q.execute(values)) as unknown[];
  return {
    all: rows as unknown as Statement<P>["all"],
    get: (async (values?: Record<string, unknown>) => (await rows(values))[0]) as unknown as Statement<P>["get"],
    run: (async (values?: Record<string, unknown>) => {
      const result = (await q.execute(values)) as { rowCount?: number | null } | unknown[];
      return { changes: Array.isArray(result) ? result.length : (result.rowCount ?? 0) };
    }) as unknown as Statement<P>["run"],
  };
}

/**
 * A query prepared once per connection and shape, for the reads every
 * request makes (who is calling, the claim list) and the hot writes.
 * drizzle's builders compile their SQL on every call; profiling the list API
 * under load showed that preparing cost more than running the query. Keyed by
 * connection, so a closed and reopened database (tests, scripts) never meets
 * a statement of the old one. A door passes its transaction (`handle`): the
 * statement is the one prepared on that transaction's connection (on
 * PostgreSQL, built for that transaction), so it runs inside the
 * transaction, never beside it.
 *
 * `build` is written once, against the SQLite types; on PostgreSQL the same
 * builder calls make PostgreSQL's SQL, and the statement's three calls are
 * answered from drizzle's `execute`.
 */
export function preparedPerShape<K extends string, P extends SqlitePrepared>(
  build: (db: Handle, shape: K) => P,
): (shape: K, handle?: Handle) => Statement<P> {
  const byKey = new WeakMap<object, Map<K, Statement<P>>>();
  return (shape, handle) => {
    const db = handle ?? getDb();
    const postgres = engine() === "postgres";
    const key = postgres ? db : connectionOf(db);
    let shapes = byKey.get(key);
    if (!shapes) byKey.set(key, (shapes = new Map()));
    let statement = shapes.get(shape);
    if (statement === undefined) {
      const built = build(db, shape);
      shapes.set(shape, (statement = postgres ? overPostgres(built) : overSqlite(built)));
    }
    return statement;
  };
}


/**
 * On PostgreSQL, `SELECT … FOR NO KEY UPDATE`: the row read is locked to the
 * end of the write's transaction, so a check made on it holds across servers
 * (a second writer waits, then reads what the first one wrote). NO KEY: the
 * writes never change a key, and this strength leaves other transactions free
 * to insert rows whose foreign key points at the locked row (evidence citing
 * a claim being settled), so two writes citing each other's rows cannot
 * deadlock. SQLite needs none: its write lock, taken at BEGIN IMMEDIATE,
 * already covers the file.
 */
export function forUpdate<Q>(query: Q): Q {
  return engine() === "postgres" ? (query as unknown as { for: (strength: "no key update") => Q }).for("no key update") : query;
}

/**
 * On PostgreSQL, a lock on a name for the rest of the write's transaction
 * (`pg_advisory_xact_lock`), for a write that looks for a row and makes it
 * when there is none: two servers making the same speaker at once would
 * otherwise both find nothing. SQLite's write lock already serialises them.
 */
export async function lockName(tx: Handle, name: string): Promise<void> {
  if (engine() !== "postgres") return;
  await (tx as unknown as { execute: (query: SQL) => Promise<unknown> }).execute(sql`select pg_advisory_xact_lock(hashtextextended(${name}, 0))`);
}
