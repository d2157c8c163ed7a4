import "server-only";
import type Database from "better-sqlite3";
import { getDb, getPool } from "./client";
import { engine } from "./engine";

/**
 * Hand-written SQL that both engines read the same way, for the few reads
 * drizzle's builder says less clearly (the report's chunked reads and
 * tallies). Written with `?` placeholders, in the SQL both engines share:
 * `count(*) filter (where …)`, `cast(… as integer)` for every count (PostgreSQL
 * returns a bare count as a bigint string), no strftime, no `::`. On SQLite
 * the statement is prepared once per connection; on PostgreSQL the `?` become
 * `$1…$n` and it runs on the pool.
 */
export async function rawAll<T>(text: string, args: ReadonlyArray<string | number | null> = []): Promise<T[]> {
  if (engine() === "postgres") {
    const { rows } = await getPool().query({ text: dollarPlaceholders(text), values: [...args] });
    return rows as T[];
  }
  return sqliteStatement(text).all(args as unknown[]) as T[];
}

/** The first row, or undefined. */
export async function rawGet<T>(text: string, args: ReadonlyArray<string | number | null> = []): Promise<T | undefined> {
  return (await rawAll<T>(text, args))[0];
}

const bySqliteConnection = new WeakMap<object, Map<string, Database.Statement>>();

/** SQLite only: the statement for this SQL, prepared once per connection (db/queries/search.ts and related.ts use it too). */
export function sqliteStatement(text: string): Database.Statement {
  const client = getDb().$client;
  let statements = bySqliteConnection.get(client);
  if (!statements) bySqliteConnection.set(client, (statements = new Map()));
  let statement = statements.get(text);
  if (!statement) statements.set(text, (statement = client.prepare(text)));
  return statement;
}

/** `?` to `$1`, `$2`…, outside quoted strings (the report SQL has literals such as 'pending'). */
export function dollarPlaceholders(text: string): string {
  let n = 0;
  let out = "";
  let quoted = false;
  for (const c of text) {
    if (c === "'") quoted = !quoted;
    out += c === "?" && !quoted ? `$${++n}` : c;
  }
  return out;
}
