import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { onPostgres } from "@/db/engine";
import { rawGet } from "@/db/raw";
import { updateClaim } from "@/lib/claims";
import { searchEverything } from "@/lib/search";
import { expressions, parseQuery } from "@/lib/search/query";
import { removeAlias, mergeSpeakers } from "@/lib/speakers";
import { updateSource } from "@/lib/sources/update";
import { recordVerdict } from "@/lib/verdicts";
import { seedDesk } from "@/seed/seed-desk";
import { SYSTEM, expectOk, makeClaim, makeSource, makeSpeaker, unique } from "./support/factories";

beforeAll(async () => {
  await seedDesk();
});

const search = async (q: string, kinds?: Array<"claims" | "sources" | "speakers" | "verdicts">) => expectOk(await searchEverything(q, { kinds, limit: 10 }));
const quotes = async (q: string) => (await search(q, ["claims"])).claims.map((c) => c.quote);
/** SQLite's FTS5 tables checked against their content (PostgreSQL's search vectors are columns of the rows themselves: nothing to drift). */
const integrity = () => {
  if (onPostgres()) return;
  for (const stem of ["sources", "claims", "speakers", "aliases", "verdicts", "evidence"]) {
    for (const kind of ["fts", "tri"]) getDb().$client.prepare(`insert into ${stem}_${kind}(${stem}_${kind}) values ('integrity-check')`).run();
  }
};

