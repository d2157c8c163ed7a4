/**
 * Search on PostgreSQL gives what search on SQLite gives (issue 12, item 4):
 * the seeded desk and the desk tests' own rows, copied into a throwaway
 * cluster with db:copy, asked the desk tests' queries on both engines. Every
 * kind's results (rows, speakers' other names, snippets and marks) must be
 * the same; the order within a kind may differ only where the two engines'
 * rankings differ (BM25 and ts_rank), so the comparison is by id, and the
 * ranking case of the desk tests is checked on its own. Skipped where
 * PostgreSQL is not installed.
 */
import type { Pool } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { onPostgres } from "@/db/engine";
import { searchEverythingPg } from "@/db/pg/search";
import { searchEverything, type SearchResults } from "@/lib/search";
import { recordVerdict } from "@/lib/verdicts";
import { seedDesk } from "@/seed/seed-desk";
import { locatePgBin } from "@/scripts/support/pg-cluster";
import { pgCopyOfDesk } from "./support/pg-desk";
import { SYSTEM, expectOk, makeClaim, makeSource, makeSpeaker } from "./support/factories";

const found = locatePgBin();

const HOSTILE = ['"', '"unbalanced', "Choe AND", "OR OR OR", "NEAR(Choe Moscow)", "*", "**", "^Choe", "(", ")", "Choe)", "{a b}", "col:Moscow", "Moscow -Choe", "'", "a", "\u0000x", "title: body:", "Choe* Moscow*", "a\\b c'd", "it's & | ! <-> :*", "O'Brien\\"];

/** Each kind's items by id (verdicts before evidence notes, whose ids are their own table's). */
const byId = (results: SearchResults) =>
  Object.fromEntries(
    Object.entries(results).map(([kind, items]) => [
      kind,
      [...(items as Array<{ id: number; kind?: string }>)].sort((a, b) => (a.kind ?? "").localeCompare(b.kind ?? "") || a.id - b.id),
    ]),
  );

