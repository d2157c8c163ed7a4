import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectConsistentPg } from "./support/checks";
import { makePgDesk, type PgDesk } from "./support/desk";
import { noPostgres, pgTitle } from "./support/pg";
import { problemLines, sleep, startServer, type Server } from "./support/server";
import { newTally, streamReads, streamSpeakersAndClaims, streamVerdictsShared, type Stop, type Tally } from "./support/writers";

/**
 * PostgreSQL stopped under traffic and started again, the app server left
 * running (issue 12, item 7). While the database is down every API answer is
 * a 503 in the API's error shape with Retry-After, never a 500 and never a
 * hang; once it is back the server's pool makes new connections by itself and
 * serves again within seconds; and every write acknowledged before, during
 * or after is in the database.
 */
const PORT = 3365;
const DOWN_MS = 3000;
/** how soon after PostgreSQL answers again the app must be serving reads and writes */
const RECOVERY_LIMIT_MS = 5000;

let desk: PgDesk;
let server: Server | null = null;

beforeAll(async () => {
  if (noPostgres) return;
  desk = await makePgDesk();
  server = await startServer(PORT, desk.url);
}, 120_000);

afterAll(async () => {
  await server?.kill9();
  await desk?.remove();
}, 60_000);

/** The first answer at or after `from` whose status passes `test`, as milliseconds after `from`. */
function firstAfter(tally: Tally, from: number, test: (status: number) => boolean): number | null {
  const hit = tally.timeline.filter((t) => t.at >= from && test(t.status)).sort((a, b) => a.at - b.at)[0];
  return hit ? hit.at - from : null;
}

const in2xx = (status: number) => status >= 200 && status < 300;

describe.skipIf(noPostgres)(pgTitle("PostgreSQL restarted under traffic"), () => {
  it(`answers 503 with Retry-After while it is down (${DOWN_MS / 1000} s), never 500, serves again by itself, and loses no acknowledged write`, async () => {
    const writes = newTally();
    const reads = newTally();
    const stop: Stop = { stopped: false };
    const base = server!.url;
    const claims = desk.claims.map((c) => c.id);
    const quotes = desk.claims.map(({ sourceId, start, end, quote }) => ({ sourceId, start, end, quote }));
    const versions = new Map(desk.claims.map((c) => [c.id, c.version]));
    const clients = [
      ...streamVerdictsShared(3, { base, token: desk.token, port: PORT, claims, versions, tally: writes, stop, unavailableOk: true }),
      streamSpeakersAndClaims({ base, token: desk.token, port: PORT, quotes, tally: writes, stop, unavailableOk: true }),
      streamReads({ base, token: desk.token, claims, tally: reads, stop, unavailableOk: true }),
      streamReads({ base, token: desk.token, claims: [...claims].reverse(), tally: reads, stop, unavailableOk: true }),
    ];

    await sleep(2000);
    const acksBeforeStop = writes.acks.length;
    const stopping = performance.now();
    await desk.cluster.stopServer();
    const down = performance.now();
    await sleep(DOWN_MS);
    const starting = performance.now();
    await desk.cluster.startServer();
    const up = performance.now();
    // wait until both reads and writes are served again, then a little longer
    const deadline = up + 30_000;
    while ((firstAfter(writes, up, in2xx) === null || firstAfter(reads, up, in2xx) === null) && performance.now() < deadline) await sleep(20);
    await sleep(2000);
    stop.stopped = true;
    await Promise.all(clients);

    expect(writes.bad, "write answers").toEqual([]);
    expect(reads.bad, "read answers").toEqual([]);
    expect(writes.cutOff + reads.cutOff, "requests the server never answered").toBe(0);
    expect(server!.process.exitCode, "the server is still running").toBeNull();
    expect(acksBeforeStop, "writes acknowledged before the stop").toBeGreaterThan(0);
    const unavailable = (tally: Tally) => tally.timeline.filter((t) => t.status === 503);
    expect(unavailable(writes).length + unavailable(reads).length, "503s while PostgreSQL was down").toBeGreaterThan(0);
    // no 503 long before the stop began, none long after PostgreSQL was back
    const all503 = [...unavailable(writes), ...unavailable(reads)].map((t) => t.at);
    expect(Math.min(...all503)).toBeGreaterThanOrEqual(stopping);
    const writeRecovery = firstAfter(writes, up, in2xx);
    const readRecovery = firstAfter(reads, up, in2xx);
    expect(writeRecovery, "ms from PostgreSQL answering to the first acknowledged write").not.toBeNull();
    expect(readRecovery, "ms from PostgreSQL answering to the first read served").not.toBeNull();
    expect(writeRecovery!).toBeLessThan(RECOVERY_LIMIT_MS);
    expect(readRecovery!).toBeLessThan(RECOVERY_LIMIT_MS);
    const last503 = Math.max(...all503);
    expect(last503 - up, "the last 503, after PostgreSQL answered again").toBeLessThan(RECOVERY_LIMIT_MS);
    expect(writes.acks.filter((a) => a.at > up).length, "writes acknowledged after the restart").toBeGreaterThan(0);

    // the server says why it answered 503, and nothing else went wrong
    const expectedInLog = [/^\[api\] database unavailable: /, /^\[db\] idle PostgreSQL connection lost: /];
    expect(problemLines(server!.output(), expectedInLog), "unexpected lines in the server's log").toEqual([]);

    await expectConsistentPg(desk.url, writes.acks, "after the restart:");

    const ms = (value: number) => `${Math.round(value)} ms`;
    const during = (tally: Tally, status: number) => tally.timeline.filter((t) => t.status === status && t.at >= stopping && t.at <= up).length;
    console.log(
      `[pg-restart] PostgreSQL stopped in ${ms(down - stopping)}, down ${ms(starting - down)}, started in ${ms(up - starting)}; ` +
        `${writes.acks.length} writes acknowledged (${acksBeforeStop} before the stop, ${writes.acks.filter((a) => a.at > up).length} after the start), all present; ` +
        `503s: ${unavailable(writes).length} writes, ${unavailable(reads).length} reads (while down: ${during(writes, 503) + during(reads, 503)}); ` +
        `first write served ${ms(writeRecovery!)} and first read ${ms(readRecovery!)} after PostgreSQL answered ` +
        `(${ms(firstAfter(writes, starting, in2xx)!)} and ${ms(firstAfter(reads, starting, in2xx)!)} after pg_ctl start), last 503 ${ms(last503 - starting)} after pg_ctl start; ` +
        `write statuses ${JSON.stringify(writes.statuses)}, read statuses ${JSON.stringify(reads.statuses)}`,
    );
  });
});
