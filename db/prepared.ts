import "server-only";
import { getDb, type Db } from "./client";

/** A connection or a transaction open on one: whatever a statement should run through. */
export type Handle = Db | Parameters<Parameters<Db["transaction"]>[0]>[0];

/** The driver connection under a drizzle handle (a transaction runs on its database's connection). */
function connectionOf(handle: Handle): object {
  return (handle as unknown as { session: { client: object } }).session.client;
}

/**
 * A query prepared once per connection and shape, for the reads every
 * request makes (who is calling, the claim list). drizzle's `.all()` and
 * `.get()` compile and prepare their SQL on every call; profiling the list
 * API under load showed that preparing cost more than running the query.
 * Keyed by connection, so a closed and reopened database (tests, scripts)
 * never meets a statement of the old one. A door passes its transaction
 * (`handle`): the statement is the one prepared on that transaction's
 * connection, so it runs inside the transaction, never beside it.
 */
export function preparedPerShape<K extends string, T>(build: (db: Handle, shape: K) => T): (shape: K, handle?: Handle) => T {
  const byConnection = new WeakMap<object, Map<K, T>>();
  return (shape, handle) => {
    const db = handle ?? getDb();
    const connection = connectionOf(db);
    let shapes = byConnection.get(connection);
    if (!shapes) byConnection.set(connection, (shapes = new Map()));
    let statement = shapes.get(shape);
    if (statement === undefined) shapes.set(shape, (statement = build(db, shape)));
    return statement;
  };
}
