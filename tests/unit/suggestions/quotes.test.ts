/** Quote marks: which spans are quoted, and which quoted spans are quotations rather than scare quotes. */
import { describe, expect, it } from "vitest";
import { suggestClaims } from "@/lib/suggestions";
import { findQuoteParts, quoteShape } from "@/lib/suggestions/quotes";
import { splitParagraphs, splitSentences } from "@/lib/suggestions/sentences";

const quoted = (body: string) => findQuoteParts(body, splitParagraphs(body)).map((p) => body.slice(p.start, p.end));
const quotations = (body: string) =>
  suggestClaims(body, { publishedAt: "2025-03-11T10:00:00+00:00", speakers: [] }).filter((s) => s.kind === "quotation");

describe("findQuoteParts", () => {
  it("reads straight and curly double quotes; the span is inside the marks", () => {
    expect(quoted(`"We made progress," she said. “Nobody expects more.”`)).toEqual(["We made progress,", "Nobody expects more."]);
  });

  it("takes a closing mark typed as an opener (`that ”the main cause…”`) as an opener", () => {
    expect(quoted("the two sides said, adding that ”the main cause is the United States.” Choi arrived.")).toEqual([
      "the main cause is the United States.",
    ]);
  });

  it("keeps single quotes inside double ones as part of the quotation", () => {
    expect(quoted(`“Kim is expected to visit on Feb. 23, on the occasion of 'Defender of the Fatherland Day,'” said Doo.`)).toEqual([
      "Kim is expected to visit on Feb. 23, on the occasion of 'Defender of the Fatherland Day,'",
    ]);
  });

  it("reads British single quotes without mistaking apostrophes for them", () => {
    expect(quoted("‘We didn’t cope with it. I’m delighted,’ Lowe said. ‘It’s the lads’ day.’")).toEqual([
      "We didn’t cope with it. I’m delighted,",
      "It’s the lads",
    ]);
  });

  it("links a quotation continued over paragraphs (no closing mark, next paragraph opens one)", () => {
    const body = "“You knew where it was meant to go,” the judge said.\n\n“Instead you spent it.\n\n“I accept that you are sorry.”";
    const parts = findQuoteParts(body, splitParagraphs(body));
    expect(parts.map((p) => [body.slice(p.start, p.end), p.continues, p.continued])).toEqual([
      ["You knew where it was meant to go,", false, false],
      ["Instead you spent it.", true, false],
      ["I accept that you are sorry.", false, true],
    ]);
    expect(parts[1]!.group).toBe(parts[2]!.group);
  });

  it("ends an unclosed quote at its paragraph when the next one does not continue it", () => {
    const body = "He said “this will never work.\n\nThe vote is on Monday.";
    const [part] = findQuoteParts(body, splitParagraphs(body));
    expect(part).toMatchObject({ close: null, continues: false });
  });

  it("does not split sentences inside a quotation", () => {
    const body = `"You knew. It was meant for nurses," the judge told Pryce. He left.`;
    const [paragraph] = splitParagraphs(body);
    const parts = findQuoteParts(body, [paragraph!]);
    expect(splitSentences(body, paragraph!, parts).map((s) => body.slice(s.start, s.end))).toEqual([
      `"You knew. It was meant for nurses," the judge told Pryce.`,
      "He left.",
    ]);
  });
});

describe("quotations versus scare quotes", () => {
  it.each([
    ["strategic dialogue", false],
    ["comprehensive strategic treaty", false],
    ["strategic and tactical cooperation", false],
    ["unprecedented North Korea-Russia military cooperation", false],
    ["willingness to visit as soon as possible", false],
    ["do within the framework", false],
    ["has not provided details on the agenda", true],
    ["anticipates possible coordination on specific responses", true],
  ])("an embedded “%s” is a quotation: %s", (text, expected) => {
    expect(quoteShape(text, false, "") === "quotation").toBe(expected);
  });

  it("takes a quote standing as a speech verb's complement as a quotation from two words", () => {
    expect(quoteShape("Not guilty.", true, "")).toBe("quotation");
    expect(quoteShape("No.", true, "")).toBe("fragment");
  });

  it("suggests no quotation for scare quotes, titles or names in quotes", () => {
    const body =
      "The pair signed what the two countries called a “comprehensive strategic treaty.” Her visit is part of “strategic dialogue” and the ‘Year of Friendship’, the “Better Bus” plan.";
    expect(quotations(body)).toEqual([]);
  });

  it("suggests a short fragment with a cue as a reported sentence instead", () => {
    const body = "The Russian president also argued that what Pyongyang and Moscow “do within the framework” of their treaty is “our business.”";
    const out = suggestClaims(body, { publishedAt: "2024-10-29T00:00:00+09:00", speakers: [] });
    expect(out.filter((s) => s.kind === "quotation")).toEqual([]);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ kind: "reported", type: "attribution", quote: "what Pyongyang and Moscow “do within the framework” of their treaty is “our business.”" });
  });

  it("suggests each part of a quote broken by its attribution, and a quote after a colon", () => {
    const body = `"We will not build what the market cannot absorb," she said. "Prices are falling." Smith was blunt: "The plan will fail."`;
    expect(quotations(body).map((s) => s.quote)).toEqual(["We will not build what the market cannot absorb,", "Prices are falling.", "The plan will fail."]);
  });
});
