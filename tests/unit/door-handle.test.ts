/**
 * Every read and write inside a door goes through that door's transaction
 * handle, not the process-wide connection: with a pool (or a second
 * connection), a statement on the global connection would run outside the
 * transaction. Shown with two connections to one SQLite file: what the
 * transaction on one has written but not committed is visible through the
 * handle it was given, and not through the other connection.
 */
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { openDatabase } from "@/db/connection";
import { auditLog } from "@/db/schema";
import { writeAudit } from "@/lib/audit";
import { liveClaim } from "@/lib/claims/live";
import { loadActor } from "@/lib/auth/actor";
import { domainWrite } from "@/lib/domain-write";
import { z } from "zod";
import { makeClaim, makeUser } from "./support/factories";

describe("statements run through the handle they are given", () => {
  it("liveClaim, writeAudit and loadActor read and write inside the given transaction", async () => {
    const claim = await makeClaim();
    const user = await makeUser({ role: "reviewer" });
    const file = getDb().$client.name;
    const other = openDatabase(file);
    try {
      const marker = `handle-test-${Date.now()}`;
      let seenInside = 0;
      let seenOutside = -1;
      const rollback = new Error("roll back");
      expect(() =>
        other.transaction((tx) => {
          writeAudit(tx, { actor: { id: user.id, role: "reviewer", name: "t" }, action: marker, entity: "test", entityId: null });
          seenInside = tx.select().from(auditLog).all().filter((r) => r.action === marker).length;
          // the global connection does not see it: it is not committed
          seenOutside = getDb().select().from(auditLog).all().filter((r) => r.action === marker).length;
          expect(liveClaim(tx, claim.id).id).toBe(claim.id);
          expect(loadActor({ type: "user", userId: user.id }, "reviewer", tx).ok).toBe(true);
          throw rollback;
        }),
      ).toThrow(rollback);
      expect(seenInside).toBe(1);
      expect(seenOutside).toBe(0);
      expect(getDb().select().from(auditLog).all().filter((r) => r.action === marker)).toHaveLength(0);
    } finally {
      other.$client.close();
    }
  });

  it("liveClaim on a transaction that deleted the claim refuses it, while the other connection still has it", async () => {
    const claim = await makeClaim();
    const other = openDatabase(getDb().$client.name);
    try {
      const rollback = new Error("roll back");
      expect(() =>
        other.transaction((tx) => {
          tx.run(sql`update claims set deleted_at = '2026-01-01T00:00:00Z' where id = ${claim.id}`);
          expect(() => liveClaim(tx, claim.id)).toThrow();
          expect(liveClaim(getDb(), claim.id).id).toBe(claim.id);
          throw rollback;
        }),
      ).toThrow(rollback);
    } finally {
      other.$client.close();
    }
  });
});

describe("a door on SQLite", () => {
  it("is async for its caller, but refuses work that awaits inside its transaction, and writes nothing then", async () => {
    const marker = `awaited-${Date.now()}`;
    const count = () => getDb().select().from(auditLog).all().filter((r) => r.action.startsWith(marker)).length;
    const written = domainWrite({
      actor: { type: "system", via: "test" },
      role: "admin",
      schema: z.object({}),
      input: {},
      run: ({ audit }) => {
        audit({ action: marker, entity: "test", entityId: null });
        return 1;
      },
    });
    expect(written).toBeInstanceOf(Promise);
    expect((await written).ok).toBe(true);
    expect(count()).toBe(1);

    await expect(
      domainWrite({
        actor: { type: "system", via: "test" },
        role: "admin",
        schema: z.object({}),
        input: {},
        run: async ({ audit }) => {
          audit({ action: marker, entity: "test", entityId: null });
          await Promise.resolve();
          return 2;
        },
      }),
    ).rejects.toThrow(/must not await inside its transaction/);
    expect(count()).toBe(1); // the audit row of the refused work was rolled back
  });
});
