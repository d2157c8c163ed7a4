/**
 * Writes that meet at the same moment. On SQLite the process's writes queue
 * one behind the other; on PostgreSQL (npm run test:unit:pg) they run at once
 * on the pool, and the row locks decide: these are the races a second server
 * makes possible.
 */
import { describe, expect, it } from "vitest";
import { rawGet } from "@/db/raw";
import { listOpenSuggestions } from "@/db/queries/suggestions";
import { acceptSuggestion, dismissSuggestion } from "@/lib/claims/suggestions";
import { importSource } from "@/lib/sources/import";
import { recordVerdict } from "@/lib/verdicts";
import { SYSTEM, asUser, expectOk, makeClaim, makeSource, makeUser, unique } from "./support/factories";
import { countRows } from "./support/rows";

const cite = (claimId: number) => ({ target: { kind: "claim" as const, claimId }, stance: "supports" as const, note: "" });

describe("writes at the same moment", () => {
  it("two verdicts, each citing the other's claim, both land (no deadlock), ten times over", async () => {
    const reviewer = await makeUser({ role: "reviewer" });
    for (let round = 0; round < 10; round++) {
      const source = await makeSource();
      const a = await makeClaim({ source });
      const b = await makeClaim({ source, quote: "exports to double by 2026" });
      const [left, right] = await Promise.all([
        recordVerdict(asUser(reviewer), { claimId: a.id, status: "corroborated", rationale: "Cites b.", baseVersion: a.version, evidence: [cite(b.id)] }),
        recordVerdict(asUser(reviewer), { claimId: b.id, status: "contradicted", rationale: "Cites a.", baseVersion: b.version, evidence: [cite(a.id)] }),
      ]);
      expect(expectOk(left).claim.version).toBe(a.version + 1);
      expect(expectOk(right).claim.version).toBe(b.version + 1);
    }
  });

  it("a suggestion accepted twice at once becomes one claim; a dismiss racing an accept never undoes it", async () => {
    const reviewer = await makeUser({ role: "reviewer" });
    const tag = unique("race");
    const raw = [
      `Council approves bridge repairs ${tag}`,
      "By Ines Moreau, Staff Writer",
      "Published: March 3, 2026 at 9:15 a.m. EST",
      `The council voted on Monday to repair the old bridge (${tag}).`,
      '"The bridge will reopen in March," said Priya Natarajan, the council\'s chair. "We will not wait any longer."',
      "Work is expected to begin in October, officials said.",
      "Copyright © 2026 The Coastal Ledger. All rights reserved.",
    ].join("\n");
    const { source } = expectOk(await importSource(asUser(reviewer), { raw }));
    const [first, second] = (await listOpenSuggestions(source.id)).filter((s) => s.kind === "quotation");
    expect(first, "the article's quotation is suggested").toBeDefined();

    const claimsBefore = await countRows("claims where source_id = ?", source.id);
    const twice = await Promise.all([acceptSuggestion(asUser(reviewer), { suggestionId: first!.id }), acceptSuggestion(SYSTEM, { suggestionId: first!.id })]);
    expect(twice.filter((r) => r.ok)).toHaveLength(1);
    expect(twice.find((r) => !r.ok)).toMatchObject({ ok: false, error: { code: "conflict" } });
    expect(await countRows("claims where source_id = ?", source.id)).toBe(claimsBefore + 1);

    if (second) {
      const [accepted, dismissed] = await Promise.all([
        acceptSuggestion(asUser(reviewer), { suggestionId: second.id }),
        dismissSuggestion(asUser(reviewer), { suggestionId: second.id }),
      ]);
      expect([accepted.ok, dismissed.ok].filter(Boolean)).toHaveLength(1);
      const state = (await rawGet<{ state: string; claim_id: number | null }>("select state, claim_id from claim_suggestions where id = ?", [second.id]))!;
      // whichever decided first stands, whole: accepted with its claim, or dismissed with none
      expect(state.state === "accepted" ? state.claim_id !== null : state.claim_id === null).toBe(true);
      expect(state.state).toBe(accepted.ok ? "accepted" : "dismissed");
    }
  });
});
