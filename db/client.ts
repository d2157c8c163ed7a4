import "server-only";
import { openDatabase, type Db } from "./connection";

/** One connection per process, kept across hot reloads in development. */
const globalForDb = globalThis as unknown as { claimdeskDb?: Db };

export function getDb(): Db {
  globalForDb.claimdeskDb ??= openDatabase();
  return globalForDb.claimdeskDb;
}

export type { Db } from "./connection";
