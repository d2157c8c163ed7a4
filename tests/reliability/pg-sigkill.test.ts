import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectConsistentPg } from "./support/checks";
import { makePgDesk, type PgDesk } from "./support/desk";
import { noPostgres, pgTitle } from "./support/pg";
import { problemLines, sleep, startServer, type Server } from "./support/server";
import { newTally, streamSpeakersAndClaims, streamVerdictsShared, type Ack, type Stop, type Tally } from "./support/writers";

/**
 * kill -9 of an app server in the middle of a stream of writes, 20 times over,
 * on PostgreSQL (issue 12, item 7). Two servers share the database and take
 * turns being killed; the other keeps writing on the same claims. The server
 * answers 201 only after COMMIT returned, so whatever was acknowledged must
 * be in the database; a transaction cut off half-way dies with its connection
 * (PostgreSQL rolls it back and frees its row locks), so nothing half-written
 * stays, and the surviving server is never stuck behind a dead one's lock.
 */
const CYCLES = 20;
const CLIENTS = 3;
const PORTS = [3363, 3364] as const;

let desk: PgDesk;
const servers = new Map<number, Server>();

beforeAll(async () => {
  if (noPostgres) return;
  desk = await makePgDesk();
  for (const server of await Promise.all(PORTS.map((port) => startServer(port, desk.url)))) servers.set(server.port, server);
}, 120_000);

afterAll(async () => {
  for (const server of servers.values()) await server.kill9();
  await desk?.remove();
}, 60_000);

const acksThrough = (tally: Tally, port: number, after = 0) => tally.acks.filter((a: Ack) => a.port === port && a.at > after).length;

describe.skipIf(noPostgres)(pgTitle("SIGKILL of an app server during writes, on PostgreSQL"), () => {
  it(`loses no acknowledged write, leaves no half-write and no stuck lock, ${CYCLES} kills over`, { timeout: 240_000 }, async () => {
    const tally = newTally();
    const versions = new Map(desk.claims.map((c) => [c.id, c.version]));
    const quotes = desk.claims.map(({ sourceId, start, end, quote }) => ({ sourceId, start, end, quote }));
    const startTimes: number[] = [];
    const survivorWaits: number[] = [];
    const logs: string[] = [];
    let cutOffBefore = 0;

    for (let cycle = 1; cycle <= CYCLES; cycle++) {
      const victimPort = PORTS[cycle % 2]!;
      const survivorPort = PORTS[(cycle + 1) % 2]!;
      const stop: Stop = { stopped: false };
      const acksBefore = acksThrough(tally, victimPort);
      // both servers write verdicts on the same claims (one shared view of the versions), and claims
      const clients = PORTS.flatMap((port) => {
        const base = servers.get(port)!.url;
        const claims = desk.claims.map((c) => c.id);
        return [
          ...streamVerdictsShared(CLIENTS, { base, token: desk.token, port, claims, versions, tally, stop }),
          streamSpeakersAndClaims({ base, token: desk.token, port, quotes, tally, stop }),
        ];
      });
      // once the stream is flowing, kill the victim under it, at a different moment each cycle
      const flowing = Date.now() + 30_000;
      while (acksThrough(tally, victimPort) - acksBefore < 10 && Date.now() < flowing && tally.bad.length === 0) await sleep(5);
      await sleep((cycle * 37) % 200);
      const victim = servers.get(victimPort)!;
      await victim.kill9();
      logs.push(victim.output());
      const killedAt = performance.now();
      // the survivor goes on writing: no lock of the dead server's transactions holds it up for long
      const deadline = Date.now() + 20_000;
      while (acksThrough(tally, survivorPort, killedAt) < 5 && Date.now() < deadline && tally.bad.length === 0) await sleep(5);
      survivorWaits.push(performance.now() - killedAt);
      stop.stopped = true;
      await Promise.all(clients);

      expect(tally.bad, `cycle ${cycle}`).toEqual([]);
      expect(acksThrough(tally, victimPort) - acksBefore, `cycle ${cycle}: writes acknowledged by ${victimPort} before the kill`).toBeGreaterThan(0);
      expect(acksThrough(tally, survivorPort, killedAt), `cycle ${cycle}: writes acknowledged by ${survivorPort} after the kill`).toBeGreaterThanOrEqual(5);
      expect(tally.cutOff - cutOffBefore, `cycle ${cycle}: requests cut off by the kill`).toBeGreaterThan(0);
      cutOffBefore = tally.cutOff;

      const restarted = await startServer(victimPort, desk.url);
      servers.set(victimPort, restarted);
      startTimes.push(restarted.startMs);
      expect(restarted.output()).toMatch(/\[db\] PostgreSQL \d+/);
      await expectConsistentPg(desk.url, tally.acks, `after kill ${cycle}:`);
    }
    for (const server of servers.values()) logs.push(server.output());
    expect(logs.flatMap((log) => problemLines(log))).toEqual([]);

    const count = (kind: string) => tally.acks.filter((a) => a.kind === kind).length;
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    console.log(
      `[pg-sigkill] ${CYCLES} kills: ${tally.acks.length} acknowledged writes (${count("verdict")} verdicts, ${count("claim")} claims, ` +
        `${count("speaker")} speakers, ${count("alias")} aliases), all present; ${tally.cutOff} requests cut off; statuses ${JSON.stringify(tally.statuses)}; ` +
        `survivor's 5 writes after a kill: median ${Math.round(median(survivorWaits))} ms, max ${Math.round(Math.max(...survivorWaits))} ms; ` +
        `server start median ${Math.round(median(startTimes))} ms, max ${Math.round(Math.max(...startTimes))} ms`,
    );
  });
});
