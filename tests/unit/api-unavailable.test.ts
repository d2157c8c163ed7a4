/**
 * A database that is not answering is a 503 with the JSON error shape and
 * Retry-After, never a 500, and the next request after it comes back
 * succeeds by itself: on SQLite a file locked by another process beyond the
 * wait, on PostgreSQL a server that refuses connections (the errors are the
 * drivers' own, made for real here).
 */
import Database from "better-sqlite3";
import { Pool } from "pg";
import { beforeAll, describe, expect, it, vi } from "vitest";
import * as verdictsRoute from "@/app/api/v1/claims/[id]/verdicts/route";
import { transaction } from "@/db/client";
import { onPostgres } from "@/db/engine";
import { handler } from "@/lib/http/api";
import { databaseUnavailable } from "@/lib/http/unavailable";
import { makeClaim } from "./support/factories";
import { params, request, userWithToken } from "./support/api";

vi.mock("@/lib/auth", async () => (await import("./support/api")).mockAuth());

let reviewer: Awaited<ReturnType<typeof userWithToken>>;
beforeAll(async () => {
  reviewer = await userWithToken("reviewer");
});

async function refusedConnection(): Promise<unknown> {
  // port 1 on loopback: nothing listens there
  const pool = new Pool({ connectionString: "postgres://nobody:pw@127.0.0.1:1/nothing", connectionTimeoutMillis: 2000 });
  try {
    await pool.query("select 1");
    throw new Error("a query on a closed port answered");
  } catch (error) {
    return error;
  } finally {
    await pool.end();
  }
}

describe("the database not answering", () => {
  // SQLite's file lock held by another process: PostgreSQL has no file to lock (its refused connection is the next test)
  it.skipIf(onPostgres())("SQLite locked by another process beyond the wait: 503 with Retry-After, then the same write succeeds", async () => {
    const claim = await makeClaim();
    const post = () =>
      verdictsRoute.POST(
        request("POST", `/api/v1/claims/${claim.id}/verdicts`, { token: reviewer.token, body: { status: "corroborated", rationale: "Checked.", baseVersion: claim.version } }),
        params({ id: String(claim.id) }),
      );
    // writes go through db/client's write connection: it is the one that must not wait
    const writer = await transaction((tx) => tx.$client);
    const other = new Database(writer.name);
    const wait = writer.pragma("busy_timeout", { simple: true });
    writer.pragma("busy_timeout = 0");
    other.exec("BEGIN IMMEDIATE"); // another process holds the write lock
    try {
      const response = await post();
      expect(response.status).toBe(503);
      expect(response.headers.get("retry-after")).toBe("5");
      const body = await response.json();
      expect(body.error.code).toBe("unavailable");
      expect(body.error.message).toMatch(/not answering/);
      expect(JSON.stringify(body)).not.toMatch(/SQLITE|stack|\\n\s+at /);
    } finally {
      other.exec("ROLLBACK");
      other.close();
      writer.pragma(`busy_timeout = ${wait}`);
    }
    expect((await post()).status).toBe(201);
  });

  it("PostgreSQL refusing connections: the driver's error is recognised, and answered 503", async () => {
    const error = await refusedConnection();
    expect(databaseUnavailable(error)).toBe(true);
    const response = await handler(async () => {
      throw error;
    })();
    expect(response.status).toBe(503);
    expect((await response.json()).error.code).toBe("unavailable");
  });

  it("a fault of our own is still a bare 500, and server shutdown states are recognised by SQLSTATE", async () => {
    expect(databaseUnavailable(new TypeError("x is undefined"))).toBe(false);
    expect(databaseUnavailable(Object.assign(new Error("syntax error"), { code: "42601" }))).toBe(false);
    expect(databaseUnavailable(Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" }))).toBe(true);
    expect(databaseUnavailable(Object.assign(new Error("the database system is starting up"), { code: "57P03" }))).toBe(true);
    // a write PostgreSQL rolled back to break a deadlock: nothing was written, a retry succeeds
    expect(databaseUnavailable(Object.assign(new Error("deadlock detected"), { code: "40P01" }))).toBe(true);
    expect(databaseUnavailable(Object.assign(new Error("duplicate key value violates unique constraint"), { code: "23505" }))).toBe(false);
    expect(databaseUnavailable(new Error("wrapped", { cause: Object.assign(new Error("x"), { code: "ECONNRESET" }) }))).toBe(true);
    const response = await handler(async () => {
      throw new TypeError("x is undefined");
    })();
    expect(response.status).toBe(500);
  });
});
