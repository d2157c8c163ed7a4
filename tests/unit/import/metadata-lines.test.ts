import { describe, expect, it } from "vitest";
import { prepareArticle } from "@/lib/import/prepare";
import { clean, expectDropped, expectKept, OPENING } from "./rule-helpers";

// Lines that are furniture in the body but metadata for the desk.
describe("bylines", () => {
  it.each([
    ["By Grace Whitfield", "Grace Whitfield"],
    ["BY MICHAEL LEE [lee.junhyuk@joongang.co.kr]", "Michael Lee"],
    ["By Grace Whitfield and Tom Ode, Staff Writers", "Grace Whitfield and Tom Ode"],
    ["By Grace Whitfield, Staff Writer", "Grace Whitfield"],
    ["Grace Whitfield, Staff Writer", "Grace Whitfield"],
    ["By Kim Min-ji, Yonhap", "Kim Min-ji"],
    ["By Ana de la Cruz and Li Wei", "Ana de la Cruz and Li Wei"],
    ["Kwak Hee-yang 2024. 11. 4. 18:35", "Kwak Hee-yang"],
    ["Michael Lee lee.junhyuk@joongang.co.kr", "Michael Lee"],
  ])("reads %s as %s", (line, name) => {
    expectDropped(line, "byline");
    expect(clean(line).metadata.byline).toBe(name);
  });

  it("reads a date on the byline line", () => {
    expect(clean("By Jane Doe | April 28, 2026").metadata).toMatchObject({ byline: "Jane Doe", publishedAt: "2026-04-28T00:00:00+00:00", publishedPrecision: "date" });
  });

  it.each([
    "By the end of the year, the county expects to replace all 40 voting machines.",
    "By Monday it rained.",
    "By March, prices had doubled.",
    "By 2030 the city expects 40,000 new residents.",
    "By The Time We Got There",
    "By the time the dam opened on Monday, more than four hundred families had already left the valley for good.",
  ])("keeps %s", (line) => {
    expectKept(line);
    expect(clean(line).metadata.byline).toBeNull();
  });
});

describe("timestamp lines", () => {
  it.each([
    "2024-01-21 15:00:00",
    "Published: April 28, 2026 at 7:45 a.m.",
    "Updated: April 28, 2026 at 11:02 a.m.",
    "Updated 3 hours ago",
    "Published: April 28, 2026 at 7:45 a.m. | Updated: April 28, 2026 at 9:00 a.m.",
    "입력 2024.11.04 18:35 수정 2024.11.04 19:02",
    "2025/12/03 10:15 KST",
  ])("drops %s", (line) => expectDropped(line, "dateline"));

  it.each(["Updated figures show a 40% rise in rents.", "2024 was the hottest year on record.", "Published reports put the toll at 38."])("keeps %s", expectKept);

  it("takes the published time, not the updated one", () => {
    const line = "Published: April 28, 2026 at 7:45 a.m. | Updated: April 28, 2026 at 9:00 a.m.";
    expect(clean(line).metadata.publishedAt).toBe("2026-04-28T07:45:00+00:00");
  });

  // Decision: a page that prints only an "Updated" time (AP's article pages) is dated by it,
  // rather than left without a date; any published time, byline date or bare date wins over it.
  it("takes an updated time only when the page gives no other", () => {
    expect(clean("Updated: April 28, 2026 at 9:00 a.m.").metadata.publishedAt).toBe("2026-04-28T09:00:00+00:00");
    const both = prepareArticle(["Headline", "Updated: April 28, 2026 at 9:00 a.m.", "By Jane Doe | April 27, 2026", OPENING].join("\n"), "text");
    expect(both.metadata.publishedAt).toBe("2026-04-27T00:00:00+00:00");
  });

  it.each([
    ["Updated 9:47 PM EDT, March 13, 2025", "2025-03-13T21:47:00-04:00"],
    ["Posted 5:48 PM, Feb 18, 2025", "2025-02-18T17:48:00+00:00"],
    // a Hangul label is a Korean publisher's: KST
    ["송고시간 2025-01-05 14:32", "2025-01-05T14:32:00+09:00"],
    ["입력시간 2025-01-05 14:32", "2025-01-05T14:32:00+09:00"],
    ["First published on Tue 15 Jul 2025 09.01 BST", "2025-07-15T09:01:00+01:00"],
  ])("reads the timestamp line %s", (line, at) => {
    expectDropped(line, "dateline");
    expect(clean(line).metadata.publishedAt).toBe(at);
  });

  it("reads a broadcaster's two-line stamp: posted, then “and last updated”", () => {
    const prepared = prepareArticle(["Headline", "Posted 5:48 PM, Feb 18, 2025", "and last updated 7:12 PM, Feb 18, 2025", OPENING].join("\n"), "text");
    expect(prepared.body).toBe(OPENING);
    expect(prepared.removed.map((r) => r.reason)).toEqual(["headline", "dateline", "dateline"]);
    expect(prepared.metadata.publishedAt).toBe("2025-02-18T17:48:00+00:00");
  });

  it.each([
    "and last updated figures show a 40% rise in rents.",
    "Posted 5:48 PM, the message was deleted an hour later.",
  ])("keeps %s", (line) => {
    expect(clean(line).body).toContain(line);
  });

  it("keeps a Korean story line that opens with a time label's word", () => {
    const text = ["노조, 송고시간 단축 요구", "노조는 송고시간 단축을 요구했다고 밝혔다.", "송고시간 2025-01-05 14:32", "회사는 다음 주에 답변할 예정이다."].join("\n");
    const prepared = prepareArticle(text, "text");
    expect(prepared.body).toBe("노조는 송고시간 단축을 요구했다고 밝혔다.\n\n회사는 다음 주에 답변할 예정이다.");
    expect(prepared.metadata.publishedAt).toBe("2025-01-05T14:32:00+09:00");
  });
});

describe("translation notes and captions", () => {
  it("moves a ※ translation note into the metadata", () => {
    const line = "※ This article has undergone review by a professional translator after being translated by an AI translation tool.";
    expectDropped(line, "translation-note");
    expect(clean(line).metadata.translationNote).toBe(line.slice(2));
  });
  it("keeps a ※ note that is not about translation", () => expectKept("※ Figures are provisional and may change."));

  it.each([
    "Lee poses with the club director in Rotterdam on Tuesday. [YONHAP]",
    "Putin welcomes Choe at the Kremlin. 2024.01.17 [모스크바=AP/뉴시스]",
    "Rescuers search the rubble in Cebu on Tuesday. (AP Photo/Aaron Favila)",
    "Supporters gather outside city hall. Photo: Jane Doe/Reuters",
    "Fighter jets fly over the East Sea on Oct. 31. Courtesy of the Joint Chiefs of Staff",
    "Flooded streets in Seoul on Monday. / Yonhap",
    "Firefighters battle the blaze in Busan on Sunday. (Yonhap)",
  ])("moves the caption %s into the metadata", (line) => {
    expectDropped(line, "caption");
    expect(clean(line).metadata.caption).toBe(line);
  });

  it.each([
    "The flowers were a gift, courtesy of the mayor.",
    "The flowers were a gift, courtesy of the mayor",
    "She showed reporters a photo: her son in uniform, smiling.",
    "Seoul anticipates coordination [by NATO and South Korea] on the deployment.",
  ])("keeps %s", (line) => {
    expectKept(line);
    expect(clean(line).metadata.caption).toBeNull();
  });
});

