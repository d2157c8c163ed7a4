import { describe, expect, it } from "vitest";
import { searchClaims } from "@/db/queries/claim-search";
import { anchorQuote } from "@/lib/anchoring/anchor";
import { createClaim } from "@/lib/claims";
import { SYSTEM, expectOk, makeClaim, makeSource, makeSpeaker, unique } from "./support/factories";

async function claimWith(body: string, quote: string, proposition: string | null = null) {
  const source = await makeSource({ body });
  const anchor = anchorQuote(source.body, quote);
  const claim = expectOk(
    await createClaim(SYSTEM, { sourceId: source.id, speakerId: (await makeSpeaker()).id, start: anchor.start, end: anchor.end, quote, proposition }),
  );
  return { source, claim };
}

describe("searchClaims", () => {
  it("finds claims by words of the quote or the proposition, ignoring case, and leaves out one source", async () => {
    const word = unique("Kursk").replace(/-/g, "");
    const byQuote = await claimWith(`Troops are present in the ${word} region today.`, `Troops are present in the ${word} region`);
    const byProposition = await claimWith("The minister spoke of the border.", "The minister spoke of the border", `Troops are in ${word}.`);

    const ids = (await searchClaims({ text: word.toLowerCase() })).map((c) => c.id);
    expect(ids).toEqual(expect.arrayContaining([byQuote.claim.id, byProposition.claim.id]));
    expect(ids).toHaveLength(2);

    const elsewhere = await searchClaims({ text: word, excludeSourceId: byQuote.source.id });
    expect(elsewhere.map((c) => c.id)).toEqual([byProposition.claim.id]);
    expect(elsewhere[0]).toMatchObject({ source: { id: byProposition.source.id }, speaker: { name: expect.any(String) } });
  });

  it("matches % and _ literally and ignores an empty text", async () => {
    const tag = unique("pct").replace(/-/g, "");
    const { claim } = await claimWith(`Growth of 12% in ${tag} was claimed.`, `Growth of 12% in ${tag}`);
    await makeClaim({ quote: "the harvest grew by 12% last year" });
    expect((await searchClaims({ text: `12% in ${tag}` })).map((c) => c.id)).toEqual([claim.id]);
    expect(await searchClaims({ text: `12_ in ${tag}` })).toEqual([]);
    expect((await searchClaims({ text: "%" })).every((c) => c.quote.includes("%"))).toBe(true);
    expect(await searchClaims({ text: "   " })).toEqual([]);
  });
});