// compares this file's SQLite desk with its PostgreSQL copy: on PostgreSQL there is no SQLite desk to copy
describe.skipIf(!found.ok || onPostgres())("search on PostgreSQL and on SQLite", () => {
  let pg: Awaited<ReturnType<typeof pgCopyOfDesk>> | undefined;
  let pool: Pool;
  let strong = 0;
  let weak = 0;
  const queries = [
    "Choe Moscow",
    "Lavrov",
    "Kursk",
    "Moscow",
    "Putin visit",
    "cafe muller",
    "reopen",
    "Cáfé",
    "외무상",
    "스크바",
    "북한",
    "회담 외무상",
    "외무상 Moscow",
    '"Choi arrived"',
    "(Choe) Moscow*",
    "zorblaxing trawler",
    "zorbl",
    "narwhalrationale",
    "quokkastat",
    "Pyong",
  ];

  beforeAll(async () => {
    await seedDesk();
    // the rows the desk tests search for, made on SQLite
    const speaker = await makeSpeaker();
    const cafe = await makeSource({ body: "The Café Müller reopened. Then the coast guard zorblaxed three trawlers overnight. 북한의 외무상은 모스크바에서 회담했다고 밝혔다." });
    await makeClaim({ source: cafe, speakerId: speaker.id, quote: "The Café Müller reopened" });
    await makeClaim({ source: cafe, speakerId: speaker.id, quote: "the coast guard zorblaxed three trawlers overnight" });
    await makeClaim({ source: cafe, speakerId: speaker.id, quote: "북한의 외무상은 모스크바에서 회담했다고 밝혔다" });
    const ranking = await makeSource({ body: "Long: the quokkastat grew a little in a year of many other changes across the region and beyond. Short: quokkastat quokkastat doubled." });
    weak = (await makeClaim({ source: ranking, speakerId: speaker.id, quote: "the quokkastat grew a little in a year of many other changes across the region and beyond" })).id;
    strong = (await makeClaim({ source: ranking, speakerId: speaker.id, quote: "quokkastat quokkastat doubled" })).id;
    const judged = await makeClaim({ source: ranking, speakerId: speaker.id, quote: "Short: quokkastat" });
    expectOk(
      await recordVerdict(SYSTEM, {
        claimId: judged.id,
        status: "contradicted",
        rationale: "The narwhalrationale figures say otherwise.",
        baseVersion: judged.version,
        evidence: [{ target: { kind: "url", url: "https://example.org/r" }, stance: "refutes", note: "Table 3 of the narwhalrationale report." }],
      }),
    );
    pg = await pgCopyOfDesk();
    pool = pg.pool;
  }, 120_000);

  afterAll(async () => {
    await pg?.close();
  }, 60_000);

  it("gives the same rows, snippets and marks for the desk tests' queries", async () => {
    for (const q of queries) {
      const lite = expectOk(await searchEverything(q, { limit: 50 }));
      const pg = expectOk(await searchEverythingPg(pool, q, { limit: 50 }));
      expect(byId(pg), q).toEqual(byId(lite));
    }
    // and they find what the desk tests expect
    const choe = expectOk(await searchEverythingPg(pool, "Choe Moscow", { kinds: ["claims"], limit: 10 })).claims.map((c) => c.quote);
    expect(choe).toEqual(expect.arrayContaining(["Choi arrived in Moscow on October 30", "Choe is scheduled to arrive in Moscow on Wednesday"]));
    const stems = expectOk(await searchEverythingPg(pool, "zorblaxing", { kinds: ["claims"] })).claims;
    expect(stems[0]!.snippet).toContain("\u0001zorblaxed\u0002");
    const korean = expectOk(await searchEverythingPg(pool, "북한", { kinds: ["claims"] })).claims.map((c) => c.quote);
    expect(korean).toContain("북한의 외무상은 모스크바에서 회담했다고 밝혔다");
  }, 60_000);

  it("ranks a claim saying the word more, in less text, first, as BM25 does on SQLite", async () => {
    const ids = expectOk(await searchEverythingPg(pool, "quokkastat", { kinds: ["claims"], limit: 10 })).claims.map((c) => c.id);
    expect(ids.indexOf(strong)).toBeLessThan(ids.indexOf(weak));
    expect(ids[0]).toBe(strong);
  }, 60_000);

  it("takes hostile query syntax as words: results or a clear refusal, never an error", async () => {
    for (const q of HOSTILE) {
      const pg = await searchEverythingPg(pool, q, { limit: 5 });
      expect(pg.ok, q).toBe(true);
      expect(byId(expectOk(pg)), q).toEqual(byId(expectOk(await searchEverything(q, { limit: 5 }))));
    }
    const long = await searchEverythingPg(pool, "word ".repeat(100));
    expect(long).toMatchObject({ ok: false, error: { code: "invalid", fields: { q: expect.stringMatching(/at most 300 characters/) } } });
  }, 60_000);

  it("finds a rare word's one old match under 3,100 newer verdicts, and a common word's newest", async () => {
    // on the PostgreSQL copy only (this test comes last): one old verdict with a rare word, then 3,100 newer ones
    const claim = (await pool.query<{ id: number }>("select id from claims order by id limit 1")).rows[0]!.id;
    const reviewer = (await pool.query<{ id: number }>("select id from users order by id limit 1")).rows[0]!.id;
    await pool.query("insert into verdicts (claim_id, reviewer_id, status, rationale) values ($1, $2, 'pending', 'An old quixotry of the desk.')", [claim, reviewer]);
    await pool.query(
      "insert into verdicts (claim_id, reviewer_id, status, rationale) select $1, $2, 'pending', 'Routine filler rationale number ' || n from generate_series(1, 3100) as n",
      [claim, reviewer],
    );
    await pool.query("analyze verdicts");
    const rare = expectOk(await searchEverythingPg(pool, "quixotry", { kinds: ["verdicts"] })).verdicts;
    expect(rare.map((v) => v.snippet)).toEqual(["An old \u0001quixotry\u0002 of the desk."]);
    const common = expectOk(await searchEverythingPg(pool, "filler", { kinds: ["verdicts"], limit: 3 })).verdicts;
    expect(common).toHaveLength(3);
    expect(common.every((v) => v.snippet.includes("\u0001filler\u0002"))).toBe(true);
  }, 60_000);
});
