import { describe, expect, it } from "vitest";
import { transaction } from "@/db/client";
import { verdicts, type ClaimStatus } from "@/db/schema";
import { bucketMonths, getSpeakerRecord, listSpeakerClaims, listSpeakerVerdictMonths, nextMonth, sharesOf } from "@/db/queries/speaker-record";
import { deleteClaim } from "@/lib/claims";
import { recordVerdict } from "@/lib/verdicts";
import { SYSTEM, expectOk, makeClaim, makeSource, makeSpeaker, makeUser } from "./support/factories";

const thisMonth = () => new Date().toISOString().slice(0, 7);

/** Rules on a claim through the verdict door, at the claim's current version. */
async function rule(claim: { id: number; version: number }, status: ClaimStatus) {
  const { claim: updated } = expectOk(await recordVerdict(SYSTEM, { claimId: claim.id, status, rationale: `Checked: ${status}.`, baseVersion: claim.version }));
  return updated;
}

/**
 * A speaker with three statements (corroborated after a pending verdict,
 * contradicted, pending), four predictions (came true, came false, open past
 * its date, open), a deleted claim with a verdict, and a claim of another
 * speaker with a verdict: neither of the last two may count.
 */
async function speakerWithRecord() {
  const speaker = await makeSpeaker();
  const other = await makeSpeaker();
  const source = await makeSource();
  const claim = (quote: string, extra: { type?: "prediction"; resolvesOn?: string } = {}) => makeClaim({ source, speakerId: speaker.id, quote, ...extra });

  const corroborated = await rule(await rule(await claim("the harvest grew by 12% last year"), "pending"), "corroborated");
  const contradicted = await rule(await claim("Critics disputed the figures"), "contradicted");
  const pending = await claim("the harvest grew by far less");
  const cameTrue = await rule(await claim("Officials expect exports to double by 2026", { type: "prediction", resolvesOn: "2020-01-01" }), "corroborated");
  const cameFalse = await rule(await claim("exports to double", { type: "prediction", resolvesOn: "2020-06-30" }), "contradicted");
  const overdue = await claim("expect exports", { type: "prediction", resolvesOn: "2024-12-31" });
  const open = await claim("double by 2026", { type: "prediction", resolvesOn: "2099-01-01" });

  const gone = await rule(await claim("The minister said"), "contradicted");
  expectOk(await deleteClaim(SYSTEM, { claimId: gone.id }));
  await rule(await makeClaim({ source, speakerId: other.id, quote: "grew by 12%" }), "corroborated");

  return { speaker, other, claims: { corroborated, contradicted, pending, cameTrue, cameFalse, overdue, open } };
}

describe("getSpeakerRecord", () => {
  it("counts live claims by status with whole-percent shares, and predictions by outcome", async () => {
    const { speaker } = await speakerWithRecord();
    const record = await getSpeakerRecord({ speakerId: speaker.id, today: "2025-01-01" });
    expect(record.total).toBe(7);
    expect(record.counts).toEqual({ corroborated: 2, contradicted: 2, pending: 3 });
    // 2/7 = 28.6%, 3/7 = 42.9%
    expect(record.shares).toEqual({ corroborated: 29, contradicted: 29, pending: 43 });
    expect(record.predictions).toEqual({ total: 4, cameTrue: 1, cameFalse: 1, open: 2, overdue: 1 });
  });

  it("counts a pending prediction as overdue only once its resolves-on day has passed", async () => {
    const { speaker } = await speakerWithRecord();
    // the day itself is not past it
    expect((await getSpeakerRecord({ speakerId: speaker.id, today: "2024-12-31" })).predictions.overdue).toBe(0);
    expect((await getSpeakerRecord({ speakerId: speaker.id, today: "2025-01-01" })).predictions.overdue).toBe(1);
    expect((await getSpeakerRecord({ speakerId: speaker.id, today: "2100-01-01" })).predictions.overdue).toBe(2);
  });

  it("answers zeros, not NaN, for a speaker without claims", async () => {
    const speaker = await makeSpeaker();
    expect(await getSpeakerRecord({ speakerId: speaker.id })).toEqual({
      total: 0,
      counts: { corroborated: 0, contradicted: 0, pending: 0 },
      shares: { corroborated: 0, contradicted: 0, pending: 0 },
      predictions: { total: 0, cameTrue: 0, cameFalse: 0, open: 0, overdue: 0 },
    });
    expect(sharesOf({ corroborated: 1, contradicted: 1, pending: 1 }, 3)).toEqual({ corroborated: 33, contradicted: 33, pending: 33 });
  });

  it("lists the speaker's live claims newest first, with their source", async () => {
    const { speaker, claims } = await speakerWithRecord();
    const { items, more } = await listSpeakerClaims({ speakerId: speaker.id });
    expect(more).toBe(false);
    expect(items.map((c) => c.id)).toEqual(
      [claims.corroborated, claims.contradicted, claims.pending, claims.cameTrue, claims.cameFalse, claims.overdue, claims.open].map((c) => c.id).reverse(),
    );
    expect(items.find((c) => c.id === claims.overdue.id)).toMatchObject({ type: "prediction", status: "pending", resolvesOn: "2024-12-31", outlet: "Test Outlet" });
  });
});

