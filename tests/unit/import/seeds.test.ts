import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cleanArticle } from "@/lib/import/clean-article";
import { prepareArticle } from "@/lib/import/prepare";
import type { ArticleMetadata } from "@/lib/import/types";

const seedDir = path.join(process.cwd(), "seed", "articles");
const goldenDir = path.join(process.cwd(), "tests", "fixtures", "seed-bodies");

// The golden bodies were written by the cleaner this one replaced, before any change:
// the seed's claims are anchored in these exact texts.
const SEEDS: Array<{ file: string; metadata: Partial<ArticleMetadata> }> = [
  {
    file: "000_9768125626ae8cb3.txt",
    metadata: {
      title: "North Korean and Russian foreign ministers reaffirm their solidarity",
      outlet: "Kyunghyang Shinmun",
      byline: "Kwak Hee-yang",
      publishedAt: "2024-11-04T18:35:00+09:00",
      publishedPrecision: "minute",
      language: "en",
      url: null,
    },
  },
  {
    file: "001_7f7adecc573b4fe9.txt",
    metadata: {
      title: "North Korean foreign minister arrives in Russia",
      outlet: "Korea JoongAng Daily",
      byline: "Michael Lee",
      publishedAt: null,
      publishedPrecision: null,
      language: "en",
      translationNote: null,
      caption: null,
    },
  },
  {
    file: "004_dc732247863a8d02.txt",
    metadata: {
      title: "Putin Expresses Willingness to Visit North Korea After Talks with Foreign Minister Choe Son-hui",
      outlet: null,
      byline: null,
      publishedAt: "2024-01-21T15:00:00+09:00",
      publishedPrecision: "minute",
      language: "en",
      translationNote: null,
    },
  },
];

const read = (file: string) => fs.readFileSync(path.join(seedDir, file), "utf8");
const golden = (file: string) => fs.readFileSync(path.join(goldenDir, file.replace(/\.txt$/, ".body.txt")), "utf8");

describe.each(SEEDS)("seed $file", ({ file, metadata }) => {
  const prepared = prepareArticle(read(file), "text");

  it("cleans to exactly the recorded body", () => {
    expect(prepared.body).toBe(golden(file));
  });

  it("reads title, outlet, byline, date and language", () => {
    expect(prepared.metadata).toMatchObject(metadata);
  });

  it("keeps the shape the seed script reads through cleanArticle", () => {
    const cleaned = cleanArticle(read(file));
    expect(cleaned.body).toBe(golden(file));
    expect(cleaned.title).toBe(metadata.title);
    expect(cleaned.byline).toBe(metadata.byline);
    expect(cleaned.publishedLocal).toBe(metadata.publishedAt ? metadata.publishedAt.slice(0, 16) : null);
  });

  it("gives the body as clean text: no carriage returns, trimmed paragraphs, one blank line between", () => {
    expect(prepared.body).not.toMatch(/\r|\n{3,}/);
    for (const p of prepared.body.split("\n\n")) expect(p).toBe(p.trim());
    expect(prepared.body).toBe(prepared.body.normalize("NFC"));
  });
});

describe("seed metadata that moves out of the body", () => {
  it("000: the translator's note and the Joint Chiefs photo caption", () => {
    const { metadata, removed } = prepareArticle(read("000_9768125626ae8cb3.txt"), "text");
    expect(metadata.translationNote).toBe(
      "This article has undergone review by a professional translator after being translated by an AI translation tool.",
    );
    expect(metadata.caption).toMatch(/^Responding to North Korea’s ICBM.*Courtesy of the Joint Chiefs of Staff$/);
    expect(removed.find((r) => r.line.startsWith("Copyright ©"))?.reason).toBe("copyright");
    expect(removed.filter((r) => r.reason === "interface")).toHaveLength(3);
  });

  it("004: the AP/Newsis caption, and KST read from the Korean furniture", () => {
    const { metadata, removed } = prepareArticle(read("004_dc732247863a8d02.txt"), "text");
    expect(metadata.caption).toBe(
      "Russian President Vladimir Putin (left) is welcoming North Korean Foreign Minister Choe Son-hui at the Moscow Kremlin on the 16th (local time). 2024.01.17 [모스크바=AP/뉴시스]",
    );
    expect(removed.map((r) => r.reason)).toEqual(["breadcrumb", "headline", "caption", "hashtags", "dateline", "comments", "after-story"]);
  });

  it("001: the related headlines after the copyright line are dropped as after-story", () => {
    const { removed } = prepareArticle(read("001_7f7adecc573b4fe9.txt"), "text");
    expect(removed.filter((r) => r.reason === "after-story")).toHaveLength(10);
    expect(removed.find((r) => r.line.startsWith("BY MICHAEL LEE"))?.reason).toBe("byline");
  });
});
