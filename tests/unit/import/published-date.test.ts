import { describe, expect, it } from "vitest";
import { pickPublished } from "@/lib/import/metadata";
import { parseDateText, toIsoString } from "@/lib/import/published-date";
import { prepareArticle } from "@/lib/import/prepare";

const iso = (text: string, fallback = "+00:00") => {
  const parts = parseDateText(text);
  return parts ? { at: toIsoString(parts, fallback), precision: parts.precision } : null;
};

describe("date forms", () => {
  it.each([
    ["2024. 11. 4. 18:35", "2024-11-04T18:35:00+09:00", "minute"],
    ["2024.01.17", "2024-01-17T00:00:00+09:00", "date"],
    ["2024-01-21 15:00:00", "2024-01-21T15:00:00+09:00", "minute"],
    ["2025/12/03 10:15 KST", "2025-12-03T10:15:00+09:00", "minute"],
    ["2024년 11월 4일 오후 6:35", "2024-11-04T18:35:00+09:00", "minute"],
    ["April 28, 2026 at 7:45 a.m.", "2026-04-28T07:45:00+09:00", "minute"],
    ["April 28, 2026 7:45 PM", "2026-04-28T19:45:00+09:00", "minute"],
    ["Apr. 28, 2026", "2026-04-28T00:00:00+09:00", "date"],
    ["Tuesday, April 28, 2026", "2026-04-28T00:00:00+09:00", "date"],
    ["28 April 2026", "2026-04-28T00:00:00+09:00", "date"],
    ["28 Apr 2026, 07:45", "2026-04-28T07:45:00+09:00", "minute"],
    ["Dec. 3, 2025 noon", "2025-12-03T12:00:00+09:00", "minute"],
    ["12:05 a.m.", null, null],
  ])("%s (local, fallback +09:00)", (text, at, precision) => {
    expect(iso(text, "+09:00")).toEqual(at ? { at, precision } : null);
  });

  it.each([
    ["2024-11-04T18:35:00+09:00", "2024-11-04T18:35:00+09:00"],
    ["2024-11-04T09:35:00Z", "2024-11-04T09:35:00+00:00"],
    ["2026-04-28T21:12:00.000-04:00", "2026-04-28T21:12:00-04:00"],
    ["2024-11-04T18:35:00+0900", "2024-11-04T18:35:00+09:00"],
    ["2024-11-04", "2024-11-04T00:00:00+00:00"],
  ])("ISO %s", (text, at) => {
    expect(iso(text)?.at).toBe(at);
  });

  it.each([
    ["April 28, 2026 7:45 AM EDT", "-04:00"],
    ["January 28, 2026 7:45 AM EST", "-05:00"],
    ["April 28, 2026 7:45 AM ET", "-04:00"],
    ["January 28, 2026 7:45 AM ET", "-05:00"],
    ["April 28, 2026 7:45 AM PDT", "-07:00"],
    ["April 28, 2026 7:45 AM PST", "-08:00"],
    ["28 April 2026 07:45 UTC", "+00:00"],
    ["28 April 2026 07:45 GMT", "+00:00"],
    ["28 April 2026 07:45 BST", "+01:00"],
    ["28 April 2026 07:45 CET", "+01:00"],
    ["28 April 2026 07:45 CEST", "+02:00"],
    ["2026/04/28 07:45 JST", "+09:00"],
    ["2026/04/28 07:45 (KST)", "+09:00"],
    ["November 18, 2025 6:42 AM GMT+8", "+08:00"],
    ["2026-04-28 07:45 +09:00", "+09:00"],
    ["2026-04-28 07:45 UTC+5:30", "+05:30"],
  ])("an explicit zone wins: %s", (text, offset) => {
    expect(iso(text, "+09:00")?.at.slice(-6)).toBe(offset);
  });

  it.each(["on Tuesday", "2024", "Feb. 30, 2024", "2024-13-01", "25:00 2024-01-01", "April 28, 2026 at 7:45 in the morning", "2024-01-21 15:00:00 Seoul time", "yesterday"])(
    "is not a date: %s",
    (text) => {
      expect(parseDateText(text)).toBeNull();
    },
  );

  it("takes the first candidate that reads as a date", () => {
    expect(pickPublished([null, "soon", "2026-04-28"], "+00:00")).toEqual({ publishedAt: "2026-04-28T00:00:00+00:00", publishedPrecision: "date" });
    expect(pickPublished(["not a date"], "+00:00")).toBeNull();
  });
});

describe("zones an article implies", () => {
  const article = (furniture: string, stamp = "2024-01-21 15:00:00") => prepareArticle(`Headline\n${stamp}\nThe story, as written.\n${furniture}`, "text");

  it("reads a Korean outlet's local times in KST", () => {
    expect(article("Copyright © 연합뉴스. 무단전재 및 재배포 금지.").metadata).toMatchObject({ outlet: "Yonhap News Agency", publishedAt: "2024-01-21T15:00:00+09:00" });
  });

  it("reads KST when Korean furniture was removed", () => {
    expect(article("기사 공유하기").metadata.publishedAt).toBe("2024-01-21T15:00:00+09:00");
  });

  it("reads KST for a .kr address", () => {
    const prepared = prepareArticle("Headline\n2024-01-21 15:00:00\nThe story.", "text", { url: "https://www.example.co.kr/news/1" });
    expect(prepared.metadata.publishedAt).toBe("2024-01-21T15:00:00+09:00");
  });

  it("uses UTC when nothing tells the zone", () => {
    expect(article("Advertisement").metadata.publishedAt).toBe("2024-01-21T15:00:00+00:00");
  });

  it("lets the text's own zone win over a Korean outlet", () => {
    expect(article("기사 공유하기", "2024-01-21 15:00 UTC").metadata.publishedAt).toBe("2024-01-21T15:00:00+00:00");
  });

  it("gives date precision and midnight when only the day is known, and null when nothing is", () => {
    expect(article("", "Published: 28 April 2026").metadata).toMatchObject({ publishedAt: "2026-04-28T00:00:00+00:00", publishedPrecision: "date" });
    const none = prepareArticle("Headline\nChoe arrived on Tuesday.", "text").metadata;
    expect(none).toMatchObject({ publishedAt: null, publishedPrecision: null });
  });
});

describe("the time before the date, and British dotted times", () => {
  it.each([
    ["9:47 PM EDT, March 13, 2025", "2025-03-13T21:47:00-04:00"],
    ["5:48 PM, Feb 18, 2025", "2025-02-18T17:48:00+09:00"],
    ["7:12 p.m. ET, Jan. 8, 2025", "2025-01-08T19:12:00-05:00"],
    ["10:15 on 3 December 2025", "2025-12-03T10:15:00+09:00"],
    ["Tue 15 Jul 2025 09.01 BST", "2025-07-15T09:01:00+01:00"],
    ["15 Jul 2025 16.20", "2025-07-15T16:20:00+09:00"],
  ])("%s", (text, at) => {
    expect(iso(text, "+09:00")).toEqual({ at, precision: "minute" });
  });

  it.each(["9:47 PM EDT", "9:47 PM EDT, the vote", "16.20 BST", "12.03.2025", "10.5 percent, March 13, 2025", "9:47 PM Foo, March 13, 2025", "13:61, March 13, 2025"])(
    "%s is not a date",
    (text) => expect(parseDateText(text)).toBeNull(),
  );
});
