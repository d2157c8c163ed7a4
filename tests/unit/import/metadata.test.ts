import { describe, expect, it } from "vitest";
import { detectLanguage, normaliseLanguage } from "@/lib/import/language";
import { canonicalOutlet, isKoreanOutlet, outletFromUrl } from "@/lib/import/outlets";
import { prepareArticle } from "@/lib/import/prepare";

const STORY = Array.from(
  { length: 6 },
  (_, i) => `<p>Paragraph ${i + 1} of the story says that the council will vote on the plan next week, and that the plan is expected to cost $4 million, officials said.</p>`,
).join("\n");

const page = (head: string, body = "", htmlAttrs = "") =>
  `<!DOCTYPE html><html${htmlAttrs}><head>${head}</head><body>${body}<article>${STORY}</article></body></html>`;

const meta = (head: string, body = "", htmlAttrs = "", url?: string) => prepareArticle(page(head, body, htmlAttrs), "html", { url }).metadata;

const ld = (value: unknown) => `<script type="application/ld+json">${JSON.stringify(value)}</script>`;

describe("HTML metadata sources", () => {
  it("reads a NewsArticle in JSON-LD", () => {
    const m = meta(
      ld({
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        headline: "Council passes budget",
        author: [{ "@type": "Person", name: "Dana Whitlock" }, { "@type": "Person", name: "Tom Ode" }],
        datePublished: "2026-04-28T21:12:00-04:00",
        publisher: { "@type": "Organization", name: "The Harbor City Ledger" },
        inLanguage: "en-US",
        url: "https://example.com/budget",
      }),
    );
    expect(m).toMatchObject({
      title: "Council passes budget",
      byline: "Dana Whitlock and Tom Ode",
      publishedAt: "2026-04-28T21:12:00-04:00",
      publishedPrecision: "minute",
      outlet: "The Harbor City Ledger",
      language: "en",
      url: "https://example.com/budget",
    });
  });

  it("finds the article inside an @graph array and follows @id references", () => {
    const m = meta(
      ld({
        "@context": "https://schema.org",
        "@graph": [
          { "@type": "Organization", "@id": "#org", name: "연합뉴스" },
          { "@type": ["Article", "NewsArticle"], headline: "Typhoon nears", publisher: { "@id": "#org" }, author: "Kim Min-ji", datePublished: "2025-12-03 10:15" },
        ],
      }),
    );
    expect(m).toMatchObject({ title: "Typhoon nears", outlet: "Yonhap News Agency", byline: "Kim Min-ji", publishedAt: "2025-12-03T10:15:00+09:00" });
  });

  it("ignores an Organization given as author and a broken JSON-LD block", () => {
    const m = meta(`<script type="application/ld+json">{ broken</script>${ld({ "@type": "NewsArticle", author: { "@type": "Organization", name: "Staff" } })}`);
    expect(m.byline).toBeNull();
  });

  it("reads og: and article: meta", () => {
    const m = meta(
      `<meta property="og:title" content="Appeals court strikes down ban"><meta property="og:site_name" content="Northgate Courier">
       <meta property="article:published_time" content="2026-03-12T09:30:00Z"><meta property="article:author" content="Helen Saunders">
       <meta property="og:locale" content="en_GB">`,
    );
    expect(m).toMatchObject({ title: "Appeals court strikes down ban", outlet: "Northgate Courier", byline: "Helen Saunders", publishedAt: "2026-03-12T09:30:00+00:00", language: "en" });
  });

  it("reads <meta name=author>, ignoring an article:author that is a profile URL", () => {
    const m = meta(`<meta property="article:author" content="https://facebook.com/someone"><meta name="author" content="By GRACE WHITFIELD">`);
    expect(m.byline).toBe("Grace Whitfield");
  });

  it("reads <time datetime>, preferring the one marked as published", () => {
    const m = meta("", `<time datetime="2026-01-01T00:00:00Z">New year</time><p><time class="published" datetime="2026-03-12">12 March 2026</time></p>`);
    expect(m).toMatchObject({ publishedAt: "2026-03-12T00:00:00+00:00", publishedPrecision: "date" });
  });

  it("reads a rel=author link", () => {
    expect(meta("", `<p class="meta">by <a rel="author" href="/a/hs">Helen Saunders</a></p>`).byline).toBe("Helen Saunders");
  });

  it("resolves a relative canonical link against the page's address", () => {
    expect(meta(`<link rel="canonical" href="/news/budget">`, "", "", "https://www.harborledger.com/news/budget?utm_source=x").url).toBe(
      "https://www.harborledger.com/news/budget",
    );
    expect(meta("", "", "", "https://example.org/a").url).toBe("https://example.org/a");
    expect(meta("").url).toBeNull();
  });

  it("reads <html lang> first", () => {
    expect(meta(`<meta property="og:locale" content="en_US">`, "", ` lang="ko-KR"`).language).toBe("ko");
  });

  it("takes the title from <h1> when the page has no metadata, and strips a site suffix", () => {
    expect(meta("", "<h1>Council passes budget</h1>").title).toBe("Council passes budget");
    expect(meta(`<meta property="og:title" content="Council passes budget | The Ledger"><meta property="og:site_name" content="The Ledger">`).title).toBe("Council passes budget");
  });

  it("takes the caption from a <figcaption>", () => {
    expect(meta("", "<figure><img src=a.jpg><figcaption>Council members vote. Photo: L. Ortega</figcaption></figure>").caption).toBe(
      "Council members vote. Photo: L. Ortega",
    );
  });
});

