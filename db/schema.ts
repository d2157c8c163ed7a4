/**
 * The tables the app reads and writes, for the engine this process runs on
 * (db/engine.ts): db/schema-sqlite.ts by default, db/schema-pg.ts on
 * PostgreSQL. The two hold the same tables, columns and value types
 * (tests/unit/schema-parity.test.ts), so every query is written once, against
 * the SQLite declarations' types, and runs on either engine. Enums and row
 * types come from the SQLite file, which drizzle-kit generates its migrations
 * from (the PostgreSQL file imports them from there too).
 */
import * as lite from "./schema-sqlite";
import * as pg from "./schema-pg";
import { engine } from "./engine";

export * from "./schema-sqlite";

const tables = (engine() === "postgres" ? pg : lite) as unknown as typeof lite;

export const users = tables.users;
export const sources = tables.sources;
export const sourceBands = tables.sourceBands;
export const speakers = tables.speakers;
export const speakerAliases = tables.speakerAliases;
export const claims = tables.claims;
export const verdicts = tables.verdicts;
export const evidence = tables.evidence;
export const claimSuggestions = tables.claimSuggestions;
export const auditLog = tables.auditLog;
export const apiTokens = tables.apiTokens;
export const sessions = tables.sessions;
export const signInFailures = tables.signInFailures;
export const usersRelations = tables.usersRelations;
export const sourcesRelations = tables.sourcesRelations;
export const speakersRelations = tables.speakersRelations;
export const speakerAliasesRelations = tables.speakerAliasesRelations;
export const claimsRelations = tables.claimsRelations;
export const verdictsRelations = tables.verdictsRelations;
