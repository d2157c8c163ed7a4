import { describe, expect, it, vi } from "vitest";
import { and, asc, eq, inArray } from "drizzle-orm";
import { getDb } from "@/db/client";
import { auditLog, claims } from "@/db/schema";
import { anchorQuote } from "@/lib/anchoring/anchor";
import { reanchor } from "@/lib/anchoring/reanchor";
import { updateSource } from "@/lib/sources/update";
import { DEFAULT_BODY, SYSTEM, asUser, expectOk, makeClaim, makeSource, makeUser } from "./support/factories";

const QUOTE = "the harvest grew by 12% last year";
const old = anchorQuote(DEFAULT_BODY, QUOTE);

describe("reanchor", () => {
  it("keeps the position when the text there is unchanged (an edit after the quote)", () => {
    const found = reanchor(DEFAULT_BODY.replace("Critics", "Opponents"), old)!;
    expect(found).toMatchObject({ method: "position", start: old.start, end: old.end, quote: QUOTE });
  });

  it("finds the exact quote again after an edit before it", () => {
    const body = `UPDATED: ${DEFAULT_BODY}`;
    const found = reanchor(body, old)!;
    expect(found.method).toBe("exact");
    expect(body.slice(found.start, found.end)).toBe(QUOTE);
    expect(found.start).toBe(old.start + "UPDATED: ".length);
  });

  it("picks the occurrence whose context fits when the quote appears twice", () => {
    const body = `Last year the harvest grew by 12% last year, a typo. ${DEFAULT_BODY}`;
    const found = reanchor(body, old)!;
    expect(body.slice(found.start - 18, found.start)).toBe("The minister said ");
  });

  it("follows a small edit inside the quote by approximate matching", () => {
    const body = DEFAULT_BODY.replace("grew by 12%", "grew by 12.4%");
    const found = reanchor(body, old)!;
    expect(found.method).toBe("fuzzy");
    expect(found.quote).toBe("the harvest grew by 12.4% last year");
    expect(body.slice(found.start, found.end)).toBe(found.quote);
  });

  it("orphans a quote that was deleted or rewritten past recognition", () => {
    expect(reanchor(DEFAULT_BODY.replace(QUOTE, ""), old)).toBeNull();
    expect(reanchor(DEFAULT_BODY.replace(QUOTE, "output fell sharply in the south"), old)).toBeNull();
  });
});

describe("updateSource", () => {
  it("re-anchors every claim in one write, orphans the lost ones, and audits each", async () => {
    const source = await makeSource();
    const kept = await makeClaim({ source, quote: QUOTE });
    const lost = await makeClaim({ source, quote: "Critics disputed the figures" });
    const body = `Correction appended. ${DEFAULT_BODY.replace("Critics disputed the figures and said", "It was said")}`;
    const result = expectOk(await updateSource(SYSTEM, { sourceId: source.id, baseUpdatedAt: source.updatedAt, body }));
    expect(result.claims).toEqual({ kept: 0, moved: 1, orphaned: 1 });

    const row = async (id: number) =>
      (
        await getDb()
          .select({ startOffset: claims.startOffset, endOffset: claims.endOffset, quote: claims.quote, orphaned: claims.orphaned, version: claims.version })
          .from(claims)
          .where(eq(claims.id, id))
      )[0]!;
    const moved = await row(kept.id);
    expect(body.slice(moved.startOffset, moved.endOffset)).toBe(QUOTE);
    expect(moved.version).toBe(2);
    expect(await row(lost.id)).toMatchObject({ orphaned: true, quote: "Critics disputed the figures", version: 2 });
    const actions = await getDb()
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.entity, "claim"), inArray(auditLog.entityId, [kept.id, lost.id])))
      .orderBy(asc(auditLog.id));
    expect(actions.map((a) => a.action.replace(/ \(.*\)$/, ""))).toEqual(["claim.create", "claim.create", "claim.reanchor", "claim.orphan"]);
  });

  it("refuses an edit based on an older revision, and only admins may edit", async () => {
    const source = await makeSource();
    expectOk(await updateSource(SYSTEM, { sourceId: source.id, baseUpdatedAt: source.updatedAt, body: `${DEFAULT_BODY} More.` }));
    const stale = await updateSource(SYSTEM, { sourceId: source.id, baseUpdatedAt: source.updatedAt, body: `${DEFAULT_BODY} Other.` });
    expect(stale.ok ? null : stale.error.code).toBe("conflict");
    const reviewer = await makeUser({ role: "reviewer" });
    const refused = await updateSource(asUser(reviewer), { sourceId: source.id, baseUpdatedAt: source.updatedAt, body: "x" });
    expect(refused.ok ? null : refused.error.code).toBe("forbidden");
  });

  it("moves the revision even when two edits land in the same millisecond", async () => {
    const source = await makeSource();
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2020-01-01T00:00:00Z")); // a clock that stands still, and behind the stored one
    try {
      const first = expectOk(await updateSource(SYSTEM, { sourceId: source.id, baseUpdatedAt: source.updatedAt, body: `${DEFAULT_BODY} One.` }));
      expect(first.updatedAt > source.updatedAt).toBe(true);
      const stale = await updateSource(SYSTEM, { sourceId: source.id, baseUpdatedAt: source.updatedAt, body: `${DEFAULT_BODY} Two.` });
      expect(stale.ok ? null : stale.error.code).toBe("conflict");
      expectOk(await updateSource(SYSTEM, { sourceId: source.id, baseUpdatedAt: first.updatedAt, body: `${DEFAULT_BODY} Two.` }));
    } finally {
      vi.useRealTimers();
    }
  });
});