describe("outlets", () => {
  it.each([
    ["경향신문", "Kyunghyang Shinmun"],
    ["코리아중앙데일리", "Korea JoongAng Daily"],
    ["연합뉴스", "Yonhap News Agency"],
    ["Yonhap", "Yonhap News Agency"],
    ["조선일보", "Chosun Ilbo"],
    ["중앙일보", "JoongAng Ilbo"],
    ["동아일보", "Dong-A Ilbo"],
    ["한겨레", "Hankyoreh"],
    ["한국일보", "Hankook Ilbo"],
    ["뉴시스", "Newsis"],
    ["뉴스1", "News1"],
    ["KBS", "KBS"],
    ["MBC", "MBC"],
    ["SBS", "SBS"],
    ["코리아헤럴드", "Korea Herald"],
    ["The Korea Times", "Korea Times"],
    ["The Harbor City Ledger", "The Harbor City Ledger"],
  ])("%s → %s", (name, english) => {
    expect(canonicalOutlet(name)).toBe(english);
  });

  it("knows which outlets are Korean, and reads outlets from addresses", () => {
    expect(isKoreanOutlet("경향신문")).toBe(true);
    expect(isKoreanOutlet("Reuters")).toBe(false);
    expect(outletFromUrl("https://english.khan.co.kr/view.html?id=1")).toBe("Kyunghyang Shinmun");
    expect(outletFromUrl("https://en.yna.co.kr/view/AEN2025")).toBe("Yonhap News Agency");
    expect(outletFromUrl("not a url")).toBeNull();
  });

  it("reads the outlet from a copyright line, the address, or a wire dateline", () => {
    expect(prepareArticle("Headline\nThe story.\n© 2026 Millbrook Sentinel. All rights reserved.", "text").metadata.outlet).toBe("Millbrook Sentinel");
    expect(prepareArticle("Headline\nThe story.", "text", { url: "https://koreajoongangdaily.joins.com/news/1" }).metadata.outlet).toBe("Korea JoongAng Daily");
    expect(prepareArticle("Headline\nSEOUL, Dec. 3 (Yonhap) -- North Korea fired a missile, the military said.", "text").metadata.outlet).toBe("Yonhap News Agency");
    expect(prepareArticle("Headline\nWASHINGTON (Reuters) - The Senate voted on Tuesday.", "text").metadata.outlet).toBe("Reuters");
    expect(prepareArticle("Headline\nThe story.", "text").metadata.outlet).toBeNull();
  });
});

describe("language", () => {
  it.each([
    ["en-US", "en"],
    ["ko_KR", "ko"],
    ["English", "en"],
    ["und", null],
    ["", null],
  ])("normalises %s to %s", (tag, lang) => {
    expect(normaliseLanguage(tag)).toBe(lang);
  });

  it("detects English and Korean from the body, and gives up on too little text", () => {
    expect(detectLanguage("The council said that it will vote on the plan, and the mayor said it is expected to pass.")).toBe("en");
    expect(detectLanguage("최선희 북한 외무상이 블라디보스토크에 도착했다고 러시아 언론이 보도했다.")).toBe("ko");
    expect(detectLanguage("Der Rat hat am Dienstag den Haushalt beschlossen, sagte die Bürgermeisterin.")).toBeNull();
    expect(detectLanguage("OK")).toBeNull();
  });
});
