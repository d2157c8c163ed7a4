import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cleanArticle } from "@/lib/import/clean-article";

const dir = path.join(process.cwd(), "seed", "articles");
const raw = (file: string) => fs.readFileSync(path.join(dir, file), "utf8");
const paragraphs = (body: string) => body.split("\n\n");

const FILES = {
  kyunghyang: "000_9768125626ae8cb3.txt",
  joongang: "001_7f7adecc573b4fe9.txt",
  editorial: "004_dc732247863a8d02.txt",
} as const;

const FURNITURE = [
  "Copyright",
  "Home »",
  "#Putin",
  "Leave a Comment",
  "Akismet",
  "BY MICHAEL LEE",
  "Kwak Hee-yang 2024",
  "※",
  "Johnny Somali",
  "이 기사에 대해",
];

describe.each(Object.entries(FILES))("cleanArticle on %s", (_name, file) => {
  const cleaned = cleanArticle(raw(file));

  it("keeps no Hangul in the body", () => {
    expect(cleaned.body).not.toMatch(/[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]/u);
  });

  it.each(FURNITURE)("drops page furniture: %s", (text) => {
    expect(cleaned.body).not.toContain(text);
  });

  it("keeps paragraphs separated by one blank line, without stray whitespace", () => {
    expect(cleaned.body).not.toMatch(/\n{3,}/);
    for (const p of paragraphs(cleaned.body)) expect(p).toBe(p.trim());
  });
});

describe("cleanArticle on the Kyunghyang Shinmun article (000)", () => {
  const cleaned = cleanArticle(raw(FILES.kyunghyang));

  it("keeps the story", () => {
    expect(cleaned.body).toContain("Choi arrived in Moscow on October 30.");
    expect(cleaned.body).toContain("under Article 4 of the treaty, the North Korean military's 11th Army Corps was deployed to Russia");
    const ps = paragraphs(cleaned.body);
    expect(ps[0]).toMatch(/^The foreign ministers of North Korea and Russia met to discuss follow-up actions/);
    expect(ps.at(-1)).toMatch(/^Some speculate that they may have discussed Kim’s visit to Russia next year\./);
    expect(ps.at(-1)).toMatch(/In June, Putin expressed his intention to invite Kim to visit Russia\.$/);
  });

  it("moves the byline, time, translation note and photo caption into metadata", () => {
    expect(cleaned.title).toBe("North Korean and Russian foreign ministers reaffirm their solidarity");
    expect(cleaned.byline).toBe("Kwak Hee-yang");
    expect(cleaned.publishedLocal).toBe("2024-11-04T18:35");
    expect(cleaned.translationNote).toMatch(/^This article has undergone review/);
    expect(cleaned.caption).toMatch(/Courtesy of the Joint Chiefs of Staff$/);
    expect(cleaned.body).not.toContain("Courtesy of the Joint Chiefs of Staff");
  });
});

describe("cleanArticle on the JoongAng Daily article (001)", () => {
  const cleaned = cleanArticle(raw(FILES.joongang));

  it("keeps the story up to its last sentence and nothing after", () => {
    const ps = paragraphs(cleaned.body);
    expect(ps[0]).toMatch(/^North Korean Foreign Minister Choe Son-hui arrived in the eastern port city of Vladivostok on Tuesday/);
    expect(ps.at(-1)).toBe(
      "The Russian president also argued that what Pyongyang and Moscow “do within the framework” of their treaty is “our business.”",
    );
    expect(cleaned.body).toContain("Choe is scheduled to arrive in Moscow on Wednesday");
  });

  it("reads the title and the byline in title case, and finds no date", () => {
    expect(cleaned.title).toBe("North Korean foreign minister arrives in Russia");
    expect(cleaned.byline).toBe("Michael Lee");
    expect(cleaned.publishedLocal).toBeNull();
    expect(cleaned.translationNote).toBeNull();
  });

  it("says why each related headline was removed", () => {
    const related = cleaned.removed.filter((r) => r.line.includes("Johnny Somali"));
    expect(related).toHaveLength(2);
    for (const r of related) expect(r.reason).toBe("after-story");
  });
});

describe("cleanArticle on the republished editorial (004)", () => {
  const cleaned = cleanArticle(raw(FILES.editorial));

  it("keeps the story", () => {
    const ps = paragraphs(cleaned.body);
    expect(ps[0]).toMatch(/^North Korean media reported yesterday that Russian President Vladimir Putin expressed/);
    expect(ps.at(-1)).toMatch(/prepare for the turbulence of a new Cold War that will hit Northeast Asia this year\.$/);
    expect(cleaned.body).toContain("It has recovered to 82% of the level in 2019 before COVID-19.");
  });

  it("takes the title from the breadcrumb without its trail, and the time from the dateline", () => {
    expect(cleaned.title).toBe("Putin Expresses Willingness to Visit North Korea After Talks with Foreign Minister Choe Son-hui");
    expect(cleaned.publishedLocal).toBe("2024-01-21T15:00");
    expect(cleaned.byline).toBeNull();
    expect(cleaned.caption).toMatch(/^Russian President Vladimir Putin \(left\) is welcoming/);
    expect(cleaned.body).not.toContain("2024-01-21 15:00");
  });
});

describe("cleanArticle rules on a synthetic article", () => {
  const article = [
    "Home » news » Dam opens on schedule",
    "Dam opens on schedule",
    "By Jane O'Neil-Smith",
    "2023-07-09 08:05",
    "",
    "The dam opened on Monday, officials said.",
    "#dam #water #energy",
    "뉴스 홈으로 가기",
    "Engineers expect full capacity by 2025.",
    "© Example Wire",
    "The dam opened because of aliens, readers said.",
  ].join("\r\n");
  const cleaned = cleanArticle(article);

  it("keeps story lines as paragraphs and drops everything else", () => {
    expect(cleaned.body).toBe("The dam opened on Monday, officials said.\n\nEngineers expect full capacity by 2025.");
  });

  it("ends the story at a copyright line", () => {
    expect(cleaned.removed.find((r) => r.line.includes("aliens"))?.reason).toBe("after-story");
    expect(cleaned.removed.find((r) => r.line === "© Example Wire")?.reason).toBe("copyright");
  });

  it("reads metadata from bylines and datelines", () => {
    expect(cleaned.title).toBe("Dam opens on schedule");
    expect(cleaned.byline).toBe("Jane O'Neil-Smith");
    expect(cleaned.publishedLocal).toBe("2023-07-09T08:05");
    expect(cleaned.removed.map((r) => r.reason)).toEqual([
      "breadcrumb",
      "headline",
      "byline",
      "dateline",
      "hashtags",
      "interface",
      "copyright",
      "after-story",
    ]);
  });

  it("does not treat a long sentence starting with “By” as a byline", () => {
    const line = "By the time the dam opened on Monday, more than four hundred families had already left the valley for good.";
    expect(cleanArticle(`Headline\n${line}`).body).toBe(line);
  });

  it("keeps story lines that only look like furniture", () => {
    const story = [
      "By Monday it rained.",
      "Copyright law changed this week.",
      "The flowers were a gift, courtesy of the mayor.",
    ];
    const cleaned = cleanArticle(["Headline", ...story].join("\n"));
    expect(cleaned.body).toBe(story.join("\n\n"));
    expect(cleaned.byline).toBeNull();
    expect(cleaned.caption).toBeNull();
  });
});
