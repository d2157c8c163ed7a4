/**
 * Rules about where a line sits on the page, added after six unseen articles:
 * the site's name and menu over the headline, a wire's tag before it, the
 * zone of an American dateline or of the page's own printed times, a byline
 * block in HTML, and a newsletter's header in Markdown.
 */
import { describe, expect, it } from "vitest";
import { datelineZone, withoutWireTag } from "@/lib/import/metadata";
import { prepareArticle } from "@/lib/import/prepare";

const STORY =
  "WARREN, Mich. (WXYZ) — About 12,000 homes are under a boil water advisory after a water main burst early Tuesday, officials told 7 News Detroit.";
const MORE = "Crews expect to restore pressure to most homes by Thursday morning, the public works director said.";

describe("the masthead and menu over the headline", () => {
  it("does not take the site's name for the title, and names the outlet from it", () => {
    const prepared = prepareArticle(["7 News Detroit", "Local News", "Boil water advisory issued for 12,000 Warren homes", STORY, MORE].join("\n"), "text");
    expect(prepared.metadata.title).toBe("Boil water advisory issued for 12,000 Warren homes");
    expect(prepared.metadata.outlet).toBe("7 News Detroit");
    expect(prepared.removed.slice(0, 2)).toEqual([
      { line: "7 News Detroit", reason: "header" },
      { line: "Local News", reason: "navigation" },
    ]);
    expect(prepared.body).toBe(`${STORY}\n\n${MORE}`);
  });

  it("takes a known outlet's name over the headline as the masthead", () => {
    const prepared = prepareArticle(["Yonhap News Agency", "National", "Politics", "Economy", "Chip tax credits extended through 2029", MORE].join("\n"), "text");
    expect(prepared.metadata).toMatchObject({ title: "Chip tax credits extended through 2029", outlet: "Yonhap News Agency" });
    expect(prepared.removed.filter((r) => r.reason === "navigation").map((r) => r.line)).toEqual(["National", "Politics", "Economy"]);
  });

  it("keeps a short headline over its story, and a headline with an outlet word that the page does not repeat", () => {
    expect(prepareArticle("Dam Opens\nThe dam opened on Monday, officials said.", "text").metadata.title).toBe("Dam Opens");
    expect(prepareArticle("Opinion\nThe dam opened on Monday, officials said.", "text").metadata.title).toBe("Opinion");
    const fox = prepareArticle(["Fox News Sued", "Anchor Leaves Network After Ten Years", MORE].join("\n"), "text");
    expect(fox.metadata.title).toBe("Fox News Sued");
  });

  it("keeps a one- or two-word line inside the story", () => {
    const quote = "“No.”";
    const prepared = prepareArticle(["Council rejects parking plan", MORE, quote, "National Guard troops arrived on Friday, the governor said."].join("\n"), "text");
    expect(prepared.body).toBe([MORE, quote, "National Guard troops arrived on Friday, the governor said."].join("\n\n"));
  });
});

describe("a wire's tag before the headline", () => {
  it.each([
    ["(LEAD) S. Korea to extend chip tax credits through 2029", "S. Korea to extend chip tax credits through 2029"],
    ["(2nd LD) N. Korea fires ballistic missile into East Sea", "N. Korea fires ballistic missile into East Sea"],
    ["(URGENT) Yoon declares martial law", "Yoon declares martial law"],
    ["(News Focus) Why chipmakers want longer credits", "Why chipmakers want longer credits"],
    ["(UPDATE 2) Oil prices climb on supply fears", "Oil prices climb on supply fears"],
    ["(EDITORIAL from Korea Times) A budget without a plan", "A budget without a plan"],
  ])("strips %s", (title, want) => expect(withoutWireTag(title)).toBe(want));

  it.each(["(Un)happy returns for the tax office", "(Almost) everyone agrees on the budget", "(Almost) Everyone Agrees on the Budget", "(on background) officials describe the talks", "Council passes budget (again)"])(
    "keeps %s",
    (title) => expect(withoutWireTag(title)).toBe(title),
  );

  it("applies to the title read from the text", () => {
    expect(prepareArticle(`(LEAD) Chip tax credits extended through 2029\n${MORE}`, "text").metadata.title).toBe("Chip tax credits extended through 2029");
  });
});

