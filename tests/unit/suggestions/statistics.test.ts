/** Figures that make a statistic, and numbers that only date or name something. */
import { describe, expect, it } from "vitest";
import { suggestClaims } from "@/lib/suggestions";
import { findFigures } from "@/lib/suggestions/statistics";

const figures = (text: string) => findFigures(text).map((f) => f.text);

describe("findFigures", () => {
  it.each([
    ["trade amounted to $2.3 billion, 2.4 times that of the year before", ["$2.3 billion", "2.4 times"]],
    ["It has recovered to 82% of the level in 2019 before COVID-19.", ["82%"]],
    ["Profit rose 4.5 percent.", ["4.5 percent"]],
    ["They agreed to cut ₩1.2 trillion.", ["₩1.2 trillion"]],
    ["The cuts save €300 million a year.", ["€300 million"]],
    ["Russia deployed 3,400 troops.", ["3,400"]],
    ["a 673.3 trillion won ($480 billion) budget", ["673.3 trillion won", "$480 billion"]],
    ["a dividend of 2.50 kroner per share", ["2.50 kroner"]],
    ["a crowd of 24,316", ["24,316"]],
    ["57 studies covering 12 countries", ["57", "12"]],
    ["up 1.5 percentage points", ["1.5 percentage points"]],
  ])("%s", (text, expected) => {
    expect(figures(text)).toEqual(expected);
  });

  it.each([
    ["Choi arrived in Moscow on October 30."],
    ["Kim will visit on Feb. 23 next year."],
    ["the North Korean military's 11th Army Corps"],
    ["under Article 4 of the treaty"],
    ["the Hwasong-19 and the G20 summit"],
    ["Martin Pryce, 54, of Clifton"],
    ["a 2-1 win on the M60 route"],
    ["the hearing at 7 p.m. in 2024"],
    ["his 17th goal of the season"],
  ])("finds no figure in: %s", (text) => {
    expect(figures(text)).toEqual([]);
  });
});

describe("statistic suggestions", () => {
  it("suggests a sentence with figures as a reported statistic, with its source", () => {
    const out = suggestClaims(
      "According to an announcement by the General Administration of Customs of China, the volume of trade between North Korea and China last year amounted to $2.3 billion, 2.4 times that of the year before.",
      { publishedAt: "2024-01-21T15:00:00+09:00", speakers: [], outlet: "Editorial" },
    );
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({
      kind: "reported",
      type: "statistic",
      speakerName: "General Administration of Customs of China",
      quote: "the volume of trade between North Korea and China last year amounted to $2.3 billion, 2.4 times that of the year before",
    });
    expect(out[0]!.figures?.map((f) => f.text)).toEqual(["$2.3 billion", "2.4 times"]);
  });

  it("does not suggest a sentence whose only numbers are dates, years or ordinals", () => {
    const out = suggestClaims("The North Korean military's 11th Army Corps held its third parade in 2019.", { publishedAt: "2024-01-21T15:00:00+09:00", speakers: [] });
    expect(out.filter((s) => s.type === "statistic")).toEqual([]);
  });

  it("types a quotation with figures as a statistic", () => {
    const [s] = suggestClaims(`"He has repaid just over £400,000 of it," Okoye said.`, { publishedAt: "2024-01-21T15:00:00+09:00", speakers: [] });
    expect(s).toMatchObject({ kind: "quotation", type: "statistic" });
  });
});
