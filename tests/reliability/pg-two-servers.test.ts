import { Client } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectConsistentPg } from "./support/checks";
import { makePgDesk, type PgDesk } from "./support/desk";
import { noPostgres, pgTitle } from "./support/pg";
import { problemLines, startServer, type Server } from "./support/server";
import { call, streamMixedWrites } from "./support/writers";

/**
 * Two app servers on one PostgreSQL database (issue 12, item 7). A verdict
 * checks the claim's version under a row lock (SELECT … FOR UPDATE) held to
 * its commit, so of many writers holding the same version, across servers,
 * exactly one wins and the others are told 409 with the version they missed.
 * Then both servers take a mixed stream of writes of every kind: no 500, and
 * the database holds every acknowledged write.
 */
const PORTS = [3361, 3362];
const RACERS = 50;
const SECONDS = 6;

let desk: PgDesk;
const servers: Server[] = [];

beforeAll(async () => {
  if (noPostgres) return;
  desk = await makePgDesk();
  servers.push(...(await Promise.all(PORTS.map((port) => startServer(port, desk.url)))));
}, 120_000);

afterAll(async () => {
  for (const server of servers) await server.kill9();
  await desk?.remove();
}, 60_000);

async function claimState(claimId: number) {
  const client = new Client({ connectionString: desk.url });
  await client.connect();
  try {
    const { rows } = await client.query<{ version: number; verdicts: number }>(
      "select version, (select count(*) from verdicts v where v.claim_id = c.id)::int as verdicts from claims c where id = $1",
      [claimId],
    );
    return rows[0]!;
  } finally {
    await client.end();
  }
}

describe.skipIf(noPostgres)(pgTitle("two app servers on one PostgreSQL database"), () => {
  it(`${RACERS} verdicts on one claim with the same base version, split over both servers: exactly one lands, ${RACERS - 1} get 409`, async () => {
    const claimId = desk.claims[0]!.id;
    const before = await claimState(claimId);
    const started = performance.now();
    const answers = await Promise.all(
      Array.from({ length: RACERS }, (_, i) =>
        call(servers[i % 2]!.url, desk.token, "POST", `/api/v1/claims/${claimId}/verdicts`, {
          status: "corroborated",
          rationale: `race ${i}`,
          baseVersion: before.version,
        }).then((answer) => ({ ...answer, port: servers[i % 2]!.port })),
      ),
    );
    const ms = Math.round(performance.now() - started);
    const statuses = answers.map((a) => a.status);
    const won = answers.filter((a) => a.status === 201);
    const refused = answers.filter((a) => a.status === 409);
    expect(won.length, `statuses ${JSON.stringify(statuses)}`).toBe(1);
    expect(refused.length, `statuses ${JSON.stringify(statuses)}`).toBe(RACERS - 1);
    for (const port of PORTS) expect(refused.filter((a) => a.port === port).length, `409s from ${port}`).toBeGreaterThan(0);
    // every loser is told the version it missed: the winner's
    const told = new Set(refused.map((a) => (a.body.error as { current?: { version?: number } }).current?.version));
    expect([...told]).toEqual([before.version + 1]);

    const after = await claimState(claimId);
    expect(after.verdicts, "verdicts on the claim").toBe(before.verdicts + 1);
    expect(after.version, "the claim's version").toBe(before.version + 1);
    expect(won[0]!.body.version).toBe(before.version + 1);
    const winner = { kind: "verdict" as const, id: (won[0]!.body.verdict as { id: number }).id, claimId, at: 0, port: won[0]!.port };
    await expectConsistentPg(desk.url, [winner], "after the race:");
    for (const server of servers) expect(problemLines(server.output()), `server ${server.port} log`).toEqual([]);
    console.log(`[pg-two-servers] race: ${RACERS} verdicts on claim ${claimId} at version ${before.version}: 1 × 201 (via ${won[0]!.port}), ${refused.length} × 409, in ${ms} ms`);
  });

  it("serve concurrent writes of every kind with no 500, and every acknowledged write is in the database", async () => {
    const tally = await streamMixedWrites({ servers, token: desk.token, claims: desk.claims, seconds: SECONDS });

    expect(tally.bad).toEqual([]);
    expect(tally.cutOff).toBe(0);
    for (const server of servers) {
      expect(problemLines(server.output()), `server ${server.port} log`).toEqual([]);
      for (const kind of ["verdict", "speaker", "claim", "alias"] as const) {
        expect(tally.acks.filter((a) => a.port === server.port && a.kind === kind).length, `${kind} writes through ${server.port}`).toBeGreaterThan(0);
      }
    }
    expect(tally.statuses[409] ?? 0, "conflicting verdicts refused").toBeGreaterThan(0);
    await expectConsistentPg(desk.url, tally.acks, "two servers:");

    const count = (kind: string) => tally.acks.filter((a) => a.kind === kind).length;
    console.log(
      `[pg-two-servers] ${SECONDS} s, 2 servers × 3 clients: ${count("verdict")} verdicts, ${count("claim")} claims, ` +
        `${count("speaker")} speakers, ${count("alias")} aliases acknowledged; statuses ${JSON.stringify(tally.statuses)}`,
    );
  });
});
