/** Who said it: cue verbs in both orders, back-references, existing speakers by alias, new speakers with their descriptions. */
import { describe, expect, it } from "vitest";
import { suggestClaims, type Suggestion } from "@/lib/suggestions";
import { SEED_SPEAKERS } from "./fixtures";

const run = (body: string, speakers = SEED_SPEAKERS, outlet: string | null = "The Daily Test") =>
  suggestClaims(body, { publishedAt: "2024-11-04T18:35:00+09:00", speakers, outlet });
const speakerOf = (out: Suggestion[], quote: string) => out.find((s) => s.quote.startsWith(quote))?.speakerName ?? null;

describe("speech cues in both orders", () => {
  it.each([
    [`"The plan will fail," said Jane Porter, a lawyer in Leeds.`, "Jane Porter"],
    [`"The plan will fail," Jane Porter said.`, "Jane Porter"],
    [`"The plan will fail," Jane Porter told reporters on Monday.`, "Jane Porter"],
    [`Jane Porter said, "The plan will fail."`, "Jane Porter"],
    [`Jane Porter said that "the plan will fail badly."`, "Jane Porter"],
    [`Jane Porter told the BBC that "the plan will fail badly."`, "Jane Porter"],
    [`Jane Porter was blunt: "The plan will fail."`, "Jane Porter"],
    [`Jane Porter, who chairs the committee, said: "The plan will fail."`, "Jane Porter"],
    [`"The plan will fail," Jane Porter, the committee chair, said.`, "Jane Porter"],
    [`"The plan will fail," according to Jane Porter.`, "Jane Porter"],
    [`"The plan will fail," the company said in a statement.`, null],
  ])("%s", (body, speaker) => {
    expect(speakerOf(run(body, []), "The plan will fail") ?? speakerOf(run(body, []), "the plan will fail")).toBe(speaker);
  });

  it.each(["said", "says", "told reporters", "added", "argued", "warned", "noted", "stressed", "explained", "claimed", "insisted", "wrote", "asked"])(
    "knows the cue '%s'",
    (cue) => {
      const out = run(`"Prices will keep rising this winter," Jane Porter ${cue}.`, []);
      expect(out[0]).toMatchObject({ kind: "quotation", speakerName: "Jane Porter" });
      expect(out[0]!.cue?.text).toBe(cue.split(" ")[0]);
    },
  );
});

describe("pointing back", () => {
  it("resolves he/she to the last person named", () => {
    const out = run("Gloria Reyes, who has lived on Elm Street for 31 years, said the potholes had not been fixed. “I’ll pay if I can see the trucks,” she said.", []);
    expect(speakerOf(out, "I’ll pay")).toBe("Gloria Reyes");
  });

  it("skips a person whose gender an honorific or an earlier pronoun fixed", () => {
    const out = run("Ms. Teresa Okafor backed the plan. Mr. Dan Whitlock opposed it.\n\n“We looked at every line,” she said.\n\n“I cannot support that,” he said.", []);
    expect(speakerOf(out, "We looked")).toBe("Teresa Okafor");
    expect(speakerOf(out, "I cannot")).toBe("Dan Whitlock");
  });

  it("resolves a title to the last person whose title or description holds it", () => {
    const out = run(
      "Mayor Teresa Okafor backed the plan. Councilmember Dan Whitlock opposed it.\n\n“We looked at every line,” the mayor said.",
      [],
    );
    expect(speakerOf(out, "We looked")).toBe("Teresa Okafor");
  });

  it("resolves a title through an existing speaker's description ('the Russian president')", () => {
    const out = run("The Russian president also argued that what the two countries do together “is nobody else's business at all.”");
    expect(out.find((s) => s.kind === "quotation")).toMatchObject({ speakerName: "Vladimir Putin", speakerId: expect.any(Number) });
  });

  it("resolves a surname to the last full name with it, first or last (Korean order)", () => {
    const out = run(
      "Lim Eul-chul, a professor at Kyungnam University, spoke first. Lucía Fernández Ibarra followed.\n\n“This is a sign of cooperation,” Lim said. “It will not last,” Fernández said.",
      [],
    );
    expect(speakerOf(out, "This is a sign")).toBe("Lim Eul-chul");
    expect(speakerOf(out, "It will not last")).toBe("Lucía Fernández Ibarra");
  });

  it("gives 'the statement' to the organisation or group that issued it", () => {
    const out = run("“The situation is in line,” the two sides said.\n\n“Both reaffirmed their commitment to the treaty,” the statement added.", []);
    expect(speakerOf(out, "Both reaffirmed")).toBe("the two sides");
  });

  it("carries the speaker of a broken quote and of a quotation continued over paragraphs", () => {
    const out = run(`"You knew where it was meant to go," the judge, Helen Marsh, told him. "It was meant for nurses.\n\n"I accept you are sorry."`, []);
    expect(out.filter((s) => s.kind === "quotation").map((s) => s.speakerName)).toEqual(["Helen Marsh", "Helen Marsh", "Helen Marsh"]);
  });

  it("gives a quotation opening a paragraph to the speaker the previous paragraph introduced with a colon", () => {
    const out = run("Dr. Amara Singh put it this way:\n\n“The trial will tell us within a year whether the drug works.”", []);
    expect(out.find((s) => s.kind === "quotation")?.speakerName).toBe("Amara Singh");
  });
});

