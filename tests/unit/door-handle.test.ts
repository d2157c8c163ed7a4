/**
 * Every read and write inside a door goes through that door's transaction
 * handle, not the process-wide read handle: with a pool (or, on SQLite, the
 * separate write connection), a statement on the global handle would run
 * outside the transaction. What the transaction has written but not committed
 * is visible through the handle it was given, and not through getDb().
 */
import { eq, like } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { getDb, transaction } from "@/db/client";
import { onPostgres } from "@/db/engine";
import type { Handle } from "@/db/prepared";
import { auditLog, claims, speakers } from "@/db/schema";
import { writeAudit } from "@/lib/audit";
import { loadActor } from "@/lib/auth/actor";
import { liveClaim } from "@/lib/claims/live";
import { domainWrite } from "@/lib/domain-write";
import { DomainFailure } from "@/lib/result";
import { SYSTEM, makeClaim, makeUser, unique } from "./support/factories";

const auditRows = (handle: Handle, marker: string) => handle.select().from(auditLog).where(like(auditLog.action, `${marker}%`));

describe("statements run through the handle they are given", () => {
  it("liveClaim, writeAudit and loadActor read and write inside the given transaction", async () => {
    const claim = await makeClaim();
    const user = await makeUser({ role: "reviewer" });
    const marker = unique("handle-test");
    let seenInside = 0;
    let seenOutside = -1;
    const rollback = new Error("roll back");
    await expect(
      transaction(async (tx) => {
        await writeAudit(tx, { actor: { id: user.id, role: "reviewer", name: "t" }, action: marker, entity: "test", entityId: null });
        seenInside = (await auditRows(tx, marker)).length;
        // the read handle does not see it: it is not committed
        seenOutside = (await auditRows(getDb(), marker)).length;
        expect((await liveClaim(tx, claim.id)).id).toBe(claim.id);
        expect((await loadActor({ type: "user", userId: user.id }, "reviewer", tx)).ok).toBe(true);
        throw rollback;
      }),
    ).rejects.toThrow(rollback);
    expect(seenInside).toBe(1);
    expect(seenOutside).toBe(0);
    expect(await auditRows(getDb(), marker)).toHaveLength(0);
  });

  it("liveClaim on a transaction that deleted the claim refuses it, while the read handle still has it", async () => {
    const claim = await makeClaim();
    const rollback = new Error("roll back");
    await expect(
      transaction(async (tx) => {
        await tx.update(claims).set({ deletedAt: "2026-01-01T00:00:00Z" }).where(eq(claims.id, claim.id));
        await expect(liveClaim(tx, claim.id)).rejects.toThrow(DomainFailure);
        // read as a cited claim, without the write's lock: on PostgreSQL that lock would wait for this very transaction
        expect((await liveClaim(getDb(), claim.id, undefined, "cite")).id).toBe(claim.id);
        throw rollback;
      }),
    ).rejects.toThrow(rollback);
    expect((await liveClaim(getDb(), claim.id)).id).toBe(claim.id);
  });
});

/**
 * A door awaits between its statements. Two doors started together must still
 * be two transactions: neither's statements may land in the other's
 * transaction (on SQLite both share the write connection), and a read beside
 * an open write sees none of it. On SQLite they run one after the other. On
 * PostgreSQL they run at once, each on a connection of its own, and each sees
 * the other's rows whole (committed before it looked) or not at all, never half.
 */
