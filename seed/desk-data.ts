/**
 * The demo desk: three crawled articles, the people and outlets in them, the
 * claims a desk would capture, and a few verdicts with cross-source evidence.
 * Quotes are exact text of the cleaned bodies (typographic quotes included);
 * the seed anchors each one and fails loudly if a quote is missing or ambiguous.
 */
import type { ClaimStatus, ClaimType, SpeakerKind, Stance } from "@/db/schema";

export type ArticleKey = "kyunghyang" | "joongang" | "editorial";

export const ARTICLES: Record<
  ArticleKey,
  {
    file: string;
    outlet: string;
    /** the publisher's UTC offset, for times the text gives as local wall-clock */
    offset: string;
    /** when the text carries no date: the date worked out by hand, and why */
    fallbackPublished?: { local: string; precision: "date"; why: string };
    language: string;
  }
> = {
  kyunghyang: { file: "000_9768125626ae8cb3.txt", outlet: "Kyunghyang Shinmun", offset: "+09:00", language: "en" },
  joongang: {
    file: "001_7f7adecc573b4fe9.txt",
    outlet: "Korea JoongAng Daily",
    offset: "+09:00",
    language: "en",
    fallbackPublished: {
      local: "2024-10-29T00:00",
      precision: "date",
      why: "The text says only “on Tuesday”: Choe reached Vladivostok on Tuesday 29 October 2024.",
    },
  },
  editorial: {
    file: "004_dc732247863a8d02.txt",
    outlet: "Unnamed aggregator (republished Korean editorial)",
    offset: "+09:00",
    language: "en",
  },
};

export const SPEAKERS: Array<{ name: string; kind: SpeakerKind; description: string; aliases: string[] }> = [
  {
    name: "Choe Son Hui",
    kind: "person",
    description: "North Korean Foreign Minister",
    aliases: ["Choe Son Hee", "Choe Son-hui", "Choe Son-hee", "Choe", "Choi", "Foreign Minister Choe Son-hui"],
  },
  {
    name: "Kim Jong-un",
    kind: "person",
    description: "Leader of North Korea",
    aliases: ["Kim", "Chairman Kim Jong-un", "North Korean leader Kim Jong-un", "Kim Jong Un"],
  },
  {
    name: "Vladimir Putin",
    kind: "person",
    description: "President of Russia",
    aliases: ["Putin", "Russian President Vladimir Putin"],
  },
  { name: "Sergey Lavrov", kind: "person", description: "Russian Foreign Minister", aliases: ["Lavrov", "Sergei Lavrov"] },
  { name: "Mark Rutte", kind: "person", description: "Secretary General of NATO", aliases: ["Rutte"] },
  {
    name: "Doo Jin-ho",
    kind: "person",
    description: "Head of the International Studies Division, Korea Institute for National Defense Analyses",
    aliases: ["Doo Jin-ho (KIDA)"],
  },
  {
    name: "Lim Eul-chul",
    kind: "person",
    description: "Professor, Kyungnam University's Institute for Far Eastern Studies",
    aliases: ["Lim Eul-chul (Kyungnam University)"],
  },
  {
    name: "Hyun Seung-soo",
    kind: "person",
    description: "Deputy director, Korea Institute for National Reunification",
    aliases: ["Hyun Seung-soo (KINU)"],
  },
  { name: "Kyunghyang Shinmun", kind: "organization", description: "South Korean daily newspaper", aliases: ["경향신문", "Kyunghyang"] },
  {
    name: "Korea JoongAng Daily",
    kind: "organization",
    description: "English-language daily of the JoongAng Ilbo group",
    aliases: ["코리아중앙데일리", "JoongAng Daily"],
  },
  {
    name: "Unnamed aggregator (republished Korean editorial)",
    kind: "organization",
    description: "News aggregator republishing a Korean newspaper editorial (사설)",
    aliases: ["Editorial (004)"],
  },
  { name: "Rodong Sinmun", kind: "organization", description: "Newspaper of the Workers' Party of Korea", aliases: ["Rodong"] },
  {
    name: "Korean Central News Agency",
    kind: "organization",
    description: "North Korean state news agency",
    aliases: ["KCNA", "North Korean media", "Pyongyang’s state media"],
  },
  { name: "Russian state media", kind: "organization", description: "Russian state-controlled news outlets", aliases: ["TASS", "RIA Novosti"] },
  {
    name: "General Administration of Customs of China",
    kind: "organization",
    description: "China's customs authority",
    aliases: ["China Customs", "GACC"],
  },
];

