/**
 * db/schema-sqlite.ts (SQLite, the default engine) and db/schema-pg.ts (PostgreSQL)
 * must describe the same database: the same tables, columns (SQL names, the
 * property names the app uses, nullability, defaults, a coarse type family
 * and the JavaScript type drizzle hands back), primary keys, indexes (names,
 * columns, uniqueness), unique constraints, foreign keys (columns, target,
 * actions) and check constraint names. Check *expressions* are not compared:
 * they differ on purpose where the engines do (glob vs ~, json_valid vs a json
 * cast, LIKE vs ILIKE), and schema-pg.ts says why at each one.
 *
 * Out of scope: the search indexes. SQLite's FTS5 virtual tables (with their
 * sync triggers) and PostgreSQL's tsvector / pg_trgm GIN indexes are both
 * hand-written migrations (db/migrations/0006_search_index.sql and
 * db/migrations/pg/0002_search_index.sql), as are the append-only triggers of
 * both engines; none of them is in either schema file.
 *
 * The comparison is proved able to fail (a check that passes on two empty
 * descriptions proves nothing): see "the comparison itself".
 */
import { describe, expect, expectTypeOf, it } from "vitest";
import { getTableColumns, getTableName, is, sql, SQL, type Column } from "drizzle-orm";
import {
  boolean as pgBoolean,
  check as pgCheck,
  getTableConfig as getPgTableConfig,
  index as pgIndex,
  integer as pgInteger,
  PgDialect,
  pgTable,
  PgTable,
  text as pgText,
  unique as pgUnique,
  uniqueIndex as pgUniqueIndex,
} from "drizzle-orm/pg-core";
import {
  getTableConfig as getSqliteTableConfig,
  index as sqliteIndex,
  integer as sqliteInteger,
  SQLiteBaseInteger,
  SQLiteSyncDialect,
  sqliteTable,
  SQLiteTable,
  text as sqliteText,
} from "drizzle-orm/sqlite-core";
import * as sqliteSchema from "@/db/schema-sqlite";
import * as pgSchema from "@/db/schema-pg";

type Family = "integer" | "real" | "text" | "boolean" | "json";

/** drizzle's column classes, by engine, in the families compared; an unknown one fails the test until it is placed. */
const FAMILIES: Record<string, Family> = {
  SQLiteInteger: "integer",
  SQLiteBigInt: "integer",
  SQLiteBoolean: "boolean",
  SQLiteReal: "real",
  SQLiteNumeric: "real",
  SQLiteText: "text",
  SQLiteTextJson: "json",
  SQLiteBlobJson: "json",
  PgInteger: "integer",
  PgSmallInt: "integer",
  PgBigInt53: "integer",
  PgBigInt64: "integer",
  PgSerial: "integer",
  PgBigSerial53: "integer",
  PgBoolean: "boolean",
  PgDoublePrecision: "real",
  PgReal: "real",
  PgNumeric: "real",
  PgText: "text",
  PgVarchar: "text",
  PgChar: "text",
  PgJson: "json",
  PgJsonb: "json",
};

type ColumnShape = {
  key: string;
  family: Family;
  /** what the app receives: number, string, boolean, json… */
  dataType: string;
  notNull: boolean;
  /** a literal default as JSON, "sql" for an expression (now), null for none */
  default: string | null;
  /** id given by the database: SQLite AUTOINCREMENT, PostgreSQL identity or serial */
  generated: boolean;
  enumValues: string[] | null;
};
type IndexShape = { columns: string[]; unique: boolean; where: string | null; method: string };
type ForeignKeyShape = { columns: string[]; foreignTable: string; foreignColumns: string[]; onDelete: string; onUpdate: string };
type TableShape = {
  columns: Record<string, ColumnShape>;
  primaryKey: string[];
  indexes: Record<string, IndexShape>;
  uniqueConstraints: Record<string, string[]>;
  foreignKeys: Record<string, ForeignKeyShape>;
  checks: string[];
};
type SchemaShape = Record<string, TableShape>;

