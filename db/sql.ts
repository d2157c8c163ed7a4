import { sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { engine } from "./engine";

/**
 * The few SQL fragments the two engines spell differently, each written once
 * here. Everything else in the queries is SQL both engines read alike.
 */

/** `column LIKE pattern ESCAPE '\'`, ignoring case: SQLite's LIKE folds ASCII letters, PostgreSQL's ILIKE every letter. */
export function likeAnyCase(column: SQLWrapper, pattern: string): SQL {
  return engine() === "postgres" ? sql`${column} ilike ${pattern} escape '\\'` : sql`${column} like ${pattern} escape '\\'`;
}

/** LIKE treats % and _ as wildcards (and \ escapes here): the text made literal for `ESCAPE '\'`. */
export const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** A reviewer's text matched literally, anywhere in the value. */
export const containsPattern = (text: string) => `%${escapeLike(text)}%`;

/**
 * Whether `column` holds `text` exactly, case and all: SQLite's instr; on
 * PostgreSQL a LIKE, which its trigram index (pg_trgm) answers without reading
 * every row.
 */
export function holdsText(column: SQLWrapper, text: string): SQL {
  return engine() === "postgres" ? sql`${column} like ${containsPattern(text)} escape '\\'` : sql`instr(${column}, ${text}) > 0`;
}
