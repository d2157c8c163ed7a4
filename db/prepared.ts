import "server-only";
import { getDb, type Db } from "./client";

/**
 * A query prepared once per connection and shape, for the reads every
 * request makes (who is calling, the claim list). drizzle's `.all()` and
 * `.get()` compile and prepare their SQL on every call; profiling the list
 * API under load showed that preparing cost more than running the query.
 * Keyed by connection, so a closed and reopened database (tests, scripts)
 * never meets a statement of the old one.
 */
export function preparedPerShape<K extends string, T>(build: (db: Db, shape: K) => T): (shape: K) => T {
  const byDb = new WeakMap<Db, Map<K, T>>();
  return (shape) => {
    const db = getDb();
    let shapes = byDb.get(db);
    if (!shapes) byDb.set(db, (shapes = new Map()));
    let statement = shapes.get(shape);
    if (statement === undefined) shapes.set(shape, (statement = build(db, shape)));
    return statement;
  };
}
