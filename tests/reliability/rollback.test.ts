import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { eq } from "drizzle-orm";
import { closeDb, getDb, transaction } from "@/db/client";
import { speakers, users } from "@/db/schema";
import { domainWrite } from "@/lib/domain-write";
import { recordVerdict } from "@/lib/verdicts";
import { makeDesk, openForCheck, type Desk } from "./support/desk";

/**
 * A domain write is all or nothing: an error thrown after its first write,
 * or the process dying before COMMIT, leaves no row behind, audit row
 * included. tests/unit/verdicts.test.ts covers a DomainFailure (a missing
 * evidence target) inside recordVerdict; here the failures are the other
 * kinds, on a real database file: a SQLite error on the last of four writes,
 * a plain exception after the writes, and a SIGKILL inside the transaction.
 */
const TABLES = ["users", "sources", "speakers", "speaker_aliases", "claims", "verdicts", "evidence", "audit_log", "api_tokens"];

let desk: Desk;
let reviewerId: number;

const snapshot = () => {
  const db = openForCheck(desk.file);
  try {
    return {
      tables: TABLES.map((t) => [t, db.prepare(`select count(*) as n, coalesce(max(rowid), 0) as max from ${t}`).get()]),
      claims: db.prepare("select id, status, version, updated_at from claims order by id").all(),
    };
  } finally {
    db.close();
  }
};

beforeAll(async () => {
  desk = await makeDesk("rollback");
  const [reviewer] = await getDb().select({ id: users.id }).from(users).where(eq(users.email, "reviewer@example.org"));
  reviewerId = reviewer!.id;
});

afterAll(async () => {
  await closeDb();
  desk?.remove();
});

const verdictInput = (claimId: number, baseVersion: number) => ({
  claimId,
  status: "corroborated",
  rationale: "Checked against the ministry's release.",
  baseVersion,
  evidence: [{ target: { kind: "url", url: "https://example.org/release" }, stance: "supports" }],
});

describe("a domain transaction that fails after its first write", () => {
  it("recordVerdict whose last write (the audit row) fails with a SQLite error persists nothing", async () => {
    const claim = desk.claims[0]!;
    // a temporary trigger lives in one connection: the one writes go through
    const sqlite = await transaction((tx) => tx.$client);
    sqlite.exec(`CREATE TEMP TRIGGER fail_verdict_audit BEFORE INSERT ON main.audit_log WHEN NEW.action LIKE 'verdict.record%'
      BEGIN SELECT RAISE(ABORT, 'injected: the audit row fails after the verdict, evidence and claim writes'); END`);
    const before = snapshot();
    try {
      await expect(recordVerdict({ type: "user", userId: reviewerId }, verdictInput(claim.id, claim.version))).rejects.toThrow(/injected/);
    } finally {
      sqlite.exec("DROP TRIGGER temp.fail_verdict_audit");
    }
    expect(snapshot()).toEqual(before);

    // the same write without the injected failure does write: what was rolled back was real
    const done = await recordVerdict({ type: "user", userId: reviewerId }, verdictInput(claim.id, claim.version));
    expect(done.ok).toBe(true);
    expect(snapshot()).not.toEqual(before);
  });

  it("an exception thrown by domainWrite's run after an insert and the audit call persists neither", async () => {
    const name = `Rolled Back Speaker ${Date.now()}`;
    const before = snapshot();
    await expect(
      domainWrite({
        actor: { type: "user", userId: reviewerId },
        role: "reviewer",
        schema: z.object({ name: z.string() }),
        input: { name },
        run: async ({ tx, input, audit }) => {
          const [row] = await tx.insert(speakers).values({ name: input.name, nameKey: input.name.toLowerCase(), kind: "person" }).returning();
          await audit({ action: "speaker.create", entity: "speaker", entityId: row!.id, after: row });
          throw new Error("crash after the writes");
        },
      }),
    ).rejects.toThrow("crash after the writes");
    expect(snapshot()).toEqual(before);
    const db = openForCheck(desk.file);
    expect(db.prepare("select count(*) as n from speakers where name = ?").get(name)).toEqual({ n: 0 });
    expect(db.prepare("select count(*) as n from audit_log where after like ?").get(`%${name}%`)).toEqual({ n: 0 });
    db.close();
  });

  it("a process killed inside the transaction, after every write and before COMMIT, leaves nothing behind", () => {
    const claim = desk.claims[1]!;
    const before = snapshot();
    // node itself with tsx as a loader (not the tsx wrapper, which outlives its child): the signal is the process's own
    const child = spawnSync(
      process.execPath,
      ["--conditions=react-server", "--import", "tsx", "tests/reliability/support/die-mid-write.ts", String(claim.id), String(reviewerId), String(claim.version)],
      { env: { ...process.env, DATABASE_URL: `file:${desk.file}` }, encoding: "utf8", timeout: 60_000 },
    );
    expect(child.signal, `${child.stdout}${child.stderr}`).toBe("SIGKILL");
    expect(snapshot()).toEqual(before);
    const db = openForCheck(desk.file);
    expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
    expect(db.prepare("select count(*) as n from verdicts where rationale = 'never committed'").get()).toEqual({ n: 0 });
    db.close();
  });
});