describe("listSpeakerVerdictMonths", () => {
  it("buckets every verdict on the speaker's live claims by month and status", async () => {
    const { speaker } = await speakerWithRecord();
    const { months, earlier, total } = await listSpeakerVerdictMonths({ speakerId: speaker.id });
    // pending then corroborated, contradicted, corroborated, contradicted; the deleted claim's and the other speaker's verdicts left out
    expect(months).toEqual([{ month: thisMonth(), corroborated: 2, contradicted: 2, pending: 1, total: 5 }]);
    expect(earlier).toBeNull();
    expect(total).toBe(5);
  });

  it("groups stored times by their month and fills the months between with zeros", async () => {
    const { speaker, claims } = await speakerWithRecord();
    const reviewer = await makeUser({ role: "reviewer" });
    // the door stamps a verdict with the time of the write; older months are written as an import of old rulings would
    await transaction((tx) =>
      tx.insert(verdicts).values([
        { claimId: claims.pending.id, reviewerId: reviewer.id, status: "pending", rationale: "", createdAt: "2023-10-31T23:59:59.999Z" },
        { claimId: claims.pending.id, reviewerId: reviewer.id, status: "pending", rationale: "", createdAt: "2023-12-01T00:00:00.000Z" },
        { claimId: claims.overdue.id, reviewerId: reviewer.id, status: "pending", rationale: "", createdAt: "2023-12-15T08:00:00.000Z" },
      ]),
    );
    const { months, total } = await listSpeakerVerdictMonths({ speakerId: speaker.id, maxMonths: 1000 });
    expect(months.slice(0, 3)).toEqual([
      { month: "2023-10", corroborated: 0, contradicted: 0, pending: 1, total: 1 },
      { month: "2023-11", corroborated: 0, contradicted: 0, pending: 0, total: 0 },
      { month: "2023-12", corroborated: 0, contradicted: 0, pending: 2, total: 2 },
    ]);
    expect(months.at(-1)).toEqual({ month: thisMonth(), corroborated: 2, contradicted: 2, pending: 1, total: 5 });
    // consecutive months, none missing
    for (let i = 1; i < months.length; i++) expect(months[i]!.month).toBe(nextMonth(months[i - 1]!.month));
    expect(total).toBe(8);

    // keeping the last two months sums everything before them
    const recent = await listSpeakerVerdictMonths({ speakerId: speaker.id, maxMonths: 2 });
    expect(recent.months).toHaveLength(2);
    expect(recent.months.at(-1)!.month).toBe(thisMonth());
    expect(recent.earlier).toMatchObject({ month: "2023-10", pending: 3, total: 3 });
    expect(recent.total).toBe(8);
  });

  it("answers no months for a speaker without verdicts", async () => {
    const speaker = await makeSpeaker();
    await makeClaim({ speakerId: speaker.id });
    expect(await listSpeakerVerdictMonths({ speakerId: speaker.id })).toEqual({ months: [], earlier: null, total: 0 });
  });
});

describe("bucketMonths", () => {
  it("crosses year ends, adds up rows of one month and status, and keeps the most recent months", () => {
    const rows = [
      { month: "2024-11", status: "corroborated" as const, count: 2 },
      { month: "2024-11", status: "contradicted" as const, count: 1 },
      { month: "2025-02", status: "pending" as const, count: 4 },
    ];
    const all = bucketMonths(rows);
    expect(all.months.map((m) => m.month)).toEqual(["2024-11", "2024-12", "2025-01", "2025-02"]);
    expect(all.months[0]).toEqual({ month: "2024-11", corroborated: 2, contradicted: 1, pending: 0, total: 3 });
    expect(all.total).toBe(7);
    const last = bucketMonths(rows, 3);
    expect(last.months.map((m) => m.month)).toEqual(["2024-12", "2025-01", "2025-02"]);
    expect(last.earlier).toEqual({ month: "2024-11", corroborated: 2, contradicted: 1, pending: 0, total: 3 });
    expect(nextMonth("2024-12")).toBe("2025-01");
  });
});
