/**
 * Errors that mean the database is not answering, as opposed to a fault in
 * the request or in our code: the API answers them with 503 and the JSON
 * error shape (and Retry-After), not 500, so a client or a load balancer
 * retries a moment later (issue 12: while PostgreSQL restarts, clients get
 * 503s; the pool reconnects by itself when it is back).
 *
 * - SQLite: the file is locked beyond busy_timeout by another process
 *   (SQLITE_BUSY), cannot be opened or read (SQLITE_CANTOPEN, SQLITE_IOERR…),
 *   or the disk is full (SQLITE_FULL).
 * - PostgreSQL (node-postgres): the server refuses or drops the connection
 *   (ECONNREFUSED, ECONNRESET, EPIPE, ETIMEDOUT, "Connection terminated"),
 *   the pool cannot hand out a connection in time, or the server says it is
 *   shutting down, starting up or out of connections (SQLSTATE classes 08
 *   and 57P, 53300); or it broke a deadlock or a serialization conflict by
 *   rolling this write back (40P01, 40001): nothing was written, and the same
 *   request a moment later succeeds.
 */
const SQLITE_CODES = /^SQLITE_(BUSY|LOCKED|CANTOPEN|IOERR|FULL|PROTOCOL|NOTADB)/;
const NETWORK_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "EAI_AGAIN", "ENOTFOUND"]);
const PG_STATES = /^(08\d{3}|57P0[1-3]|53300|40P01|40001)$/;
const PG_MESSAGES = /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|the database system is (starting up|shutting down)/i;

export function databaseUnavailable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && typeof e === "object" && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && (SQLITE_CODES.test(code) || NETWORK_CODES.has(code) || PG_STATES.test(code))) return true;
    const message = (e as { message?: unknown }).message;
    if (typeof message === "string" && PG_MESSAGES.test(message)) return true;
  }
  return false;
}

/**
 * What the driver said, for the server's log: the innermost cause's message
 * ("connect ECONNREFUSED …", "terminating connection due to administrator
 * command"). drizzle wraps it in "Failed query: <sql> params: <values>",
 * whose values (a token's hash, an email) have no place in a log line
 * repeated for every request while the database is down.
 */
export function unavailableReason(error: unknown): string {
  let e = error;
  for (let depth = 0; e instanceof Error && e.cause instanceof Error && depth < 5; depth++) e = e.cause;
  return e instanceof Error ? e.message : String(e);
}

/** Seconds a client should wait before trying again. */
export const RETRY_AFTER_SECONDS = 5;
