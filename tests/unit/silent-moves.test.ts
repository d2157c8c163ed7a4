import { describe, expect, it } from "vitest";
import { and, asc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { auditLog, claims, evidence } from "@/db/schema";
import { anchorQuote } from "@/lib/anchoring/anchor";
import { addEvidence } from "@/lib/evidence";
import { mergeSpeakers } from "@/lib/speakers";
import { updateSource } from "@/lib/sources/update";
import { updateClaim } from "@/lib/claims";
import { DEFAULT_BODY, SYSTEM, expectOk, makeClaim, makeSource, makeSpeaker } from "./support/factories";

/**
 * Writes that move a claim (or a cited passage) as a side effect of another
 * write must say so: the claim's version goes up with an audit row of its
 * own, so a reviewer with the claim open meets a conflict instead of saving
 * over a claim that changed under them.
 */
const claimRow = async (id: number) =>
  (
    await getDb()
      .select({ start: claims.startOffset, end: claims.endOffset, prefix: claims.prefix, suffix: claims.suffix, version: claims.version, speakerId: claims.speakerId })
      .from(claims)
      .where(eq(claims.id, id))
  )[0]!;
const auditActions = async (entity: string, id: number) =>
  (await getDb().select({ action: auditLog.action }).from(auditLog).where(and(eq(auditLog.entity, entity), eq(auditLog.entityId, id))).orderBy(asc(auditLog.id))).map((a) =>
    a.action.replace(/ \(.*\)$/, ""),
  );

describe("a source edit that changes only a claim's context", () => {
  it("bumps the claim's version with an audit row, and an editor holding the old version meets a conflict", async () => {
    const source = await makeSource();
    const claim = await makeClaim({ source, quote: "the harvest grew by 12% last year" });
    // the words right before the quote change; the quote stays where it was
    const body = DEFAULT_BODY.replace("The minister said", "The minister told parliament");
    const shift = "The minister told parliament".length - "The minister said".length;
    const result = expectOk(await updateSource(SYSTEM, { sourceId: source.id, baseUpdatedAt: source.updatedAt, body }));
    const after = await claimRow(claim.id);
    expect(after.start).toBe(claim.startOffset + shift);
    expect(after.prefix).toContain("told parliament");
    expect(after.version).toBe(claim.version + 1);
    expect(result.claims.moved + result.claims.kept).toBe(1);
    expect(await auditActions("claim", claim.id)).toEqual(["claim.create", "claim.reanchor"]);

    const stale = await updateClaim(SYSTEM, { claimId: claim.id, baseVersion: claim.version, proposition: "Typed before the edit." });
    expect(stale).toMatchObject({ ok: false, error: { code: "conflict" } });
  });

  it("with the quote in place and only the text after it changed, still bumps the version", async () => {
    const body = "Alpha said the river rose by two metres overnight. Beta agreed.";
    const source = await makeSource({ body });
    const claim = await makeClaim({ source, quote: "the river rose by two metres overnight" });
    const edited = body.replace("Beta agreed.", "Beta, the mayor, disagreed.");
    const result = expectOk(await updateSource(SYSTEM, { sourceId: source.id, baseUpdatedAt: source.updatedAt, body: edited }));
    const after = await claimRow(claim.id);
    expect([after.start, after.end]).toEqual([claim.startOffset, claim.endOffset]);
    expect(after.suffix).not.toBe(claim.suffix);
    expect(after.version).toBe(claim.version + 1);
    expect(result.claims).toEqual({ kept: 1, moved: 0, orphaned: 0 });
  });

  it("leaves a claim whose anchor and context are untouched alone: no version, no audit row", async () => {
    const body = `${DEFAULT_BODY}\n\n${"Filler sentence. ".repeat(10)}End.`;
    const source = await makeSource({ body });
    const claim = await makeClaim({ source, quote: "the harvest grew by 12% last year" });
    expectOk(await updateSource(SYSTEM, { sourceId: source.id, baseUpdatedAt: source.updatedAt, body: body.replace("End.", "The end.") }));
    expect((await claimRow(claim.id)).version).toBe(claim.version);
    expect(await auditActions("claim", claim.id)).toEqual(["claim.create"]);
  });
});

describe("a speaker merge", () => {
  it("bumps the version of every claim it moves, each with its own audit row", async () => {
    const keep = await makeSpeaker();
    const merge = await makeSpeaker();
    const source = await makeSource();
    const a = await makeClaim({ source, speakerId: merge.id, quote: "the harvest grew by 12% last year" });
    const b = await makeClaim({ source, speakerId: merge.id, quote: "Critics disputed the figures" });
    expectOk(await mergeSpeakers(SYSTEM, { keepId: keep.id, mergeId: merge.id }));
    for (const claim of [a, b]) {
      expect(await claimRow(claim.id)).toMatchObject({ speakerId: keep.id, version: claim.version + 1 });
      expect(await auditActions("claim", claim.id)).toEqual(["claim.create", "claim.move_speaker"]);
    }
    const stale = await updateClaim(SYSTEM, { claimId: a.id, baseVersion: a.version, speakerId: merge.id });
    expect(stale).toMatchObject({ ok: false, error: { code: "conflict" } });
    if (!stale.ok) expect(stale.error.message).toContain("merged the claim's speaker");
  });
});

describe("evidence passages on a source edit", () => {
  const evidenceRow = async (id: number) =>
    (
      await getDb()
        .select({ start: evidence.targetStart, end: evidence.targetEnd, quote: evidence.targetQuote, orphaned: evidence.orphaned })
        .from(evidence)
        .where(eq(evidence.id, id))
    )[0]!;

  it("are re-anchored like claims, and marked orphaned when their words are lost, with audit rows", async () => {
    const cited = await makeSource({ body: "Officials confirmed the bridge closed on Monday. Traffic was diverted through the old town." });
    const claim = await makeClaim();
    const passage = async (quote: string) => {
      const anchor = anchorQuote(cited.body, quote);
      return expectOk(
        await addEvidence(SYSTEM, { claimId: claim.id, stance: "supports", target: { kind: "passage", sourceId: cited.id, start: anchor.start, end: anchor.end, quote } }),
      );
    };
    const moves = await passage("the bridge closed on Monday");
    const lost = await passage("Traffic was diverted through the old town");
    const body = `Update: the ministry issued a statement. ${cited.body.replace("Traffic was diverted through the old town.", "Drivers waited.")}`;
    const result = expectOk(await updateSource(SYSTEM, { sourceId: cited.id, baseUpdatedAt: cited.updatedAt, body }));
    expect(result.evidence).toEqual({ kept: 0, moved: 1, orphaned: 1 });

    const moved = await evidenceRow(moves.id);
    expect(body.slice(moved.start!, moved.end!)).toBe("the bridge closed on Monday");
    expect(moved.orphaned).toBe(false);
    expect(await evidenceRow(lost.id)).toMatchObject({ orphaned: true, quote: "Traffic was diverted through the old town" });
    expect(await auditActions("evidence", moves.id)).toEqual(["evidence.reanchor"]);
    expect(await auditActions("evidence", lost.id)).toEqual(["evidence.orphan"]);
  });
});
