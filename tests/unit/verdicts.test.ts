import { describe, expect, it } from "vitest";
import { rawAll, rawGet } from "@/db/raw";
import type { Result } from "@/lib/result";
import { recordVerdict } from "@/lib/verdicts";
import { countRows } from "./support/rows";
import { SYSTEM, asUser, expectOk, makeClaim, makeSource, makeUser } from "./support/factories";

/** Everything a verdict could touch, to show that a refused one touched nothing. */
async function snapshot(claimId: number) {
  const claim = await rawGet("select status, version, updated_at from claims where id = ?", [claimId]);
  return {
    claim,
    verdicts: await countRows("verdicts where claim_id = ?", claimId),
    evidence: await countRows("evidence"),
    audit: await countRows("audit_log"),
  };
}

function errorOf<T>(result: Result<T>) {
  if (result.ok) throw new Error("expected a failure, got ok");
  return result.error;
}

async function setting() {
  const reviewer = await makeUser({ role: "reviewer" });
  const source = await makeSource();
  const claim = await makeClaim({ source });
  const other = await makeClaim({ source, quote: "Officials expect exports to double by 2026." });
  return { reviewer, source, claim, other };
}

describe("recordVerdict", () => {
  it("appends a verdict, sets the status, bumps the version, links evidence and audits once", async () => {
    const { reviewer, source, claim, other } = await setting();
    const auditBefore = await countRows("audit_log");
    const passage = "Critics disputed the figures";
    const start = source.body.indexOf(passage);
    const result = expectOk(
      await recordVerdict(asUser(reviewer), {
        claimId: claim.id,
        status: "contradicted",
        rationale: "  Customs data show 3%.  ",
        baseVersion: 1,
        evidence: [
          { target: { kind: "claim", claimId: other.id }, stance: "context", note: "Same speech." },
          { target: { kind: "passage", sourceId: source.id, start, end: start + passage.length, quote: passage }, stance: "refutes" },
          { target: { kind: "url", url: "https://stats.example.org/harvest" }, stance: "refutes", note: "Official statistics." },
        ],
      }),
    );

    expect(result.claim).toMatchObject({ id: claim.id, status: "contradicted", version: 2 });
    expect(result.verdict).toMatchObject({ claimId: claim.id, reviewerId: reviewer.id, status: "contradicted", rationale: "Customs data show 3%." });
    expect(result.evidence.map((e) => [e.stance, e.verdictId])).toEqual([
      ["context", result.verdict.id],
      ["refutes", result.verdict.id],
      ["refutes", result.verdict.id],
    ]);

    expect(await rawGet("select status, version from claims where id = ?", [claim.id])).toEqual({ status: "contradicted", version: 2 });
    expect(await countRows("verdicts where claim_id = ?", claim.id)).toBe(1);
    expect(await countRows("evidence where claim_id = ?", claim.id)).toBe(3);
    expect(await countRows("audit_log")).toBe(auditBefore + 1);
    const audit = (await rawGet<Record<string, string | number>>("select * from audit_log order by id desc limit 1"))!;
    expect(audit).toMatchObject({ action: "verdict.record", entity: "claim", entity_id: claim.id, actor_id: reviewer.id });
    expect(JSON.parse(String(audit.before))).toEqual({ status: "pending", version: 1 });
    expect(JSON.parse(String(audit.after))).toMatchObject({ status: "contradicted", version: 2, verdictId: result.verdict.id });
  });

  it("keeps every verdict as history", async () => {
    const { reviewer, claim } = await setting();
    expectOk(await recordVerdict(asUser(reviewer), { claimId: claim.id, status: "pending", baseVersion: 1 }));
    expectOk(await recordVerdict(asUser(reviewer), { claimId: claim.id, status: "corroborated", rationale: "Confirmed.", baseVersion: 2 }));
    const rows = await rawAll("select status from verdicts where claim_id = ? order by id", [claim.id]);
    expect(rows).toEqual([{ status: "pending" }, { status: "corroborated" }]);
    expect((await snapshot(claim.id)).claim).toMatchObject({ status: "corroborated", version: 3 });
  });

  it("refuses a verdict based on a stale version and changes nothing", async () => {
    const { reviewer, claim } = await setting();
    expectOk(await recordVerdict(asUser(reviewer), { claimId: claim.id, status: "corroborated", rationale: "First look.", baseVersion: 1 }));
    const before = await snapshot(claim.id);
    const error = errorOf(
      await recordVerdict(asUser(reviewer), { claimId: claim.id, status: "contradicted", rationale: "Second look.", baseVersion: 1 }),
    );
    expect(error.code).toBe("conflict");
    expect(await snapshot(claim.id)).toEqual(before);
    expect(before.claim).toMatchObject({ status: "corroborated", version: 2 });
    expect(before.verdicts).toBe(1);
  });

  it("needs a rationale for corroborated and contradicted", async () => {
    const { reviewer, claim } = await setting();
    const before = await snapshot(claim.id);
    for (const status of ["corroborated", "contradicted"]) {
      const error = errorOf(await recordVerdict(asUser(reviewer), { claimId: claim.id, status, rationale: "   ", baseVersion: 1 }));
      expect(error.code).toBe("invalid");
      expect(error.fields?.rationale).toMatch(/rationale is required/);
    }
    expect(await snapshot(claim.id)).toEqual(before);
  });

  it("is refused to a viewer", async () => {
    const { claim } = await setting();
    const viewer = await makeUser({ role: "viewer" });
    const before = await snapshot(claim.id);
    const error = errorOf(await recordVerdict(asUser(viewer), { claimId: claim.id, status: "corroborated", rationale: "Yes.", baseVersion: 1 }));
    expect(error.code).toBe("forbidden");
    expect(await snapshot(claim.id)).toEqual(before);
  });

  it.each(["javascript:alert(1)", "JAVASCRIPT:alert(1)", "data:text/html,hi", "ftp://example.org/x"])(
    "refuses evidence at %j",
    async (url) => {
      const { reviewer, claim } = await setting();
      const before = await snapshot(claim.id);
      const error = errorOf(
        await recordVerdict(asUser(reviewer), {
          claimId: claim.id,
          status: "contradicted",
          rationale: "See link.",
          baseVersion: 1,
          evidence: [{ target: { kind: "url", url }, stance: "refutes" }],
        }),
      );
      expect(error.code).toBe("invalid");
      expect(error.fields?.["evidence.0.target.url"]).toBeDefined();
      expect(await snapshot(claim.id)).toEqual(before);
    },
  );

  it("writes nothing at all when a later piece of evidence fails: the transaction rolls back", async () => {
    const { reviewer, claim, other } = await setting();
    const before = await snapshot(claim.id);
    const missingClaimId = other.id + 100_000;
    const error = errorOf(
      await recordVerdict(asUser(reviewer), {
        claimId: claim.id,
        status: "corroborated",
        rationale: "Two sources.",
        baseVersion: 1,
        evidence: [
          { target: { kind: "claim", claimId: other.id }, stance: "supports" },
          { target: { kind: "claim", claimId: missingClaimId }, stance: "supports" },
        ],
      }),
    );
    expect(error.code).toBe("not_found");
    expect(await snapshot(claim.id)).toEqual(before);
    expect(await countRows("verdicts where claim_id = ?", claim.id)).toBe(0);
    expect(before.claim).toMatchObject({ status: "pending", version: 1 });
  });

  it("refuses a passage that does not match its source, and a claim as its own evidence", async () => {
    const { reviewer, source, claim } = await setting();
    const before = await snapshot(claim.id);
    const base = { claimId: claim.id, status: "corroborated", rationale: "Because.", baseVersion: 1 };
    const wrongPassage = await recordVerdict(asUser(reviewer), {
      ...base,
      evidence: [{ target: { kind: "passage", sourceId: source.id, start: 0, end: 5, quote: "Other" }, stance: "supports" }],
    });
    expect(errorOf(wrongPassage).code).toBe("invalid");
    const self = await recordVerdict(asUser(reviewer), { ...base, evidence: [{ target: { kind: "claim", claimId: claim.id }, stance: "supports" }] });
    expect(errorOf(self).code).toBe("invalid");
    expect(await snapshot(claim.id)).toEqual(before);
  });

  it("says not_found for a claim that does not exist", async () => {
    const { reviewer, claim } = await setting();
    const error = errorOf(await recordVerdict(asUser(reviewer), { claimId: claim.id + 100_000, status: "pending", baseVersion: 1 }));
    expect(error.code).toBe("not_found");
  });
});

describe("a deleted claim", () => {
  it("takes no new verdict and no new evidence, and is no evidence target", async () => {
    const { deleteClaim } = await import("@/lib/claims");
    const { addEvidence } = await import("@/lib/evidence");
    const claim = await makeClaim();
    const other = await makeClaim();
    expectOk(await deleteClaim(SYSTEM, { claimId: claim.id }));
    const verdict = await recordVerdict(SYSTEM, { claimId: claim.id, status: "pending", baseVersion: 2 });
    expect(verdict.ok ? null : verdict.error.code).toBe("not_found");
    const onDeleted = await addEvidence(SYSTEM, { claimId: claim.id, target: { kind: "url", url: "https://example.org" }, stance: "context" });
    expect(onDeleted.ok ? null : onDeleted.error.code).toBe("not_found");
    const toDeleted = await addEvidence(SYSTEM, { claimId: other.id, target: { kind: "claim", claimId: claim.id }, stance: "supports" });
    expect(toDeleted.ok ? null : toDeleted.error.code).toBe("not_found");
  });
});
