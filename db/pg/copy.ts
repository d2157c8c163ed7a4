/**
 * Moving a desk from its SQLite file to PostgreSQL (issue 12: a desk that
 * outgrows one machine starts from the desk it has). Every table of
 * db/schema-sqlite.ts is read through drizzle and written through its twin in
 * db/schema-pg.ts, so each value crosses as the app sees it (booleans as
 * booleans, times as the same ISO text, milliseconds as numbers), and the
 * ids are kept, so every link between rows and every URL stays right.
 *
 * - The SQLite side is read inside one read transaction: one snapshot, even
 *   while a server keeps writing to the file (WAL).
 * - The PostgreSQL side is migrated first (under the advisory lock), must be
 *   empty, and is written in one transaction: a copy that fails half-way
 *   leaves nothing behind. Identity sequences are moved past the copied ids.
 * - Tables are copied parents first (by their foreign keys), in batches under
 *   PostgreSQL's limit of 65,535 parameters a statement; rows are read by
 *   rowid pages, so a large desk is never held in memory at once.
 * - Afterwards every table's row count is compared on both sides.
 */
import type Database from "better-sqlite3";
import { getTableColumns, gt, is, sql } from "drizzle-orm";
import { drizzle as drizzleSqlite } from "drizzle-orm/better-sqlite3";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { getTableConfig as pgTableConfig, PgTable } from "drizzle-orm/pg-core";
import { getTableConfig as sqliteTableConfig, SQLiteTable } from "drizzle-orm/sqlite-core";
import type { Pool } from "pg";
import * as lite from "../schema-sqlite";
import * as pgSchema from "../schema-pg";
import { migratePg } from "./migrate";

export type CopyReport = { tables: Array<{ table: string; rows: number }>; rows: number; ms: number };

type Pair = { name: string; lite: SQLiteTable; pg: PgTable; parents: string[] };

/** The tables of both schemas, paired by SQL name, parents before children. */
export function tablePairs(): Pair[] {
  const pgByName = new Map<string, PgTable>();
  for (const value of Object.values(pgSchema)) if (is(value, PgTable)) pgByName.set(pgTableConfig(value).name, value);
  const pairs = new Map<string, Pair>();
  for (const value of Object.values(lite)) {
    if (!is(value, SQLiteTable)) continue;
    const config = sqliteTableConfig(value);
    const twin = pgByName.get(config.name);
    if (!twin) throw new Error(`Table ${config.name} has no PostgreSQL twin in db/schema-pg.ts.`);
    const parents = config.foreignKeys.map((fk) => sqliteTableConfig(fk.reference().foreignTable).name).filter((p) => p !== config.name);
    pairs.set(config.name, { name: config.name, lite: value, pg: twin, parents });
  }
  const ordered: Pair[] = [];
  const placed = new Set<string>();
  const visit = (pair: Pair, path: string[]) => {
    if (placed.has(pair.name)) return;
    if (path.includes(pair.name)) throw new Error(`Foreign keys run in a circle: ${[...path, pair.name].join(" → ")}.`);
    for (const parent of pair.parents) visit(pairs.get(parent)!, [...path, pair.name]);
    placed.add(pair.name);
    ordered.push(pair);
  };
  for (const pair of pairs.values()) visit(pair, []);
  return ordered;
}

/** PostgreSQL's limit on a statement's parameters. */
const MAX_PARAMETERS = 65_535;
/** Rows read from SQLite per page. */
const PAGE = 2_000;

export async function copySqliteToPg(sqlite: Database.Database, pool: Pool, options: { onTable?: (table: string, rows: number) => void } = {}): Promise<CopyReport> {
  const started = performance.now();
  await migratePg(pool);
  const pairs = tablePairs();
  const from = drizzleSqlite(sqlite);
  const client = await pool.connect();
  const report: CopyReport = { tables: [], rows: 0, ms: 0 };
  try {
    const occupied: string[] = [];
    for (const pair of pairs) {
      const { rows } = await client.query<{ n: string }>(`select count(*) as n from "${pair.name}"`);
      if (Number(rows[0]!.n) > 0) occupied.push(`${pair.name} (${rows[0]!.n} rows)`);
    }
    if (occupied.length) {
      throw new CopyRefused(`The PostgreSQL database already holds data: ${occupied.join(", ")}. db:copy copies only into an empty database; nothing was written.`);
    }
    const to = drizzlePg({ client });
    sqlite.exec("BEGIN"); // one snapshot of the whole file
    await client.query("BEGIN");
    try {
      for (const pair of pairs) {
        const columns = getTableColumns(pair.lite);
        const perBatch = Math.max(1, Math.floor(MAX_PARAMETERS / Object.keys(columns).length));
        const rowid = sql<number>`rowid`;
        let last = 0;
        let copied = 0;
        for (;;) {
          const page = from
            .select({ ...columns, rowid__: rowid })
            .from(pair.lite)
            .where(gt(rowid, last))
            .orderBy(rowid)
            .limit(PAGE)
            .all() as Array<Record<string, unknown> & { rowid__: number }>;
          if (page.length === 0) break;
          last = page.at(-1)!.rowid__;
          const values = page.map(({ rowid__: _r, ...row }) => row);
          for (let i = 0; i < values.length; i += perBatch) {
            // the rows' values are the app's values of the same columns on both sides
            await to.insert(pair.pg).values(values.slice(i, i + perBatch) as never);
          }
          copied += values.length;
        }
        if (getTableColumns(pair.pg).id?.dataType === "number") {
          // the next id PostgreSQL hands out comes after the copied ones
          await client.query(`select setval(pg_get_serial_sequence('"${pair.name}"', 'id'), coalesce((select max(id) from "${pair.name}"), 0) + 1, false)`);
        }
        options.onTable?.(pair.name, copied);
        report.tables.push({ table: pair.name, rows: copied });
        report.rows += copied;
      }
      for (const { table, rows } of report.tables) {
        const { rows: counted } = await client.query<{ n: string }>(`select count(*) as n from "${table}"`);
        if (Number(counted[0]!.n) !== rows) throw new Error(`${table}: ${rows} rows read, ${counted[0]!.n} in PostgreSQL.`);
      }
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw error;
    } finally {
      if (sqlite.inTransaction) sqlite.exec("COMMIT");
    }
    // the planner's statistics now, not whenever autovacuum comes round: until then a freshly filled
    // table is planned as if empty (the bench's first list requests took 125 ms each)
    await client.query("analyze");
  } finally {
    client.release();
  }
  report.ms = performance.now() - started;
  return report;
}

/** A copy that was refused before it wrote anything (the message says why). */
export class CopyRefused extends Error {}