export type SeedClaim = {
  key: string;
  article: ArticleKey;
  quote: string;
  speaker: string;
  type: ClaimType;
  proposition: string;
  resolvesOn?: string;
};

export const CLAIMS: SeedClaim[] = [
  // Kyunghyang Shinmun, 2024-11-04
  {
    key: "feb23-visit",
    article: "kyunghyang",
    quote: "Kim is expected to visit Russia on Feb. 23 next year, on the occasion of 'Defender of the Fatherland Day,'",
    speaker: "Doo Jin-ho",
    type: "prediction",
    proposition: "Kim Jong-un will visit Russia on 23 February 2025, Defender of the Fatherland Day.",
    resolvesOn: "2025-02-23",
  },
  {
    key: "11th-corps",
    article: "kyunghyang",
    quote: "under Article 4 of the treaty, the North Korean military's 11th Army Corps was deployed to Russia",
    speaker: "Kyunghyang Shinmun",
    type: "statement",
    proposition: "North Korea's 11th Army Corps was deployed to Russia under Article 4 of the North Korea–Russia treaty.",
  },
  {
    key: "moscow-oct30",
    article: "kyunghyang",
    quote: "Choi arrived in Moscow on October 30",
    speaker: "Kyunghyang Shinmun",
    type: "statement",
    proposition: "Choe Son Hui arrived in Moscow on 30 October 2024.",
  },
  {
    key: "strategic-dialogue",
    article: "kyunghyang",
    quote:
      "North Korean Foreign Minister Choe Son Hee and Russian Foreign Minister Sergey Lavrov held a strategic dialogue in Moscow on November 1 (local time)",
    speaker: "Rodong Sinmun",
    type: "attribution",
    proposition: "Choe Son Hui and Sergey Lavrov held a strategic dialogue in Moscow on 1 November 2024.",
  },
  {
    key: "us-main-cause",
    article: "kyunghyang",
    quote: "the main cause of the deterioration of the situation is the provocative behavior of the United States and its followers.",
    speaker: "Choe Son Hui",
    type: "statement",
    proposition: "The United States and its allies are the main cause of the deteriorating situation.",
  },
  {
    key: "treaty-commitment",
    article: "kyunghyang",
    quote:
      "The two sides reaffirmed their firm commitment to the exact implementation of the provisions of the Treaty on Comprehensive Strategic Partnership",
    speaker: "Choe Son Hui",
    type: "statement",
    proposition: "North Korea and Russia reaffirmed their commitment to implementing the Treaty on Comprehensive Strategic Partnership.",
  },
  {
    key: "russian-support",
    article: "kyunghyang",
    quote:
      "The Russian side expressed its full support for the steps being taken by the national leadership of the Democratic People's Republic of Korea (DPRK)",
    speaker: "Sergey Lavrov",
    type: "statement",
    proposition: "Russia fully supports the steps taken by North Korea's leadership.",
  },
  {
    key: "treaty-signed-june",
    article: "kyunghyang",
    quote: "The treaty was signed by Russian President Vladimir Putin and Kim in June",
    speaker: "Kyunghyang Shinmun",
    type: "statement",
    proposition: "Putin and Kim Jong-un signed the North Korea–Russia treaty in June 2024.",
  },
  {
    key: "hwasong-19",
    article: "kyunghyang",
    quote: "the launch of a new intercontinental ballistic missile (ICBM), the Hwasong-19, on October 31",
    speaker: "Kyunghyang Shinmun",
    type: "statement",
    proposition: "North Korea launched a new ICBM, the Hwasong-19, on 31 October 2024.",
  },
  {
    key: "lim-clauses",
    article: "kyunghyang",
    quote:
      "Discussing each clause within four months after the signing of the North Korea-Russia treaty is a sign of accelerating multifaceted cooperation",
    speaker: "Lim Eul-chul",
    type: "statement",
    proposition: "Clause-by-clause talks four months after signing show cooperation is accelerating.",
  },
  // Korea JoongAng Daily, 2024-10-29
  {
    key: "vladivostok-tuesday",
    article: "joongang",
    quote: "North Korean Foreign Minister Choe Son-hui arrived in the eastern port city of Vladivostok on Tuesday",
    speaker: "Russian state media",
    type: "attribution",
    proposition: "Choe Son Hui arrived in Vladivostok on Tuesday 29 October 2024.",
  },
  {
    key: "moscow-wednesday",
    article: "joongang",
    quote: "Choe is scheduled to arrive in Moscow on Wednesday",
    speaker: "Russian state media",
    type: "prediction",
    proposition: "Choe Son Hui will arrive in Moscow on Wednesday 30 October 2024.",
    resolvesOn: "2024-10-30",
  },
  {
    key: "rutte-kursk",
    article: "joongang",
    quote: "North Korean troops are present in the Kursk region in western Russia",
    speaker: "Mark Rutte",
    type: "statement",
    proposition: "North Korean troops are in Russia's Kursk region.",
  },
  {
    key: "third-visit",
    article: "joongang",
    quote: "Monday’s trip marks Choe’s third known visit to Russia this year",
    speaker: "Korea JoongAng Daily",
    type: "statistic",
    proposition: "The October 2024 trip was Choe Son Hui's third known visit to Russia in 2024.",
  },
  {
    key: "hyun-timeline",
    article: "joongang",
    quote:
      "discuss their joint response strategy for the aftermath of the U.S. presidential election, as well as plan the timeline for Kim’s visit to Russia",
    speaker: "Hyun Seung-soo",
    type: "prediction",
    proposition: "Pyongyang and Moscow will plan the timeline of a Kim Jong-un visit to Russia, which could happen in 2025.",
    resolvesOn: "2025-12-31",
  },
  {
    key: "mutual-defense",
    article: "joongang",
    quote: "the pair signed what the two countries called a “comprehensive strategic treaty” that included a mutual defense clause",
    speaker: "Korea JoongAng Daily",
    type: "statement",
    proposition: "In June 2024 Putin and Kim signed a treaty with a mutual defence clause.",
  },
  {
    key: "our-business",
    article: "joongang",
    quote: "what Pyongyang and Moscow “do within the framework” of their treaty is “our business.”",
    speaker: "Vladimir Putin",
    type: "attribution",
    proposition: "What North Korea and Russia do under their treaty concerns no one else.",
  },
  // Editorial, 2024-01-21
  {
    key: "putin-willing",
    article: "editorial",
    quote: "Russian President Vladimir Putin expressed “willingness to visit as soon as possible”",
    speaker: "Korean Central News Agency",
    type: "attribution",
    proposition: "Putin is willing to visit North Korea as soon as possible.",
  },
  {
    key: "new-legal-basis",
    article: "editorial",
    quote:
      "achieved a consensus and satisfactory agreement on the issue of establishing and expanding and developing the relationship between the two countries on a new legal basis.",
    speaker: "Korean Central News Agency",
    type: "statement",
    proposition: "North Korea and Russia agreed to put their relationship on a new legal basis.",
  },
  {
    key: "visit-after-election",
    article: "editorial",
    quote: "Putin’s visit to North Korea will take place after the presidential election in March, but the timing may be brought forward",
    speaker: "Unnamed aggregator (republished Korean editorial)",
    type: "prediction",
    proposition: "Putin will visit North Korea after Russia's March 2024 presidential election.",
    resolvesOn: "2024-12-31",
  },
  {
    key: "first-in-24-years",
    article: "editorial",
    quote: "Putin’s visit to North Korea will be his first in 24 years since 2000",
    speaker: "Unnamed aggregator (republished Korean editorial)",
    type: "statistic",
    proposition: "Putin last visited North Korea in 2000.",
  },
  {
    key: "stronger-security",
    article: "editorial",
    quote: "North Korea and Russia are likely to include stronger mutual security and military cooperation through treaty revision or new agreement",
    speaker: "Unnamed aggregator (republished Korean editorial)",
    type: "prediction",
    proposition: "A new or revised North Korea–Russia treaty will include stronger mutual security and military cooperation.",
    resolvesOn: "2024-12-31",
  },
  {
    key: "trade-2-3bn",
    article: "editorial",
    quote: "the volume of trade between North Korea and China last year amounted to $2.3 billion, 2.4 times that of the year before",
    speaker: "General Administration of Customs of China",
    type: "statistic",
    proposition: "North Korea–China trade in 2023 was $2.3 billion, 2.4 times the 2022 figure.",
  },
  {
    key: "trade-82pct",
    article: "editorial",
    quote: "It has recovered to 82% of the level in 2019 before COVID-19.",
    speaker: "General Administration of Customs of China",
    type: "statistic",
    proposition: "North Korea–China trade in 2023 was 82% of its 2019 level.",
  },
];

