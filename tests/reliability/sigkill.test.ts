import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectConsistent } from "./support/checks";
import { makeDesk, type Desk } from "./support/desk";
import { sleep, startServer, type Server } from "./support/server";
import { newTally, streamVerdictsShared, type Stop } from "./support/writers";

/**
 * kill -9 in the middle of a stream of verdict writes, 20 times over. SQLite
 * with synchronous=FULL promises that a transaction whose COMMIT returned is
 * on disk; the server answers 201 only after the commit; so whatever was
 * acknowledged must survive any crash, and a write cut off half-way must
 * leave nothing behind (no verdict without its version bump or audit row).
 */
const CYCLES = 20;
const CLIENTS = 4;
const PORT = 3301;

let desk: Desk;
let server: Server | null = null;

beforeAll(async () => {
  desk = await makeDesk("sigkill");
});

afterAll(async () => {
  await server?.kill9();
  desk?.remove();
});

describe("SIGKILL during a stream of verdict writes", () => {
  it(`loses no acknowledged write and leaves a sound database, ${CYCLES} times over`, async () => {
    const tally = newTally();
    const versions = new Map(desk.claims.map((c) => [c.id, c.version]));
    const startTimes: number[] = [];
    let cutOffBefore = 0;
    server = await startServer(PORT, desk.file);
    startTimes.push(server.startMs);

    for (let cycle = 1; cycle <= CYCLES; cycle++) {
      const stop: Stop = { stopped: false };
      const acksBefore = tally.acks.length;
      const clients = streamVerdictsShared(CLIENTS, {
        base: server!.url,
        token: desk.token,
        port: PORT,
        claims: desk.claims.map((c) => c.id),
        versions,
        tally,
        stop,
      });
      // once the stream is flowing, kill the server under it, at a different moment each cycle
      const flowing = Date.now() + 30_000;
      while (tally.acks.length - acksBefore < 10 && Date.now() < flowing && tally.bad.length === 0) await sleep(5);
      await sleep((cycle * 37) % 200);
      await server.kill9();
      stop.stopped = true;
      await Promise.all(clients);

      expect(tally.acks.length - acksBefore, `cycle ${cycle}: writes acknowledged before the kill`).toBeGreaterThan(0);
      expect(tally.cutOff - cutOffBefore, `cycle ${cycle}: requests cut off by the kill`).toBeGreaterThan(0);
      cutOffBefore = tally.cutOff;

      server = await startServer(PORT, desk.file);
      startTimes.push(server.startMs);
      expect(server.output()).toContain("integrity_check ok");
      expectConsistent(desk.file, tally.acks, `after kill ${cycle}:`);
    }
    await server.stop();
    server = null;

    expect(tally.bad).toEqual([]);
    const verdicts = tally.acks.length;
    const median = [...startTimes].sort((a, b) => a - b)[Math.floor(startTimes.length / 2)]!;
    console.log(
      `[sigkill] ${CYCLES} kills: ${verdicts} acknowledged verdicts, all present; ${tally.cutOff} requests cut off; ` +
        `statuses ${JSON.stringify(tally.statuses)}; server start median ${Math.round(median)} ms, max ${Math.round(Math.max(...startTimes))} ms`,
    );
  });
});
