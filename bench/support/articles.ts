import { prng } from "./synthetic-desk";

/**
 * News articles as a crawler hands them over, for the import benchmarks: a
 * headline, a byline and a date line, about 5 KB of paragraphs with direct
 * quotations (said/told/according to, broken by attribution, after a colon),
 * predictions with dates and figures, and the furniture the cleaner takes out
 * (share bar, advertisement, newsletter box, related links, copyright). A
 * seeded generator: the same n gives the same article, and any two differ
 * far more than a near-duplicate would.
 */
const PLACES = ["Harbourton", "Millbrook", "Eastvale", "Norwick", "Castlereagh", "Dunmore", "Ashford", "Kingsport", "Riverbend", "Stonebridge", "Westmere", "Lakeside"];
const BODIES = ["city council", "school board", "port authority", "transit agency", "health trust", "housing board", "water utility", "county commission", "university senate", "police board"];
const TOPICS = ["budget", "rail extension", "flood barrier", "hospital wing", "bus network", "library hours", "recycling plant", "stadium lease", "tram depot", "bridge repair", "housing plan", "school merger"];
const FIRST = ["Maria", "Jonas", "Priya", "Tomasz", "Aisha", "Daniel", "Keiko", "Samuel", "Lucia", "Omar", "Grace", "Henrik", "Nadia", "Viktor", "Elena", "Marcus", "Ines", "Rafael", "Sunita", "Owen"];
const LAST = ["Okafor", "Lindqvist", "Natarajan", "Nowak", "Haddad", "Brennan", "Tanaka", "Achebe", "Ferreira", "Karimi", "Whitfield", "Berg", "Petrova", "Kovac", "Marsh", "Moreau", "Costa", "Rao", "Doyle", "Schmidt"];
const ROLES = ["the chair", "the finance director", "a professor of urban planning at the state university", "the union's regional secretary", "the opposition leader", "a spokesperson for the residents' association", "the chief engineer", "the deputy mayor"];
const VERBS = ["said", "told reporters", "added", "warned", "argued", "said in a statement", "told the meeting"];
const OUTLETS = ["The Harbour Gazette", "Millbrook Courier", "Eastvale Evening Post", "Norwick Herald", "The Valley Ledger", "Kingsport Tribune"];
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const CLAUSES = [
  "which had been delayed twice since the last election",
  "after months of public consultation and two independent reviews",
  "despite objections from several neighbourhood groups",
  "in what officials described as the largest investment in a generation",
  "although the final cost remains subject to a tender process",
  "while critics questioned whether the projected savings were realistic",
  "following a report that found maintenance had been deferred for years",
  "as part of a wider plan to cut journey times across the district",
];
const VOICES = [
  "We have waited long enough for this, and residents deserve to see the work begin",
  "The numbers simply do not add up, and we will keep asking for the full accounts",
  "This is the most important decision the board will take in a decade",
  "Nobody wants higher bills, but the alternative is a system that fails when it is needed most",
  "We listened to every objection and changed the plan where the evidence was clear",
  "I have seen these promises before, and I will believe them when the first contract is signed",
  "The risk of doing nothing is far greater than the cost of doing it properly",
  "Our members are worried about jobs, and nobody has given them straight answers yet",
];

export function benchArticle(n: number): { name: string; text: string } {
  const rng = prng(0xa471c1e + n * 7919);
  const place = rng.pick(PLACES);
  const body = rng.pick(BODIES);
  const topic = rng.pick(TOPICS);
  const outlet = rng.pick(OUTLETS);
  const person = () => `${rng.pick(FIRST)} ${rng.pick(LAST)}`;
  const money = () => `$${(rng.int(900) + 10) / 10} million`;
  const percent = () => `${rng.int(60) + 2}%`;
  const month = rng.int(12);
  const year = 2024 + rng.int(3);
  const reporter = person();
  const speakers = [person(), person(), person()];
  const lines: string[] = [
    `${place} ${body} backs ${topic} plan worth ${money()} (report ${n})`,
    `By ${reporter}, Staff Writer`,
    `Published: ${MONTHS[month]} ${1 + rng.int(28)}, ${year} at ${1 + rng.int(11)}:${String(rng.int(60)).padStart(2, "0")} ${rng.next() < 0.5 ? "a.m." : "p.m."}`,
    "Share this article",
  ];
  let size = lines.join("\n").length;
  let i = 0;
  while (size < 5000) {
    const who = speakers[i % speakers.length]!;
    const voice = rng.pick(VOICES);
    const paragraph = [
      `The ${body} in ${place} voted ${5 + rng.int(4)}-${rng.int(4)} on ${rng.pick(["Monday", "Tuesday", "Wednesday", "Thursday"])} to approve the ${topic} plan, ${rng.pick(CLAUSES)}, report ${n}-${i}.`,
      `"${voice}," ${who}, ${rng.pick(ROLES)}, ${rng.pick(VERBS)}. "${rng.pick(VOICES)}."`,
      `Spending on the ${topic} rose ${percent()} last year to ${money()}, according to figures published by the ${body} in ${MONTHS[rng.int(12)]}.`,
      `Work is expected to begin next ${rng.pick(["spring", "summer", "autumn"])} and the first phase is scheduled to open by ${year + 2 + rng.int(4)}, officials said.`,
      `${who.split(" ")[1]} was blunt: "${rng.pick(VOICES)}."`,
      `The ${body} plans to hold a public meeting on ${MONTHS[rng.int(12)]} ${1 + rng.int(28)}, when residents will be able to question the ${rng.pick(["contractors", "engineers", "auditors", "planners"])} about ${rng.pick(CLAUSES)}.`,
    ][i % 6]!;
    lines.push(paragraph);
    if (i === 3) lines.push("Advertisement");
    if (i === 7) lines.push("Sign up for our newsletter");
    if (i === 11) lines.push(`Read more: ${place} ${rng.pick(BODIES)} faces questions over ${rng.pick(TOPICS)}`);
    size += paragraph.length + 1;
    i++;
  }
  lines.push(`${reporter.toLowerCase().replace(" ", ".")}@${outlet.toLowerCase().replace(/^the /, "").replace(/\s+/g, "")}.example`);
  lines.push(`Copyright © ${year} ${outlet}. All rights reserved.`);
  lines.push(`- ${place} ${rng.pick(TOPICS)} hearing postponed`, `- ${rng.pick(PLACES)} ${rng.pick(BODIES)} elects new chair`, `- Weather: a wet week ahead`);
  return { name: `article-${String(n).padStart(4, "0")}.txt`, text: lines.join("\n") };
}
