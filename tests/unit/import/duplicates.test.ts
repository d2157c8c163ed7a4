/**
 * Fixtures are invented wire copy (a fictional port and people), long enough
 * (~550 words) that one changed line moves the Jaccard the way it does on
 * real articles.
 */
import { describe, expect, it } from "vitest";
import {
  contentHash,
  duplicateFingerprint,
  estimateJaccard,
  exactJaccard,
  isNearDuplicate,
  lshBands,
  minhashSignature,
  normalizeForDuplicates,
} from "@/lib/import/duplicates";

const WIRE = `MARLOW BAY, March 4 (Coastal Wire) — Dockworkers at the port of Marlow Bay walked off the job on Tuesday after talks over a new contract collapsed late on Monday night, halting the loading of grain and container ships at the region’s busiest harbor.

The Harbor Workers’ Union said about 2,300 of its members joined the strike, which it called “open-ended” until the port authority returns to the table with what the union described as a serious offer on pay and shift patterns. The port authority said it had offered a raise of 41 percent over five years and called the walkout “regrettable and unnecessary.”

“We have been negotiating in good faith for eleven months,” said Irene Castell, the union’s chief negotiator, speaking outside the main gate where pickets gathered before dawn. “The authority wants longer shifts, fewer crews and a contract that ignores what inflation has done to our members’ wages.”

The port handles roughly a third of the region’s grain exports and most of its imported fuel. Shipping agents said at least fourteen vessels were waiting at anchor by Tuesday afternoon, and two container lines said they would divert calls to the smaller port of Hallin, about 90 kilometers to the north, if the strike lasted beyond the weekend.

Tomas Reyer, the port authority’s director, told reporters that the offer on the table was the most generous in the port’s history and that the authority could not accept the union’s demand to cap shifts at eight hours without hiring several hundred more workers. “Every ship that waits costs the farmers and the importers money,” he said. “We are ready to talk today, but not to sign a contract the port cannot afford.”

The regional transport ministry said it was monitoring the situation and urged both sides to accept mediation. A ministry spokeswoman said emergency rules allowed the government to order essential fuel deliveries to continue, but that it had not yet decided to use them.

Grain traders warned that a long stoppage would push up freight rates just as the spring harvest in the south begins to reach the coast. The Marlow Bay Chamber of Commerce estimated that each day of the strike would cost local businesses about 12 million in lost trade, a figure the union disputed as exaggerated.

The last major strike at the port, in 2016, lasted nineteen days and ended with a government-appointed mediator brokering a three-year deal. Several of the workers on the picket line on Tuesday said they had taken part in that strike as well.

“Back then they told us the port could not afford a raise either,” said Marta Oyelaran, a crane operator who has worked at the harbor for twenty-two years. “Then the port announced record profits two years later. We remember.”

Union leaders said they would hold a rally in the city center on Thursday and invited farmers’ associations, which depend on the port for exports, to join them. The farmers’ groups did not immediately respond to requests for comment.

The port authority said container terminals would remain open for trucks collecting cargo already unloaded, and that passenger ferries, which are operated by a separate company, were not affected by the strike.`;

// the same wire story picked up by another outlet: its own first line, the rest untouched, a credit at the end
const REPUBLISHED = WIRE.replace(
  /^MARLOW BAY.*?on Tuesday/,
  "NORTHERN LEDGER STAFF REPORT: Dockworkers in Marlow Bay went on strike on Tuesday",
).concat("\n\nThis story was first published by Coastal Wire and is republished with permission.");

// the same event, written up independently
const OTHER_ARTICLE = `Ships are piling up off Marlow Bay. A strike by port workers that began on Tuesday has left at least fourteen vessels idling offshore, and grain exporters say their spring shipments are at risk.

At the center of the dispute is the length of a working shift. The Harbor Workers’ Union wants shifts capped at eight hours; the port authority says that would force it to hire hundreds of new staff. Pay is the other sticking point, with the two sides far apart on how to make up for several years of high inflation.

For farmers in the south, the timing could hardly be worse. Harvest trucks are already on the road, and traders say freight rates to alternative ports such as Hallin have climbed since Monday. One exporter, who asked not to be named because his company is negotiating with shipping lines, said he had moved half of his cargo to rail.

Economists at the regional university cautioned against reading too much into early cost estimates. Strikes at ports tend to shift trade in time rather than destroy it, they said, unless the stoppage lasts long enough for buyers to find other suppliers.

The government has so far stayed out of the dispute, though officials say they are prepared to keep fuel moving if supplies run short. Mediation, which ended the last port strike in 2016, has been offered but not yet accepted by either side.`;

