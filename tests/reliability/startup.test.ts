import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeDesk, openForCheck, removeDatabase, tempFile, type Desk } from "./support/desk";
import { runScript } from "./support/scripts";
import { sleep, spawnServer, startServer } from "./support/server";

/**
 * The servers these tests start are plain `next start`: the start-up check
 * lives in instrumentation.ts, so it holds however the server is started.
 */
const PORT = 3331;

let desk: Desk;

beforeAll(async () => {
  desk = await makeDesk("startup");
});

afterAll(() => desk?.remove());

describe("server start-up", () => {
  it("logs SQLite's version and the pragmas in force", async () => {
    const server = await startServer(PORT, desk.file);
    await server.stop();
    expect(server.output()).toMatch(
      /\[db\] SQLite 3\.\d+\.\d+, .*: journal_mode=wal synchronous=FULL foreign_keys=ON busy_timeout=5000; integrity_check ok/,
    );
  });

  it("holds the database from the start, so db:restore refuses even before the first request", async () => {
    const backup = tempFile("startup-copy");
    try {
      expect((await runScript("db:backup", [backup], desk.file)).code).toBe(0);
      const server = await startServer(PORT, desk.file);
      const refused = await runScript("db:restore", [backup], desk.file);
      await server.stop();
      expect(refused.code, refused.stdout).toBe(1);
      expect(refused.stderr).toMatch(/is open in another process/);
    } finally {
      removeDatabase(backup);
    }
  });

  it("refuses to start on a database that fails integrity_check, naming db:restore, and never answers", async () => {
    const db = openForCheck(desk.file);
    const { rootpage } = db.prepare("select rootpage from sqlite_master where name = 'claims'").get() as { rootpage: number };
    const pageSize = db.pragma("page_size", { simple: true }) as number;
    db.pragma("wal_checkpoint(TRUNCATE)");
    db.close();
    // overwrite the claims table's root page header: the file opens, the b-tree is broken
    const fd = fs.openSync(desk.file, "r+");
    fs.writeSync(fd, Buffer.alloc(16, 0xff), 0, 16, (rootpage - 1) * pageSize);
    fs.closeSync(fd);

    const { exited, output } = spawnServer(PORT, desk.file);
    let answered = false;
    let gone = false;
    void exited.then(() => (gone = true));
    const poll = (async () => {
      for (let i = 0; i < 1200 && !answered && !gone; i++) {
        try {
          await fetch(`http://127.0.0.1:${PORT}/login`, { redirect: "manual" });
          answered = true;
        } catch {
          await sleep(25);
        }
      }
    })();
    const exit = await Promise.race([exited, sleep(30_000).then(() => null)]);
    await poll;
    expect(exit, output()).not.toBeNull();
    expect(exit!.code).toBe(1);
    expect(answered, "the server answered a request").toBe(false);
    expect(output()).toMatch(/Refusing to start: the database .* fails PRAGMA integrity_check/);
    expect(output()).toContain("npm run db:restore -- <backup file>");
  });
});