describe("matching existing speakers and proposing new ones", () => {
  it("matches names through aliases, ignoring case, hyphens and spacing", () => {
    const out = run("“We will strengthen our ties,” said Foreign Minister Choe Son-hui. “The visit was useful,” CHOE SON HEE said.");
    expect(out.filter((s) => s.kind === "quotation").map((s) => [s.speakerName, s.speakerId])).toEqual([
      ["Choe Son Hui", 100],
      ["Choe Son Hui", 100],
    ]);
  });

  it("proposes a new speaker with the description its apposition gives", () => {
    const out = run("“Discussing each clause is a sign of accelerating cooperation,” said Park Ji-won, a professor at Kyungnam University's Institute for Far Eastern Studies.", []);
    expect(out[0]).toMatchObject({
      speakerName: "Park Ji-won",
      speakerDescription: "a professor at Kyungnam University's Institute for Far Eastern Studies",
    });
    expect(out[0]!.speakerId).toBeUndefined();
    const span = out[0]!.speakerSpan!;
    expect(out[0] && "“Discussing each clause is a sign of accelerating cooperation,” said Park Ji-won, a professor".slice(span.start, span.end)).toBe("Park Ji-won");
  });

  it("takes the description before a name ('Mexico's economy minister, Lucía Fernández Ibarra,')", () => {
    const out = run(`Mexico's economy minister, Lucía Fernández Ibarra, was blunt: "The tariffs are costing Mexican workers their jobs."`, []);
    expect(out[0]).toMatchObject({ speakerName: "Lucía Fernández Ibarra", speakerDescription: "Mexico's economy minister" });
  });

  it("gives an unnamed official's words to the organisation, described as such", () => {
    const out = run("An official from South Korea’s Unification Ministry told reporters that Seoul “anticipates possible coordination on specific responses.”", []);
    expect(out[0]).toMatchObject({ speakerName: "Unification Ministry", speakerDescription: "An official from South Korea’s Unification Ministry" });
  });

  it("attributes a reported claim with no speaker to the article itself (the outlet, or null)", () => {
    const body = "The treaty was signed by the two leaders in June, and 3,400 troops were deployed in October.";
    expect(run(body, [], "Kyunghyang Shinmun")[0]).toMatchObject({ kind: "reported", speakerName: "Kyunghyang Shinmun", speakerSpan: null });
    expect(run(body, [], null)[0]!.speakerName).toBeNull();
  });

  it("attributes 'according to' and 'X reported that' to their source", () => {
    const out = run("According to the state-controlled Korean Central News Agency, Choe was seen off by 3,000 people. Russian state media reported that Choe is scheduled to arrive in Moscow on Wednesday.");
    expect(out.map((s) => [s.quote, s.speakerName])).toEqual([
      ["Choe was seen off by 3,000 people", "Korean Central News Agency"],
      ["Choe is scheduled to arrive in Moscow on Wednesday", "Russian state media"],
    ]);
  });
});

describe("names with titles", () => {
  it.each([
    ["Secretary of State Marco Rubio", "Marco Rubio"],
    ["Russian Foreign Minister Sergei Ivanov", "Sergei Ivanov"],
    ["the General Administration of Customs of China", "General Administration of Customs of China"],
    ["Rep. Kim Yun-duk", "Kim Yun-duk"],
    ["European Commission President Ursula von der Leyen", "Ursula von der Leyen"],
  ])("%s speaks as %s", (name, expected) => {
    const out = run(`"The measures will take effect next month," ${name} said.`, []);
    expect(out[0]!.speakerName).toBe(expected);
  });
});

describe("unnamed voices of named bodies", () => {
  it.each([
    [`"Pyongyang has not provided details," South Korea's Unification Ministry official said.`, "Unification Ministry"],
    [`"We will not negotiate under pressure," a spokesperson for the Department of Health said.`, "Department of Health"],
    [`"The troops are present in the Kursk region," NATO's secretary general, Mark Rutte, said.`, "Mark Rutte"],
    [`"The talks are private and will stay private," a senior U.S. official said.`, "senior U.S. official"],
  ])("%s", (body, speaker) => {
    expect(run(body, [])[0]!.speakerName).toBe(speaker);
  });
});