/** An expression in an index, without the engine's quoting or table prefix: `lower(email)`. */
function expression(text: string, table: string): string {
  return text.split(`"${table}".`).join("").replace(/["`]/g, "").replace(/\s+/g, " ").trim();
}

function describeColumn(key: string, column: Column): ColumnShape {
  const family = FAMILIES[column.columnType];
  if (!family) throw new Error(`schema-parity: no type family for ${column.columnType} (${key}); add it to FAMILIES`);
  const generated =
    (is(column, SQLiteBaseInteger) && column.autoIncrement) ||
    column.generatedIdentity !== undefined ||
    column.columnType === "PgSerial" ||
    column.columnType === "PgBigSerial53";
  return {
    key,
    family,
    dataType: column.dataType,
    notNull: column.notNull,
    default: column.default === undefined ? null : is(column.default, SQL) ? "sql" : JSON.stringify(column.default),
    generated,
    enumValues: column.enumValues ? [...column.enumValues] : null,
  };
}

function byName<T>(entries: Array<[string, T]>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const [name, value] of entries) {
    if (name in out) throw new Error(`schema-parity: two objects named ${name}`);
    out[name] = value;
  }
  return out;
}

function columnsShape(table: SQLiteTable | PgTable, columns: Column[]): Record<string, ColumnShape> {
  const keyOf = new Map(Object.entries(getTableColumns(table)).map(([key, column]) => [column as Column, key]));
  return byName(columns.map((c) => [c.name, describeColumn(keyOf.get(c) ?? "?", c)]));
}

function columnUniques(columns: Column[]): Array<[string, string[]]> {
  return columns.filter((c) => c.isUnique).map((c) => [c.uniqueName ?? `${c.name}_unique`, [c.name]]);
}

const sqliteDialect = new SQLiteSyncDialect();
const pgDialect = new PgDialect();

function describeSqliteTable(table: SQLiteTable): TableShape {
  const config = getSqliteTableConfig(table);
  const render = (s: SQL) => expression(sqliteDialect.sqlToQuery(s).sql, config.name);
  return {
    columns: columnsShape(table, config.columns),
    primaryKey: [
      ...config.columns.filter((c) => c.primary).map((c) => c.name),
      ...config.primaryKeys.flatMap((pk) => pk.columns.map((c) => c.name)),
    ],
    indexes: byName(
      config.indexes.map((i) => [
        i.config.name,
        {
          columns: i.config.columns.map((c) => (is(c, SQL) ? render(c) : c.name)),
          unique: i.config.unique,
          where: i.config.where ? render(i.config.where) : null,
          method: "btree",
        },
      ]),
    ),
    uniqueConstraints: byName([
      ...columnUniques(config.columns),
      ...config.uniqueConstraints.map((u): [string, string[]] => [u.getName() ?? "(unnamed)", u.columns.map((c) => c.name)]),
    ]),
    foreignKeys: byName(
      config.foreignKeys.map((fk) => {
        const ref = fk.reference();
        return [
          fk.getName(),
          {
            columns: ref.columns.map((c) => c.name),
            foreignTable: getTableName(ref.foreignTable),
            foreignColumns: ref.foreignColumns.map((c) => c.name),
            onDelete: fk.onDelete ?? "no action",
            onUpdate: fk.onUpdate ?? "no action",
          },
        ];
      }),
    ),
    checks: config.checks.map((c) => c.name).sort(),
  };
}

function describePgTable(table: PgTable): TableShape {
  const config = getPgTableConfig(table);
  const render = (s: SQL) => expression(pgDialect.sqlToQuery(s).sql, config.name);
  return {
    columns: columnsShape(table, config.columns),
    primaryKey: [
      ...config.columns.filter((c) => c.primary).map((c) => c.name),
      ...config.primaryKeys.flatMap((pk) => pk.columns.map((c) => c.name)),
    ],
    indexes: byName(
      config.indexes.map((i) => [
        i.config.name ?? "(unnamed)",
        {
          columns: i.config.columns.map((c) => (is(c, SQL) ? render(c) : ((c as { name?: string }).name ?? "?"))),
          unique: i.config.unique,
          where: i.config.where ? render(i.config.where) : null,
          method: i.config.method ?? "btree",
        },
      ]),
    ),
    uniqueConstraints: byName([
      ...columnUniques(config.columns),
      ...config.uniqueConstraints.map((u): [string, string[]] => [u.getName() ?? "(unnamed)", u.columns.map((c) => c.name)]),
    ]),
    foreignKeys: byName(
      config.foreignKeys.map((fk) => {
        const ref = fk.reference();
        return [
          fk.getName(),
          {
            columns: ref.columns.map((c) => c.name),
            foreignTable: getTableName(ref.foreignTable),
            foreignColumns: ref.foreignColumns.map((c) => c.name),
            onDelete: fk.onDelete ?? "no action",
            onUpdate: fk.onUpdate ?? "no action",
          },
        ];
      }),
    ),
    checks: config.checks.map((c) => c.name).sort(),
  };
}

/** The tables a schema module exports, by SQL name, with the name each is exported under. */
function tablesOf<T>(module: Record<string, unknown>, isTable: (value: unknown) => value is T, name: (t: T) => string) {
  const out = new Map<string, { exportName: string; table: T }>();
  for (const [exportName, value] of Object.entries(module)) if (isTable(value)) out.set(name(value), { exportName, table: value });
  return out;
}

const isSqliteTable = (v: unknown): v is SQLiteTable => is(v, SQLiteTable);
const isPgTable = (v: unknown): v is PgTable => is(v, PgTable);

function describeSqliteSchema(module: Record<string, unknown>): SchemaShape {
  const tables = tablesOf(module, isSqliteTable, getTableName);
  return Object.fromEntries([...tables].map(([name, { table }]) => [name, describeSqliteTable(table)]));
}
function describePgSchema(module: Record<string, unknown>): SchemaShape {
  const tables = tablesOf(module, isPgTable, getTableName);
  return Object.fromEntries([...tables].map(([name, { table }]) => [name, describePgTable(table)]));
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * Every difference between two descriptions, one line each: a key present on
 * one side only (a table, column, index, constraint), or a value that differs.
 */
function diffShapes(a: unknown, b: unknown, path = "", names: [string, string] = ["sqlite", "pg"]): string[] {
  if (isRecord(a) && isRecord(b)) {
    const out: string[] = [];
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const here = path ? `${path}.${key}` : key;
      if (!(key in b)) out.push(`${here}: only in ${names[0]}`);
      else if (!(key in a)) out.push(`${here}: only in ${names[1]}`);
      else out.push(...diffShapes(a[key], b[key], here, names));
    }
    return out;
  }
  const left = JSON.stringify(a);
  const right = JSON.stringify(b);
  return left === right ? [] : [`${path}: ${names[0]}=${left} ${names[1]}=${right}`];
}

const sqliteShape = describeSqliteSchema(sqliteSchema);
const pgShape = describePgSchema(pgSchema);

describe("db/schema-sqlite.ts and db/schema-pg.ts", () => {
  it("describe the same database", () => {
    expect(diffShapes(sqliteShape, pgShape)).toEqual([]);
  });

  it("export each table under the same name", () => {
    const exportNames = <T>(m: Map<string, { exportName: string; table: T }>) =>
      Object.fromEntries([...m].map(([name, t]) => [name, t.exportName]));
    expect(exportNames(tablesOf(pgSchema, isPgTable, getTableName))).toEqual(
      exportNames(tablesOf(sqliteSchema, isSqliteTable, getTableName)),
    );
  });

  it("were read in full (the comparison above did not pass on empty descriptions)", () => {
    const count = (s: SchemaShape, pick: (t: TableShape) => number) => Object.values(s).reduce((n, t) => n + pick(t), 0);
    // at least what the schema held when this test was written (more is fine: it only grows)
    for (const shape of [sqliteShape, pgShape]) {
      expect(Object.keys(shape).length).toBeGreaterThanOrEqual(13);
      expect(Object.keys(shape.claims?.columns ?? {}).length).toBeGreaterThanOrEqual(19);
      expect(count(shape, (t) => Object.keys(t.indexes).length)).toBeGreaterThanOrEqual(28);
      expect(count(shape, (t) => Object.keys(t.foreignKeys).length)).toBeGreaterThanOrEqual(21);
      expect(count(shape, (t) => t.checks.length)).toBeGreaterThanOrEqual(21);
      expect(shape.users?.indexes.users_email_unique).toEqual({ columns: ["lower(email)"], unique: true, where: null, method: "btree" });
      expect(shape.source_bands?.primaryKey).toEqual(["band", "source_id"]);
      expect(shape.speaker_aliases?.foreignKeys.speaker_aliases_speaker_id_speakers_id_fk?.onDelete).toBe("cascade");
      expect(shape.claim_suggestions?.columns.confidence?.family).toBe("real");
      expect(shape.users?.columns.disabled).toMatchObject({ family: "boolean", dataType: "boolean", default: "false" });
      expect(shape.sessions?.columns.started_at).toMatchObject({ family: "integer", dataType: "number" });
      expect(shape.users?.columns.created_at).toMatchObject({ family: "text", dataType: "string", default: "sql" });
    }
  });

  it("give the app the same row types", () => {
    expectTypeOf<pgSchema.User>().toEqualTypeOf<sqliteSchema.User>();
    expectTypeOf<pgSchema.Source>().toEqualTypeOf<sqliteSchema.Source>();
    expectTypeOf<pgSchema.Speaker>().toEqualTypeOf<sqliteSchema.Speaker>();
    expectTypeOf<pgSchema.Claim>().toEqualTypeOf<sqliteSchema.Claim>();
    expectTypeOf<pgSchema.Verdict>().toEqualTypeOf<sqliteSchema.Verdict>();
    expectTypeOf<pgSchema.Evidence>().toEqualTypeOf<sqliteSchema.Evidence>();
    expectTypeOf<pgSchema.ApiToken>().toEqualTypeOf<sqliteSchema.ApiToken>();
    expectTypeOf<pgSchema.SessionRow>().toEqualTypeOf<sqliteSchema.SessionRow>();
    expectTypeOf<pgSchema.ClaimSuggestion>().toEqualTypeOf<sqliteSchema.ClaimSuggestion>();
    expectTypeOf<typeof pgSchema.auditLog.$inferSelect>().toEqualTypeOf<typeof sqliteSchema.auditLog.$inferSelect>();
    expectTypeOf<typeof pgSchema.sourceBands.$inferSelect>().toEqualTypeOf<typeof sqliteSchema.sourceBands.$inferSelect>();
    expectTypeOf<typeof pgSchema.speakerAliases.$inferSelect>().toEqualTypeOf<typeof sqliteSchema.speakerAliases.$inferSelect>();
    expectTypeOf<typeof pgSchema.signInFailures.$inferSelect>().toEqualTypeOf<typeof sqliteSchema.signInFailures.$inferSelect>();
    // and the same insert types: an id is optional on both
    expectTypeOf<typeof pgSchema.users.$inferInsert>().toEqualTypeOf<typeof sqliteSchema.users.$inferInsert>();
    expectTypeOf<typeof pgSchema.claims.$inferInsert>().toEqualTypeOf<typeof sqliteSchema.claims.$inferInsert>();
    expectTypeOf<typeof pgSchema.auditLog.$inferInsert>().toEqualTypeOf<typeof sqliteSchema.auditLog.$inferInsert>();
    expectTypeOf<typeof pgSchema.sessions.$inferInsert>().toEqualTypeOf<typeof sqliteSchema.sessions.$inferInsert>();
  });
});

describe("the comparison itself", () => {
  const clone = (): SchemaShape => structuredClone(pgShape);

  it("reports an altered copy of the real schema, one difference per alteration", () => {
    const cases: Array<[string, (s: SchemaShape) => void, string]> = [
      [
        "a column in one schema only",
        (s) => {
          s.claims!.columns.extra = { ...s.claims!.columns.quote! };
        },
        "claims.columns.extra: only in pg",
      ],
      ["a dropped column", (s) => delete s.users!.columns.name, "users.columns.name: only in sqlite"],
      ["nullability", (s) => void (s.claims!.columns.proposition!.notNull = true), "claims.columns.proposition.notNull: sqlite=false pg=true"],
      ["type family", (s) => void (s.claim_suggestions!.columns.confidence!.family = "integer"), "claim_suggestions.columns.confidence.family"],
      ["app type", (s) => void (s.sessions!.columns.started_at!.dataType = "bigint"), "sessions.columns.started_at.dataType"],
      ["a default", (s) => void (s.sources!.columns.language!.default = '"ko"'), "sources.columns.language.default"],
      ["primary key", (s) => void s.source_bands!.primaryKey.pop(), "source_bands.primaryKey"],
      [
        "an index in one schema only",
        (s) => void (s.claims!.indexes.claims_extra_idx = { columns: ["quote"], unique: false, where: null, method: "btree" }),
        "claims.indexes.claims_extra_idx: only in pg",
      ],
      ["an index's columns", (s) => void s.claims!.indexes.claims_live_due_idx!.columns.pop(), "claims.indexes.claims_live_due_idx.columns"],
      ["an index's uniqueness", (s) => void (s.speaker_aliases!.indexes.speaker_aliases_unique!.unique = false), "speaker_aliases.indexes.speaker_aliases_unique.unique"],
      ["a unique constraint", (s) => void (s.users!.uniqueConstraints.users_name_unique = ["name"]), "users.uniqueConstraints.users_name_unique: only in pg"],
      ["a foreign key's action", (s) => void (s.speaker_aliases!.foreignKeys.speaker_aliases_speaker_id_speakers_id_fk!.onDelete = "no action"), "onDelete: sqlite=\"cascade\""],
      ["a dropped foreign key", (s) => delete s.claims!.foreignKeys.claims_deleted_by_users_id_fk, "claims.foreignKeys.claims_deleted_by_users_id_fk: only in sqlite"],
      ["a check constraint", (s) => void s.claims!.checks.push("claims_extra_check"), "claims.checks"],
      ["a table", (s) => void (s.extra = structuredClone(s.users!)), "extra: only in pg"],
    ];
    expect(diffShapes(sqliteShape, clone())).toEqual([]);
    for (const [what, alter, expected] of cases) {
      const altered = clone();
      alter(altered);
      const report = diffShapes(sqliteShape, altered);
      expect(report, what).toHaveLength(1);
      expect(report[0], what).toContain(expected);
    }
  });

  it("reads every kind of difference out of real drizzle tables", () => {
    const liteUsers = sqliteTable("u", { id: sqliteInteger("id").primaryKey({ autoIncrement: true }) });
    const lite = sqliteTable(
      "t",
      {
        id: sqliteInteger("id").primaryKey({ autoIncrement: true }),
        name: sqliteText("name").notNull(),
        flag: sqliteInteger("flag", { mode: "boolean" }).notNull().default(false),
        owner: sqliteInteger("owner").references(() => liteUsers.id),
      },
      (t) => [sqliteIndex("t_name_idx").on(t.name)],
    );
    const pgUsers = pgTable("u", { id: pgInteger("id").primaryKey().generatedByDefaultAsIdentity() });
    const twin = (
      extra: {
        columns?: Record<string, ReturnType<typeof pgText> | ReturnType<typeof pgInteger>>;
        nullableName?: boolean;
        textFlag?: boolean;
        cascade?: boolean;
        unique?: boolean;
        config?: "index" | "check" | "uniqueConstraint";
      } = {},
    ) =>
      pgTable(
        "t",
        {
          id: pgInteger("id").primaryKey().generatedByDefaultAsIdentity(),
          name: extra.nullableName ? pgText("name") : pgText("name").notNull(),
          flag: extra.textFlag ? pgText("flag").notNull().default("false") : pgBoolean("flag").notNull().default(false),
          owner: pgInteger("owner").references(() => pgUsers.id, extra.cascade ? { onDelete: "cascade" } : {}),
          ...extra.columns,
        },
        (t) => [
          (extra.unique ? pgUniqueIndex : pgIndex)("t_name_idx").on(t.name),
          ...(extra.config === "index" ? [pgIndex("t_owner_idx").on(t.owner)] : []),
          ...(extra.config === "check" ? [pgCheck("t_name_check", sql`length(${t.name}) > 0`)] : []),
          ...(extra.config === "uniqueConstraint" ? [pgUnique("t_owner_unique").on(t.owner)] : []),
        ],
      );
    const diff = (pg: PgTable) => diffShapes(describeSqliteTable(lite), describePgTable(pg));

    expect(diff(twin())).toEqual([]);
    expect(diff(twin({ columns: { extra: pgText("extra") } }))).toEqual(["columns.extra: only in pg"]);
    expect(diff(twin({ nullableName: true }))).toEqual(["columns.name.notNull: sqlite=true pg=false"]);
    expect(diff(twin({ textFlag: true }))).toEqual([
      'columns.flag.family: sqlite="boolean" pg="text"',
      'columns.flag.dataType: sqlite="boolean" pg="string"',
      'columns.flag.default: sqlite="false" pg="\\"false\\""',
    ]);
    expect(diff(twin({ cascade: true }))).toEqual(['foreignKeys.t_owner_u_id_fk.onDelete: sqlite="no action" pg="cascade"']);
    expect(diff(twin({ unique: true }))).toEqual(["indexes.t_name_idx.unique: sqlite=false pg=true"]);
    expect(diff(twin({ config: "index" }))).toEqual(["indexes.t_owner_idx: only in pg"]);
    expect(diff(twin({ config: "check" }))).toEqual(['checks: sqlite=[] pg=["t_name_check"]']);
    expect(diff(twin({ config: "uniqueConstraint" }))).toEqual(["uniqueConstraints.t_owner_unique: only in pg"]);
  });
});
