import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { databaseUrlProblem, openDatabase, databasePath } from "@/db/connection";
import { onPostgres } from "@/db/engine";
import { PRIVATE_DIR, PRIVATE_FILE, copyPrivate, publishWithoutReplacing, writePrivate } from "@/lib/private-files";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "claimdesk-private-"));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
const mode = (file: string) => fs.statSync(file).mode & 0o777;

describe("the desk's files are private", () => {
  // an SQLite file's modes: a PostgreSQL server keeps its own files
  it.skipIf(onPostgres())("a new database, its -wal and -shm, and a new folder for them: 600 and 700, whatever the umask", () => {
    const previous = process.umask(0o022);
    try {
      const file = path.join(root, "fresh", "nested", "desk.db");
      const db = openDatabase(file);
      db.$client.exec("create table t (x); insert into t values (1);");
      expect(mode(file)).toBe(PRIVATE_FILE);
      expect(mode(`${file}-wal`)).toBe(PRIVATE_FILE);
      expect(mode(`${file}-shm`)).toBe(PRIVATE_FILE);
      expect(mode(path.dirname(file))).toBe(PRIVATE_DIR);
      expect(mode(path.join(root, "fresh"))).toBe(PRIVATE_DIR);
      db.$client.close();
    } finally {
      process.umask(previous);
    }
  });

  it("secrets and copies are written 600 even from a world-readable source", () => {
    const secret = path.join(root, "data", "auth-secret");
    writePrivate(secret, "s3cret\n");
    expect(mode(secret)).toBe(PRIVATE_FILE);
    const open = path.join(root, "open.db");
    fs.writeFileSync(open, "x", { mode: 0o644 });
    fs.chmodSync(open, 0o644);
    const copy = path.join(root, "copies", "before-restore");
    copyPrivate(open, copy);
    expect(mode(copy)).toBe(PRIVATE_FILE);
    expect(mode(path.dirname(copy))).toBe(PRIVATE_DIR);
    // a copy never replaces a file
    expect(() => copyPrivate(open, copy)).toThrow(/EEXIST/);
  });

  it("a finished backup is linked into place and never replaces a file that appeared meanwhile", () => {
    const partial = path.join(root, "backup.db.partial");
    const final = path.join(root, "backup.db");
    fs.writeFileSync(partial, "new backup");
    fs.writeFileSync(final, "someone else's file");
    expect(() => publishWithoutReplacing(partial, final)).toThrow(/EEXIST/);
    expect(fs.readFileSync(final, "utf8")).toBe("someone else's file");
    fs.rmSync(final);
    publishWithoutReplacing(partial, final);
    expect(fs.readFileSync(final, "utf8")).toBe("new backup");
    expect(fs.existsSync(partial)).toBe(false);
  });
});

describe("DATABASE_URL", () => {
  it("takes file: URLs and plain paths", () => {
    expect(databaseUrlProblem("file:./data/claimdesk.db")).toBeNull();
    expect(databaseUrlProblem("/var/lib/claimdesk/desk.db")).toBeNull();
    expect(databasePath("file:relative/x.db")).toBe(path.resolve("relative/x.db"));
  });

  it("refuses any other scheme with a clear message that never repeats the password", () => {
    for (const url of ["mysql://u:hunter2@h/d", "http://x/y"]) {
      const problem = databaseUrlProblem(url);
      expect(problem).toMatch(/does not run on/);
      expect(problem).not.toContain("hunter2");
      expect(() => databasePath(url)).toThrow(/DATABASE_URL uses the scheme/);
    }
    expect(databaseUrlProblem("file:")).toMatch(/names no file/);
  });

  it("takes a PostgreSQL URL, which names no file, and refuses a PostgreSQL scheme that is not such a URL", () => {
    for (const url of ["postgres://user:hunter2@db.example/desk", "postgresql://u:hunter2@h/d"]) {
      expect(databaseUrlProblem(url)).toBeNull();
      expect(() => databasePath(url)).toThrow(/PostgreSQL database, which has no file/);
    }
    const problem = databaseUrlProblem("postgres:u:hunter2@h/d");
    expect(problem).toMatch(/is not a URL of the form postgres:\/\/user:password@host:port\/database/);
    expect(problem).not.toContain("hunter2");
  });

  const start = (url: string) =>
    spawnSync(process.execPath, ["--import", "tsx", "--conditions=react-server", path.resolve("scripts/start.ts")], {
      cwd: path.resolve("."),
      env: { ...process.env, DATABASE_URL: url, AUTH_SECRET: "x".repeat(40), PORT: "1" },
      encoding: "utf8",
      timeout: 60_000,
    });

  it("npm start refuses it before creating anything", () => {
    const run = start("mysql://user:hunter2@127.0.0.1:1/desk");
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/Refusing to start: DATABASE_URL uses the scheme "mysql:"/);
    expect(run.stderr + run.stdout).not.toContain("hunter2");
    expect(fs.existsSync(path.resolve("mysql:"))).toBe(false);
  });

  it("npm start on a PostgreSQL server that does not answer stops, without the password and without a file", () => {
    const run = start("postgres://user:hunter2@127.0.0.1:1/desk");
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/ECONNREFUSED/);
    expect(run.stderr + run.stdout).not.toContain("hunter2");
    expect(fs.existsSync(path.resolve("postgres:"))).toBe(false);
  });
});
