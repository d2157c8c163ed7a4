/** Prediction cues and the date each prediction resolves on, against the article's publication date. */
import { describe, expect, it } from "vitest";
import { suggestClaims } from "@/lib/suggestions";
import { findPredictionCue } from "@/lib/suggestions/predictions";

const predict = (body: string, publishedAt = "2024-11-04T18:35:00+09:00") =>
  suggestClaims(body, { publishedAt, speakers: [], outlet: "Test Daily" }).filter((s) => s.type === "prediction");

describe("prediction cues", () => {
  it.each([
    ["Kim is expected to visit Russia.", "is expected to", "strong"],
    ["The plant will close.", "will", "strong"],
    ["The firm plans to cut 1,200 jobs.", "plans to", "strong"],
    ["Choe is scheduled to arrive in Moscow.", "is scheduled to", "strong"],
    ["The deal is set to be signed.", "is set to", "strong"],
    ["They are likely to include stronger cooperation.", "are likely to", "strong"],
    ["The company aims to reach a 10 percent margin.", "aims to", "strong"],
    ["Nordhavn expects revenue growth of 8 percent.", "expects", "strong"],
    ["The visit could lay the groundwork.", "could", "weak"],
    ["Prices may rise.", "may", "weak"],
    ["She said the board would propose a dividend.", "would", "strong"],
  ])("%s -> '%s' (%s)", (text, cue, strength) => {
    expect(findPredictionCue(text)).toMatchObject({ text: cue, strength });
  });

  it.each([
    ["Its upcoming visit may have been discussed."],
    ["The studies could not prove that walking caused it."],
    ["It beat analysts’ forecasts."],
    ["One cancelled project and the guidance is gone."],
    ["It is the will of the people."],
    ["The meeting took place in May."],
  ])("finds no prediction in: %s", (text) => {
    expect(findPredictionCue(text)?.strength ?? "none").not.toBe("strong");
    expect(predict(text)).toEqual([]);
  });
});

describe("predictions with dates", () => {
  it("resolves 'Feb. 23 next year' in a quotation to one day", () => {
    const [s] = predict("“Kim is expected to visit Russia on Feb. 23 next year, on the occasion of 'Defender of the Fatherland Day,'” said Doo Jin-ho.");
    expect(s).toMatchObject({ kind: "quotation", resolvesOn: "2025-02-23", resolvesRange: null, speakerName: "Doo Jin-ho" });
    expect(s!.typeCue?.text).toBe("is expected to");
  });

  it("resolves a weekday forwards from a Tuesday paper", () => {
    const [s] = predict("Russian state media reported that Choe is scheduled to arrive in Moscow on Wednesday.", "2024-10-29T00:00:00+09:00");
    expect(s).toMatchObject({ resolvesOn: "2024-10-30", speakerName: "Russian state media" });
  });

  it("takes the date of the sentence around an embedded quotation", () => {
    const [s] = predict("Hyun said he expects Pyongyang and Moscow will “discuss their joint response strategy and plan the timeline,” which he said could happen next year.", "2024-10-29T00:00:00+09:00");
    expect(s).toMatchObject({ kind: "quotation", resolvesRange: { from: "2025-01-01", to: "2025-12-31" } });
  });

  it("skips a date that belongs to a past clause ('…, which was mooted in June')", () => {
    const [s] = predict("Observers believe the visit could lay the groundwork for a summit, which was mooted in June.");
    expect(s).toMatchObject({ resolvesOn: null, resolvesRange: null });
  });

  it("gives coordinated predictions one suggestion each, with their own dates and the shared speaker", () => {
    const out = predict(
      "Construction on the bridge is set to begin next summer, and the city plans to repave 14 miles of streets by the end of 2025, the mayor said.",
      "2024-06-18T06:00:00-05:00",
    );
    expect(out.map((s) => [s.quote, s.resolvesRange])).toEqual([
      ["Construction on the bridge is set to begin next summer", { from: "2025-06-01", to: "2025-08-31" }],
      ["the city plans to repave 14 miles of streets by the end of 2025", { from: "2024-06-18", to: "2025-12-31" }],
    ]);
  });

  it("takes a present-tense sentence about a day soon after publication as a prediction", () => {
    expect(predict("The council votes on his proposal on April 9.", "2024-03-28T05:00:00-04:00")[0]).toMatchObject({ resolvesOn: "2024-04-09" });
    expect(predict("The new budget takes effect July 1.", "2024-06-18T06:00:00-05:00")[0]).toMatchObject({ resolvesOn: "2024-07-01" });
    // a bare month in a present-tense narrative is as likely the one just gone
    expect(predict("During the state visit in June, the pair signs a treaty.", "2024-10-29T00:00:00+09:00")).toEqual([]);
  });

  it("ranges, never a guessed day, for periods", () => {
    const [s] = predict("The company aims to reach an operating margin of 10 percent by 2030.", "2025-02-06T07:30:00+01:00");
    expect(s).toMatchObject({ resolvesOn: null, resolvesRange: { from: "2025-02-06", to: "2030-12-31" } });
  });
});
