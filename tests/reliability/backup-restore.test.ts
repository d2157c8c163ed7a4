import { createHash } from "node:crypto";
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectConsistent, verdictIds, versionMismatches } from "./support/checks";
import { makeDesk, openForCheck, removeDatabase, tempFile, type Desk } from "./support/desk";
import { runScript } from "./support/scripts";
import { sleep, startServer, type Server } from "./support/server";
import { newTally, streamVerdictsShared, type Stop } from "./support/writers";

/**
 * `npm run db:backup` copies the database while the server keeps writing;
 * `npm run db:restore` refuses while the server runs, refuses a bad file,
 * and after a stop puts the copy back, keeping the replaced database aside.
 */
const PORT = 3321;
const CLIENTS = 3;

let desk: Desk;
let server: Server | null = null;
const made: string[] = [];

const sha256 = (file: string) => createHash("sha256").update(fs.readFileSync(file)).digest("hex");

beforeAll(async () => {
  desk = await makeDesk("backup");
  // some bulk (about 16 MB of source text), so that the copy takes a while and writes land during it
  const db = openForCheck(desk.file);
  db.exec(`
    with recursive n(i) as (select 1 union all select i + 1 from n where i < 2000)
    insert into sources (title, outlet, published_at, body, created_by)
    select 'Filler ' || i, 'Filler Outlet', '2024-01-01T00:00:00Z', hex(randomblob(4000)), (select min(id) from users) from n`);
  db.close();
});

afterAll(async () => {
  await server?.kill9();
  for (const file of made) removeDatabase(file);
  desk?.remove();
});

const mode = (file: string) => fs.statSync(file).mode & 0o777;

describe("db:backup and db:restore", () => {
  it("backs up online while verdicts stream, and restores only after the server stopped", async () => {
    const backup = tempFile("copy");
    made.push(backup);
    server = await startServer(PORT, desk.file);
    const tally = newTally();
    const stop: Stop = { stopped: false };
    const versions = new Map(desk.claims.map((c) => [c.id, c.version]));
    const clients = streamVerdictsShared(CLIENTS, {
      base: server!.url,
      token: desk.token,
      port: PORT,
      claims: desk.claims.map((c) => c.id),
      versions,
      tally,
      stop,
    });
    while (tally.acks.length < 10 && tally.bad.length === 0) await sleep(10);

    // every write acknowledged before the backup starts must be in it
    const ackedBefore = [...tally.acks];
    const run = await runScript("db:backup", [backup], desk.file);
    const duringBackup = tally.acks.filter((a) => a.at > run.startedAt && a.at < run.endedAt).length;
    await sleep(300);
    stop.stopped = true;
    await Promise.all(clients);

    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/integrity_check ok/);
    expect(tally.bad).toEqual([]);
    expect(duringBackup, "writes acknowledged while the backup ran").toBeGreaterThan(0);
    expect(fs.existsSync(`${backup}-wal`), "the backup is one self-contained file").toBe(false);
    expect(mode(backup), "the backup holds the whole desk: readable by its owner only").toBe(0o600);
    expectConsistent(backup, ackedBefore, "backup:");
    const inBackup = verdictIds(backup);
    const allAcked = tally.acks.map((a) => a.id);
    expect(allAcked.filter((id) => !inBackup.has(id)).length, "writes after the backup (not in it)").toBeGreaterThan(0);

    // the server still runs: restoring under it is refused and changes nothing
    const live = verdictIds(desk.file);
    const refused = await runScript("db:restore", [backup], desk.file);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/is open in another process: is the server .* still running\?.*Nothing was changed/s);
    expect(verdictIds(desk.file)).toEqual(live);
    await server.stop();
    server = null;

    // a missing path, a folder, a file that is not a database: refused, the database untouched
    const untouched = sha256(desk.file);
    const garbage = tempFile("garbage");
    made.push(garbage);
    fs.writeFileSync(garbage, Buffer.alloc(64 * 1024, "not a database "));
    for (const [arg, message] of [
      [`${backup}.missing`, /There is no file at/],
      [garbage, /it is not a SQLite database\. Nothing was changed/],
    ] as const) {
      const bad = await runScript("db:restore", [arg], desk.file);
      expect(bad.code, arg).toBe(1);
      expect(bad.stderr).toMatch(message);
      expect(sha256(desk.file)).toBe(untouched);
    }
    const usage = await runScript("db:restore", [], desk.file);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/Usage: npm run db:restore -- <backup file>/);

    // stopped: the restore goes through, and the replaced database is kept aside, whole
    const restored = await runScript("db:restore", [backup], desk.file);
    expect(restored.code, restored.stderr).toBe(0);
    const aside = /kept at (.+)\.$/m.exec(restored.stdout)?.[1];
    expect(aside, restored.stdout).toBeTruthy();
    made.push(aside!);
    expect(mode(aside!), "the replaced database, kept aside").toBe(0o600);
    expect(mode(desk.file), "the restored database").toBe(0o600);
    expect(verdictIds(desk.file)).toEqual(inBackup);
    for (const suffix of ["-wal", "-shm", "-journal"]) expect(fs.existsSync(`${desk.file}${suffix}`), suffix).toBe(false);
    expectConsistent(aside!, tally.acks, "kept aside:");

    // a server started on the restored file sees the backup's data and writes on top of it
    server = await startServer(PORT, desk.file);
    expect(server.output()).toMatch(/integrity_check ok/);
    const claim = desk.claims[0]!;
    const db = openForCheck(backup);
    const version = (db.prepare("select version from claims where id = ?").get(claim.id) as { version: number }).version;
    expect(versionMismatches(db)).toEqual([]);
    db.close();
    const headers = { authorization: `Bearer ${desk.token}`, "content-type": "application/json" };
    const read = await fetch(`${server.url}/api/v1/claims/${claim.id}`, { headers });
    expect(((await read.json()) as { version: number }).version).toBe(version);
    const write = await fetch(`${server.url}/api/v1/claims/${claim.id}/verdicts`, {
      method: "POST",
      headers,
      body: JSON.stringify({ status: "pending", rationale: "after the restore", baseVersion: version }),
    });
    expect(write.status).toBe(201);
    await server.stop();
    server = null;
    expectConsistent(desk.file, ackedBefore, "restored:");
    console.log(`[backup] ${run.stdout.trim()} ${duringBackup} verdicts acknowledged while it ran. [restore] ${restored.stdout.trim()}`);
  });
});