describe("two doors started at once", () => {
  type Seen = { ownInside: number; otherInside: number; ownOutside: number; speakerOutside: number };
  const oneAfterTheOther = !onPostgres();
  /** The other door's rows a door saw: exactly `serially` on SQLite; on PostgreSQL none or all of the other's committed rows. */
  const otherRows = (serially: number, committed: number) => (oneAfterTheOther ? serially : expect.toBeOneOf([0, committed]));

  function door(marker: string, name: string, events: string[], seen: Map<string, Seen>, failAtEnd: boolean) {
    return domainWrite({
      actor: SYSTEM,
      role: "admin",
      schema: z.object({}),
      input: {},
      run: async ({ tx, audit }) => {
        events.push(`${name} begins`);
        const speakerName = `${marker}-${name}`;
        const [speaker] = await tx.insert(speakers).values({ name: speakerName, nameKey: speakerName.toLowerCase(), kind: "person" }).returning({ id: speakers.id });
        if (!speaker) throw new Error("no speaker row");
        await audit({ action: `${marker}-${name}`, entity: "speaker", entityId: speaker.id });
        // the other door gets every chance to run here
        await new Promise((resolve) => setTimeout(resolve, 25));
        const mine = await auditRows(tx, `${marker}-${name}`);
        const all = await auditRows(tx, marker);
        seen.set(name, {
          ownInside: mine.length,
          otherInside: all.length - mine.length,
          ownOutside: (await auditRows(getDb(), `${marker}-${name}`)).length,
          speakerOutside: (await getDb().select().from(speakers).where(eq(speakers.id, speaker.id))).length,
        });
        await audit({ action: `${marker}-${name}`, entity: "speaker", entityId: speaker.id });
        events.push(`${name} ends`);
        if (failAtEnd) throw new DomainFailure({ code: "conflict", message: "rolled back on purpose" });
        return speaker.id;
      },
    });
  }

  it("run one after the other, each with its own rows, unseen by reads until committed", async () => {
    const marker = unique("together");
    const events: string[] = [];
    const seen = new Map<string, Seen>();
    const [a, b] = await Promise.all([door(marker, "a", events, seen, false), door(marker, "b", events, seen, false)]);
    expect(a.ok && b.ok).toBe(true);
    if (oneAfterTheOther) expect(events).toEqual(["a begins", "a ends", "b begins", "b ends"]);
    expect(seen.get("a")).toEqual({ ownInside: 1, otherInside: otherRows(0, 2), ownOutside: 0, speakerOutside: 0 });
    // on SQLite b starts after a committed: it sees a's two rows, and its own one
    expect(seen.get("b")).toEqual({ ownInside: 1, otherInside: otherRows(2, 2), ownOutside: 0, speakerOutside: 0 });
    for (const [name, result] of [["a", a], ["b", b]] as const) {
      const speakerId = result.ok ? result.value : -1;
      const rows = await auditRows(getDb(), `${marker}-${name}`);
      expect(rows.map((r) => r.entityId), name).toEqual([speakerId, speakerId]);
      expect(await getDb().select().from(speakers).where(eq(speakers.name, `${marker}-${name}`)), name).toHaveLength(1);
    }
  });

  it("keep the second door's rows when the first rolls back, and the first door's rows out of it", async () => {
    const marker = unique("rollback");
    const events: string[] = [];
    const seen = new Map<string, Seen>();
    const [a, b] = await Promise.all([door(marker, "a", events, seen, true), door(marker, "b", events, seen, false)]);
    expect(a.ok ? "ok" : a.error.code).toBe("conflict");
    expect(b.ok).toBe(true);
    if (oneAfterTheOther) expect(events).toEqual(["a begins", "a ends", "b begins", "b ends"]);
    expect(seen.get("a")).toEqual({ ownInside: 1, otherInside: otherRows(0, 2), ownOutside: 0, speakerOutside: 0 });
    // a rolled back (on SQLite before b began): b never sees a's rows
    expect(seen.get("b")).toEqual({ ownInside: 1, otherInside: 0, ownOutside: 0, speakerOutside: 0 });
    expect(await auditRows(getDb(), `${marker}-a`)).toHaveLength(0);
    expect(await getDb().select().from(speakers).where(eq(speakers.name, `${marker}-a`))).toHaveLength(0);
    expect(await auditRows(getDb(), `${marker}-b`)).toHaveLength(2);
    expect(await getDb().select().from(speakers).where(eq(speakers.name, `${marker}-b`))).toHaveLength(1);
  });
});

describe("a transaction inside a transaction", () => {
  it("is refused at once with a message, not left waiting for itself, and the outer write rolls back", async () => {
    const name = unique("Nested");
    const attempt = transaction(async (tx) => {
      await tx.insert(speakers).values({ name, nameKey: name.toLowerCase(), kind: "person" });
      await transaction(async () => undefined);
    });
    await expect(attempt).rejects.toThrow(/inside a transaction: pass its `tx` on instead/);
    expect(await getDb().select().from(speakers).where(eq(speakers.name, name))).toEqual([]);
    // and the queue is free again
    expect(await transaction(async () => "next")).toBe("next");
  });
});
