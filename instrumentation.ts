/**
 * Next.js calls register() once when a server starts, before it serves a
 * request (not during `next build`). However the server was started
 * (`npm start`, `next start`, the test suites), it checks its database here:
 * on SQLite it logs the version and the pragmas in force, and refuses to start
 * on a file that fails `PRAGMA integrity_check`; on PostgreSQL it refuses a
 * server that does not answer, is older than 15 or lacks a migration
 * (db/startup.ts).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { checkDatabaseOrExit } = await import("./db/startup");
  await checkDatabaseOrExit();
}