export type SeedEvidence =
  | { stance: Stance; note: string; claim: string }
  | { stance: Stance; note: string; passage: { article: ArticleKey; quote: string } };

/** Verdicts in the order they were given; the reviewer demo account gives them. */
export const VERDICTS: Array<{ claim: string; status: ClaimStatus; rationale: string; evidence?: SeedEvidence[] }> = [
  {
    claim: "moscow-wednesday",
    status: "pending",
    rationale: "Schedule reported by Russian state media only; waiting for a report of the arrival itself.",
  },
  {
    claim: "moscow-wednesday",
    status: "corroborated",
    rationale:
      "Kyunghyang Shinmun (4 Nov) reports that Choe arrived in Moscow on 30 October 2024, which was a Wednesday: the schedule held.",
    // the passage, not the claim on it: linking the two claims is left to a reviewer (the related-claims panel offers it)
    evidence: [{ passage: { article: "kyunghyang", quote: "Choi arrived in Moscow on October 30" }, stance: "supports", note: "Arrival in Moscow on 30 October, a Wednesday." }],
  },
  {
    claim: "treaty-signed-june",
    status: "corroborated",
    rationale: "JoongAng Daily independently reports the treaty signed during Putin's June state visit to Pyongyang.",
    evidence: [{ claim: "mutual-defense", stance: "supports", note: "Signed during the June summit in Pyongyang." }],
  },
  {
    claim: "putin-willing",
    status: "corroborated",
    rationale: "Putin did visit: JoongAng Daily reports his state visit to Pyongyang for a summit with Kim in June 2024.",
    evidence: [
      {
        passage: { article: "joongang", quote: "During Putin’s subsequent state visit to Pyongyang for a summit with Kim in June" },
        stance: "supports",
        note: "The visit took place in June 2024.",
      },
    ],
  },
  {
    claim: "stronger-security",
    status: "corroborated",
    rationale:
      "The June 2024 treaty included a mutual defence clause (JoongAng), and Kyunghyang reports troops deployed under its Article 4.",
    evidence: [
      { claim: "mutual-defense", stance: "supports", note: "Mutual defence clause in the June treaty." },
      { claim: "11th-corps", stance: "context", note: "The clause in use: troops deployed under Article 4." },
    ],
  },
  {
    claim: "us-main-cause",
    status: "contradicted",
    rationale:
      "The statement leaves out North Korea's own escalation: NATO's Mark Rutte confirmed North Korean troops in Russia's Kursk region the week before.",
    evidence: [{ claim: "rutte-kursk", stance: "refutes", note: "North Korean troops confirmed in Kursk by NATO." }],
  },
];