describe("normalizeForDuplicates and contentHash", () => {
  it("treats curly and straight quotes, dashes and rewrapped lines as the same text", () => {
    const typographic = "“We remember,” said Marta O’Neil — a crane\u00ad operator.\n\nThe port’s  offer\twas 41 percent.";
    const plain = '"We remember," said Marta O\'Neil - a crane operator. The port\'s offer was\n41 percent.';
    expect(normalizeForDuplicates(typographic)).toBe("we remember said marta oneil a crane operator the ports offer was 41 percent");
    expect(contentHash(typographic)).toBe(contentHash(plain));
  });

  it("folds compatibility forms (fullwidth, ligatures) and case", () => {
    expect(contentHash("ＭＡＲＬＯＷ Bay ﬁnal")).toBe(contentHash("marlow bay final"));
  });

  it("gives the whole wire story the same hash after rewrapping and retypesetting", () => {
    const rewrapped = WIRE.replace(/[’‘]/g, "'").replace(/[“”]/g, '"').replace(/—/g, "--").replace(/(\S+ \S+ \S+ \S+ \S+ \S+ \S+ \S+) /g, "$1\n");
    expect(rewrapped).not.toBe(WIRE);
    expect(contentHash(rewrapped)).toMatch(/^[0-9a-f]{64}$/);
    expect(contentHash(rewrapped)).toBe(contentHash(WIRE));
    expect(isNearDuplicate(WIRE, rewrapped)).toEqual({ jaccard: 1, duplicate: true });
  });

  it("keeps different words apart", () => {
    expect(contentHash("the port reopened")).not.toBe(contentHash("the port closed"));
  });
});

describe("near duplicates", () => {
  it("wire copy republished with a new first line and a closing credit is a near duplicate and an LSH candidate", () => {
    expect(contentHash(REPUBLISHED)).not.toBe(contentHash(WIRE));
    const exact = exactJaccard(WIRE, REPUBLISHED);
    expect(exact).toBeGreaterThanOrEqual(0.9);
    expect(exact).toBeLessThan(1);

    const a = minhashSignature(WIRE);
    const b = minhashSignature(REPUBLISHED);
    expect(Math.abs(estimateJaccard(a, b) - exact)).toBeLessThan(0.1);
    const bandsB = new Set(lshBands(b));
    expect(lshBands(a).some((key) => bandsB.has(key))).toBe(true);

    expect(isNearDuplicate(WIRE, REPUBLISHED)).toEqual({ jaccard: exact, duplicate: true });
  });

  it("a different article on the same event is not a duplicate", () => {
    const result = isNearDuplicate(WIRE, OTHER_ARTICLE);
    expect(result.duplicate).toBe(false);
    expect(result.jaccard).toBeLessThan(0.1);
    expect(estimateJaccard(minhashSignature(WIRE), minhashSignature(OTHER_ARTICLE))).toBeLessThan(0.2);
  });

  it("a story with one figure changed is still a near duplicate (the desk links it as a version, it does not import it twice)", () => {
    const corrected = WIRE.replace("41 percent", "43 percent");
    expect(contentHash(corrected)).not.toBe(contentHash(WIRE));
    const result = isNearDuplicate(WIRE, corrected);
    expect(result.duplicate).toBe(true);
    expect(result.jaccard).toBeGreaterThan(0.97);
    expect(result.jaccard).toBeLessThan(1);
  });

  it("handles texts shorter than one shingle, and empty ones", () => {
    expect(exactJaccard("Port strike", "port STRIKE!")).toBe(1);
    expect(exactJaccard("Port strike", "Port strike ends")).toBe(0);
    expect(estimateJaccard(minhashSignature("Port strike"), minhashSignature("port strike."))).toBe(1);
    expect(exactJaccard("", "  ")).toBe(1);
    expect(exactJaccard("", "Port strike")).toBe(0);
    expect(minhashSignature("")).toHaveLength(128);
    expect(isNearDuplicate("Port strike", "Fuel prices")).toEqual({ jaccard: 0, duplicate: false });
  });
});

describe("signatures and bands", () => {
  it("are deterministic, uint32, and stable across releases (stored signatures depend on it)", () => {
    const first = minhashSignature(WIRE);
    expect(minhashSignature(WIRE)).toEqual(first);
    expect(first).toHaveLength(128);
    expect(first.every((v) => Number.isInteger(v) && v >= 0 && v <= 0xffffffff)).toBe(true);
    // golden values: if this fails, old rows in the database no longer compare with new ones
    expect(first.slice(0, 4)).toEqual(GOLDEN_PREFIX);
    expect(lshBands(first)).toHaveLength(32);
    expect(lshBands(first)[0]).toMatch(/^00:[0-9a-f]{32}$/);
  });

  it("depend on the seed and the permutation count", () => {
    expect(minhashSignature(WIRE, { seed: 1 })).not.toEqual(minhashSignature(WIRE));
    expect(minhashSignature(WIRE, { permutations: 64 })).toHaveLength(64);
    expect(() => lshBands(minhashSignature(WIRE, { permutations: 64 }))).toThrow(/need 128/);
  });

  it("fingerprint bundles hash, signature and bands", () => {
    const print = duplicateFingerprint(WIRE);
    expect(print.contentHash).toBe(contentHash(WIRE));
    expect(print.bands).toEqual(lshBands(print.signature));
  });

  it("signs a 5 KB body in well under 2 ms", () => {
    let body = WIRE;
    while (Buffer.byteLength(body) < 5 * 1024) body += `\n\n${OTHER_ARTICLE}`;
    body = body.slice(0, 5 * 1024);
    for (let i = 0; i < 20; i++) minhashSignature(body); // warm the JIT
    const times: number[] = [];
    for (let i = 0; i < 50; i++) {
      const started = performance.now();
      minhashSignature(body);
      times.push(performance.now() - started);
    }
    times.sort((x, y) => x - y);
    const median = times[25]!;
    console.info(`minhashSignature, 5 KB body: median ${median.toFixed(3)} ms, fastest ${times[0]!.toFixed(3)} ms`);
    expect(median).toBeLessThan(2);
  });
});

const GOLDEN_PREFIX = [2298258, 2154872, 2876203, 121901];
