import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectConsistent } from "./support/checks";
import { makeDesk, type Desk } from "./support/desk";
import { startServer, type Server } from "./support/server";
import { streamMixedWrites } from "./support/writers";

/**
 * Two server processes on one database file, both writing at once: SQLite
 * lets one process write at a time, and every domain write takes the write
 * lock first (BEGIN IMMEDIATE) with a busy timeout, so the other process
 * waits its turn. No client may see a 500 or a lock error; a 409 (two
 * reviewers on one claim) is the legitimate answer to a real conflict.
 */
const PORTS = [3311, 3312];
const SECONDS = 6;

let desk: Desk;
const servers: Server[] = [];

beforeAll(async () => {
  desk = await makeDesk("two-servers");
});

afterAll(async () => {
  for (const server of servers) await server.kill9();
  desk?.remove();
});

describe("two servers on one database file", () => {
  it("serve concurrent writes of every kind with no 500, no lock error, and consistent data", async () => {
    for (const port of PORTS) servers.push(await startServer(port, desk.file));
    const tally = await streamMixedWrites({ servers, token: desk.token, claims: desk.claims, seconds: SECONDS });

    expect(tally.bad).toEqual([]);
    expect(tally.cutOff).toBe(0);
    for (const server of servers) {
      const log = server.output();
      expect(log, `server ${server.port} log`).not.toMatch(/SQLITE_BUSY|database is locked|\[api\]/);
      for (const kind of ["verdict", "speaker", "claim", "alias"] as const) {
        expect(tally.acks.filter((a) => a.port === server.port && a.kind === kind).length, `${kind} writes through ${server.port}`).toBeGreaterThan(0);
      }
    }
    expect(tally.statuses[409] ?? 0, "conflicting verdicts refused").toBeGreaterThan(0);
    expectConsistent(desk.file, tally.acks, "two servers:");

    const count = (kind: string) => tally.acks.filter((a) => a.kind === kind).length;
    console.log(
      `[two-servers] ${SECONDS} s, 2 servers × 3 clients: ${count("verdict")} verdicts, ${count("claim")} claims, ` +
        `${count("speaker")} speakers, ${count("alias")} aliases acknowledged; statuses ${JSON.stringify(tally.statuses)}`,
    );
  });
});