describe("the zone of a time printed without one", () => {
  const at = (text: string) => prepareArticle(text, "text").metadata.publishedAt;

  it("takes an American dateline's state or city", () => {
    expect(at(["Headline", "Posted 5:48 PM, Feb 18, 2025", STORY].join("\n"))).toBe("2025-02-18T17:48:00-05:00");
    expect(at(["Headline", "Posted 5:48 PM, Jul 18, 2025", STORY].join("\n"))).toBe("2025-07-18T17:48:00-04:00");
    expect(at(["Headline", "Published: July 1, 2025 at 9:00 a.m.", "PHOENIX (AP) — Temperatures hit 118 degrees on Tuesday, forecasters said."].join("\n"))).toBe("2025-07-01T09:00:00-07:00");
    expect(at(["Headline", "Published: July 1, 2025 at 9:00 a.m.", "SEATTLE — The ferry strike ended on Tuesday, the union said."].join("\n"))).toBe("2025-07-01T09:00:00-07:00");
  });

  it("lets a zone written in the text win over the dateline", () => {
    expect(at(["Headline", "Updated 9:47 PM EDT, March 13, 2025", STORY].join("\n"))).toBe("2025-03-13T21:47:00-04:00");
  });

  it("reads no zone from a dateline that is not American", () => {
    expect(datelineZone("SEOUL, Jan. 5 (Yonhap) -- South Korea will extend tax credits")).toBeNull();
    expect(datelineZone("MANILA, Nov 18 (Reuters) - Typhoon Kalmaegi killed")).toBeNull();
    expect(datelineZone("NASA — the agency — said on Tuesday")).toBeNull();
    expect(at(["Headline", "Published: July 1, 2025 at 9:00 a.m.", "LONDON (AP) — The strike ended, the union said."].join("\n"))).toBe("2025-07-01T09:00:00+00:00");
  });

  it("writes a UTC time from page metadata in the zone the page prints its times in", () => {
    const page = `<html><head><meta property="article:published_time" content="2025-07-15T08:01:22.000Z"></head><body><article><h1>Hosepipe ban announced</h1>
      <p>First published on Tue 15 Jul 2025 09.01 BST</p>
      <p>${"Southern Water has confirmed a temporary use ban for 1.4 million customers in Hampshire, the company said. ".repeat(4)}</p>
      <p>16.20 BST</p><p>${MORE}</p></article></body></html>`;
    expect(prepareArticle(page, "html").metadata.publishedAt).toBe("2025-07-15T09:01:00+01:00");
    const winter = page.replaceAll("BST", "GMT").replace("2025-07-15", "2025-01-15").replace("15 Jul", "15 Jan");
    expect(prepareArticle(winter, "html").metadata.publishedAt).toBe("2025-01-15T08:01:00+00:00");
  });
});

describe("HTML bylines", () => {
  const body = `<p>${"Residents of a West Yorkshire town have been told new flood defences will not be finished until 2027, officials said. ".repeat(3)}</p><p>${MORE}</p>`;
  const orgAuthor = `<script type="application/ld+json">{"@type":"ReportageNewsArticle","headline":"Flood defences delayed","author":{"@type":"NewsMediaOrganization","name":"BBC News"},"publisher":{"@type":"NewsMediaOrganization","name":"BBC News"}}</script>`;

  it("reads the writer from a byline block, not the newsroom named as author, and keeps the block out of the body", () => {
    const page = `<html><head>${orgAuthor}</head><body><article><h1>Flood defences delayed</h1>
      <div data-component="byline-block"><time datetime="2025-01-08T14:32:10.000Z">8 January 2025</time><div><span>Hannah Pryce</span><span>BBC News, Yorkshire</span></div></div>
      ${body}</article></body></html>`;
    const prepared = prepareArticle(page, "html");
    expect(prepared.metadata.byline).toBe("Hannah Pryce");
    expect(prepared.body).not.toContain("Hannah Pryce");
    expect(prepared.removed).toContainEqual({ line: "Hannah Pryce BBC News, Yorkshire", reason: "byline" });
  });

  it("gives no byline rather than the outlet's own name", () => {
    const prepared = prepareArticle(`<html><head>${orgAuthor}</head><body><article><h1>Flood defences delayed</h1>${body}</article></body></html>`, "html");
    expect(prepared.metadata.byline).toBeNull();
  });

  it("puts a space between inline elements the page lays out apart, and none inside a styled word", () => {
    const page = `<article><h1>T</h1>${body}<p><a href="/a"><span>Storm Henk: homes evacuated</span></a><span>Published 4 January 2024</span></p><p>An <b>exam</b><i>ple</i> of <b>T</b>he style, the editor said.</p></article>`;
    const prepared = prepareArticle(page, "html");
    expect(prepared.body).toContain("Storm Henk: homes evacuated Published 4 January 2024");
    expect(prepared.body).toContain("An example of The style, the editor said.");
  });
});

describe("a newsletter in Markdown", () => {
  const md = [
    "[View this post on the web](https://example.substack.com/p/post)",
    "",
    "# Why your mortgage rate didn't fall",
    "",
    "**Nadia Okonkwo** · Oct 2, 2025",
    "",
    "*The Rate Sheet is a weekly explainer on money and markets. Forwarded this email? [Subscribe here](https://example.substack.com/subscribe) for more.*",
    "",
    MORE,
    "",
    "*Thanks for reading The Rate Sheet! Subscribe for free to receive new posts and support my work.*",
  ].join("\n");

  it("takes the first top-level heading under the header links as the title, and reads byline, date and name", () => {
    const prepared = prepareArticle(md, "markdown");
    expect(prepared.metadata).toMatchObject({
      title: "Why your mortgage rate didn't fall",
      byline: "Nadia Okonkwo",
      outlet: "The Rate Sheet",
      publishedAt: "2025-10-02T00:00:00+00:00",
      publishedPrecision: "date",
    });
    expect(prepared.body).toBe(MORE);
  });

  it("does not take a heading after the story has begun for the title", () => {
    const story = "The Federal Reserve cut its benchmark rate by a quarter point on Wednesday, and mortgage rates barely moved, lenders said.";
    expect(prepareArticle(`${story}\n\n# What to watch next\n\n${MORE}`, "markdown").metadata.title).toBeNull();
  });
});
