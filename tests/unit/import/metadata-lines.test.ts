import { describe, expect, it } from "vitest";
import { clean, expectDropped, expectKept } from "./rule-helpers";

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
    expect(clean("Updated: April 28, 2026 at 9:00 a.m.").metadata.publishedAt).toBeNull();
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