describe("one search over the desk", () => {
  it("a term naming a speaker searches the speaker's other names: 'Choe Moscow' finds Choi in 000 and Choe in 001", async () => {
    const found = await quotes("Choe Moscow");
    expect(found).toEqual(expect.arrayContaining(["Choi arrived in Moscow on October 30", "Choe is scheduled to arrive in Moscow on Wednesday"]));
  });

  it("finds every kind, grouped, with the matching words marked in a snippet", async () => {
    const results = await search("Lavrov");
    expect(results.speakers.map((s) => s.name)).toContain("Sergey Lavrov");
    expect(results.sources.map((s) => s.title)).toContain("North Korean and Russian foreign ministers reaffirm their solidarity");
    const snippet = results.sources[0]!.snippet;
    expect(snippet).toMatch(/\u0001[^\u0002]*Lavrov\u0002/);
    expect((await search("Kursk", ["claims"])).claims[0]!.snippet).toMatch(/\u0001Kursk\u0002/);
  });

  it("finds verdict rationales and evidence notes", async () => {
    const claim = await makeClaim();
    const word = `zebracorn${unique("w").replace(/\W/g, "")}`;
    expectOk(
      await recordVerdict(SYSTEM, {
        claimId: claim.id,
        status: "contradicted",
        rationale: `The ministry's own ${word} figures say otherwise.`,
        baseVersion: claim.version,
        evidence: [{ target: { kind: "url", url: "https://example.org/report" }, stance: "refutes", note: `Table 3 of the ${word} report.` }],
      }),
    );
    const verdicts = (await search(word, ["verdicts"])).verdicts;
    expect(verdicts.map((v) => v.kind).sort()).toEqual(["evidence", "verdict"]);
    expect(verdicts.every((v) => v.claimId === claim.id)).toBe(true);
  });

  it("ranks by BM25: a claim saying the word more, in less text, comes first", async () => {
    const word = `quokkastat${unique("r").replace(/\W/g, "")}`;
    const body = `Long: the ${word} grew a little in a year of many other changes across the region and beyond. Short: ${word} ${word} doubled.`;
    const source = await makeSource({ body });
    const speaker = await makeSpeaker();
    const weak = await makeClaim({ source, speakerId: speaker.id, quote: `the ${word} grew a little in a year of many other changes across the region and beyond` });
    const strong = await makeClaim({ source, speakerId: speaker.id, quote: `${word} ${word} doubled` });
    expect((await search(word, ["claims"])).claims.map((c) => c.id)).toEqual([strong.id, weak.id]);
  });

  it("English by prefix, diacritics folded on both sides", async () => {
    const source = await makeSource({ body: `The Café Müller reopened. ${unique("pad")}` });
    const speaker = await makeSpeaker();
    await makeClaim({ source, speakerId: speaker.id, quote: "The Café Müller reopened" });
    expect(await quotes("cafe muller")).toContain("The Café Müller reopened");
    expect(await quotes("reopen")).toContain("The Café Müller reopened");
    expect(await quotes("Cáfé")).toContain("The Café Müller reopened");
  });

  it("a word of the desk is one token that finds its inflections; a half-typed word is a prefix", async () => {
    // letters only, ending in a consonant porter leaves alone whatever suffix follows ("…e" + "ed" would be "…eed")
    const stem = `zorblax${unique("i").replace(/[^a-z]/gi, "").toLowerCase()}k`;
    const source = await makeSource({ body: `Officials said the coast guard ${stem}ed three trawlers overnight. ${unique("pad")}` });
    const speaker = await makeSpeaker();
    const quote = `the coast guard ${stem}ed three trawlers overnight`;
    await makeClaim({ source, speakerId: speaker.id, quote });
    // "…ing" is not in the desk, but its stem is: searched whole, it finds "…ed"
    expect(await quotes(`${stem}ing trawler`)).toEqual([quote]);
    expect((await search(`${stem}ing`, ["claims"])).claims[0]!.snippet).toContain(`\u0001${stem}ed\u0002`);
    // a beginning that is no word of the desk is searched as a prefix
    expect(await quotes(stem.slice(0, 9))).toContain(quote);
    const known = (words: string[]) => new Set(words.filter((w) => w === "trawlers"));
    const parsed = parseQuery("trawlers zorbl", () => new Map(), (s) => s.toLowerCase(), known);
    expect(parsed.ok && expressions(parsed.query)).toEqual({ word: '"trawlers" AND "zorbl"*', trigram: null });
  });

  it("Korean: three syllables or more anywhere in a word (trigram), two syllables at a word's start", async () => {
    const body = `북한의 외무상은 모스크바에서 회담했다고 밝혔다. ${unique("ko")}`;
    const source = await makeSource({ body });
    const speaker = await makeSpeaker();
    await makeClaim({ source, speakerId: speaker.id, quote: "북한의 외무상은 모스크바에서 회담했다고 밝혔다" });
    expect(await quotes("외무상")).toContain("북한의 외무상은 모스크바에서 회담했다고 밝혔다");
    expect(await quotes("스크바")).toContain("북한의 외무상은 모스크바에서 회담했다고 밝혔다");
    expect(await quotes("북한")).toContain("북한의 외무상은 모스크바에서 회담했다고 밝혔다");
    expect(await quotes("회담 외무상")).toContain("북한의 외무상은 모스크바에서 회담했다고 밝혔다");
    expect(await quotes("외무상 Moscow")).toEqual([]);
    expect(expressions(mustParse("북한 외무상 Moscow"))).toEqual({ word: '"북한"* AND "Moscow"*', trigram: '"외무상"' });
  });

  it("stays in sync after an insert, an edit and a delete (external content: the old values are deleted)", async () => {
    const word = `narwhalwidget${unique("s").replace(/\W/g, "")}`;
    const source = await makeSource({ body: `Officials said the ${word} plan was approved. Critics disagreed.` });
    expect((await search(word, ["sources"])).sources.map((s) => s.id)).toEqual([source.id]);
    const claim = await makeClaim({ source, quote: `the ${word} plan was approved` });
    expect(await quotes(word)).toEqual([`the ${word} plan was approved`]);

    // edit: the source's new words are found, its old ones no longer
    const edited = expectOk(await updateSource(SYSTEM, { sourceId: source.id, baseUpdatedAt: source.updatedAt, body: `Officials said the ${word} plan was approved. Critics agreed, mostly.` }));
    expect(edited.claims.kept).toBe(1);
    expect((await search("disagreed", ["sources"])).sources.map((s) => s.id)).not.toContain(source.id);
    expect((await search(`${word} mostly`, ["sources"])).sources.map((s) => s.id)).toEqual([source.id]);
    const proposed = `${word}proposition`;
    expectOk(await updateClaim(SYSTEM, { claimId: claim.id, baseVersion: claim.version + 1, proposition: `The plan named ${proposed} passed.` }));
    expect(await quotes(proposed)).toHaveLength(1);

    // delete: an alias removed and a speaker merged away are no longer found
    const keep = await makeSpeaker({ name: unique("Keeper") });
    const gone = await makeSpeaker({ name: `Ottoline ${unique("Gone").replace(/\W/g, "")}`, aliases: [`Ottie${unique("a").replace(/\W/g, "")}`] });
    const alias = (await rawGet<{ id: number; alias: string }>("select id, alias from speaker_aliases where speaker_id = ?", [gone.id]))!;
    expect((await search(alias.alias, ["speakers"])).speakers.map((s) => s.id)).toEqual([gone.id]);
    expectOk(await removeAlias(SYSTEM, { speakerId: gone.id, aliasId: alias.id }));
    expect((await search(alias.alias, ["speakers"])).speakers).toEqual([]);
    expectOk(await mergeSpeakers(SYSTEM, { keepId: keep.id, mergeId: gone.id }));
    expect((await search(gone.name, ["speakers"])).speakers.map((s) => s.id)).toEqual([keep.id]); // as the kept one's alias now
    integrity();
  });

  it("hostile query syntax gives results or a clear refusal, never an error", async () => {
    for (const q of ['"', '"unbalanced', "Choe AND", "OR OR OR", "NEAR(Choe Moscow)", "*", "**", "^Choe", "(", ")", "Choe)", "{a b}", "col:Moscow", "Moscow -Choe", "'", "a", "\u0000x", "title: body:", "Choe* Moscow*", '"Choi arrived"']) {
      const result = await searchEverything(q, { limit: 5 });
      expect(result.ok, q).toBe(true);
    }
    expect(await quotes('"Choi arrived"')).toContain("Choi arrived in Moscow on October 30");
    expect(await quotes("(Choe) Moscow*")).toContain("Choi arrived in Moscow on October 30");
    const long = await searchEverything("word ".repeat(100));
    expect(long).toMatchObject({ ok: false, error: { code: "invalid", fields: { q: expect.stringMatching(/at most 300 characters/) } } });
    integrity();
  });
});

function mustParse(q: string) {
  const parsed = parseQuery(q, () => new Map(), (s) => s.toLowerCase());
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.query;
}
