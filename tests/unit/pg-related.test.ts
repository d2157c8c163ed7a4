/**
 * "Possibly the same claim" on PostgreSQL gives what it gives on SQLite
 * (issue 12, item 4): the seeded desk copied into a throwaway cluster with
 * db:copy, every claim's related claims asked of both engines. The same
 * claims, in the same order, for the same reasons; the scores differ only by
 * how BM25 and ts_rank weigh the shared words (the wording score is scaled
 * by the retrieval score relative to the batch's best, 0.85–1.15). The two
 * pairs the desk tests name are found on PostgreSQL too. Skipped where
 * PostgreSQL is not installed.
 */
import type { Pool } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { onPostgres } from "@/db/engine";
import { getDb } from "@/db/client";
import { relatedClaims, relatedClaimsPg } from "@/lib/claims/related";
import { seedDesk } from "@/seed/seed-desk";
import { locatePgBin } from "@/scripts/support/pg-cluster";
import { pgCopyOfDesk } from "./support/pg-desk";

const found = locatePgBin();

// compares this file's SQLite desk with its PostgreSQL copy: on PostgreSQL there is no SQLite desk to copy
describe.skipIf(!found.ok || onPostgres())("related claims on PostgreSQL and on SQLite", () => {
  let pg: Awaited<ReturnType<typeof pgCopyOfDesk>> | undefined;
  let pool: Pool;
  const claimId = (quote: string) => (getDb().$client.prepare("select id from claims where quote like ?").get(`%${quote}%`) as { id: number }).id;

  beforeAll(async () => {
    await seedDesk();
    pg = await pgCopyOfDesk();
    pool = pg.pool;
  }, 120_000);

  afterAll(async () => {
    await pg?.close();
  }, 60_000);

  it("finds the same claims, in the same order, for the same reasons, for every seeded claim", async () => {
    const ids = (getDb().$client.prepare("select id from claims where deleted_at is null order by id").all() as Array<{ id: number }>).map((r) => r.id);
    let pairs = 0;
    for (const id of ids) {
      const lite = (await relatedClaims(id, 10))!;
      const pg = (await relatedClaimsPg(pool, id, 10))!;
      expect(pg.map((r) => r.claim), `claim ${id}`).toEqual(lite.map((r) => r.claim));
      expect(pg.map((r) => r.reasons.map((reason) => reason.kind)), `claim ${id}`).toEqual(lite.map((r) => r.reasons.map((reason) => reason.kind)));
      pg.forEach((r, i) => expect(Math.abs(r.score - lite[i]!.score), `claim ${id} → ${r.claim.id}`).toBeLessThanOrEqual(0.06));
      pairs += lite.length;
    }
    expect(pairs).toBeGreaterThan(0);
    expect(await relatedClaimsPg(pool, 999_999)).toBeNull();
  }, 60_000);

  it("pairs the Wednesday schedule with the October 30 arrival, and the January prediction with the June visit", async () => {
    const wednesday = claimId("scheduled to arrive in Moscow on Wednesday");
    const arrived = claimId("Choi arrived in Moscow on October 30");
    expect((await relatedClaimsPg(pool, wednesday))!.map((r) => r.claim.id)).toContain(arrived);
    expect((await relatedClaimsPg(pool, arrived))!.map((r) => r.claim.id)).toContain(wednesday);
    const willing = claimId("visit to North Korea will take place after the presidential election in March");
    const treaty = claimId("The treaty was signed by Russian President Vladimir Putin and Kim in June");
    expect((await relatedClaims(willing))!.map((r) => r.claim.id)).toContain(treaty);
    expect((await relatedClaimsPg(pool, willing))!.map((r) => r.claim.id)).toContain(treaty);
  }, 60_000);
});
