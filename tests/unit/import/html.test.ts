import { describe, expect, it } from "vitest";
import { prepareArticle } from "@/lib/import/prepare";

const paragraphs = (n: number) =>
  Array.from({ length: n }, (_, i) => `<p>Paragraph ${i + 1}: the council will vote on the plan next week, and the plan is expected to cost $4 million, officials said on Tuesday.</p>`).join("");

const html = (body: string) => prepareArticle(`<!DOCTYPE html><html lang="en"><head><title>T</title></head><body>${body}</body></html>`, "html");

describe("HTML through linkedom, readability and sanitize-html", () => {
  it("reads a bare fragment, not only a whole document", () => {
    const prepared = prepareArticle(`<h1>Council passes budget</h1>${paragraphs(2)}`, "html");
    expect(prepared.metadata.title).toBe("Council passes budget");
    expect(prepared.body.split("\n\n")).toHaveLength(2);
  });

  it("makes each block a paragraph and each <br> a line break inside one", () => {
    const prepared = html(`<article><h1>T</h1>${paragraphs(3)}<p>First line<br>second line</p><div>A div of its own.</div></article>`);
    const ps = prepared.body.split("\n\n");
    expect(ps).toContain("First line\nsecond line");
    expect(ps).toContain("A div of its own.");
  });

  it("collapses whitespace and decodes entities", () => {
    const prepared = html(`<article>${paragraphs(3)}<p>  Caf&eacute;\n   owners &amp; staff&nbsp;said&#8230;  </p></article>`);
    expect(prepared.body).toContain("Café owners & staff said…");
  });

  it("removes scripts, styles, navigation, cookie banners, share bars, ads, related boxes and footers, saying why", () => {
    const prepared = html(`
      <script>var tracking = true;</script><style>p { color: red }</style>
      <nav><a href="/">Home</a> <a href="/news">News</a></nav>
      <div class="gdpr-consent">We value your privacy. Accept?</div>
      <article><h1>T</h1>${paragraphs(2)}
        <div class="social-share"><a>Tweet this</a></div>
        <div class="ad-container">Buy now, 50% off!</div>
        <div class="readmore"><a>Budget explainer you will love</a></div>
        ${paragraphs(2)}
      </article>
      <aside>Trending: celebrity chef opens restaurant</aside>
      <div class="recommended-stories"><a>Ten things to do this weekend</a></div>
      <footer>About us · Contact</footer>`);
    const reasons = Object.fromEntries(prepared.removed.map((r) => [r.line, r.reason]));
    expect(reasons).toMatchObject({
      "var tracking = true;": "script",
      "We value your privacy. Accept?": "cookie-banner",
      "Tweet this": "share",
      "Buy now, 50% off!": "ad",
      "Budget explainer you will love": "read-more",
      "Trending: celebrity chef opens restaurant": "related",
      "Ten things to do this weekend": "related",
      "About us · Contact": "footer",
    });
    for (const text of ["tracking", "privacy", "Tweet", "50% off", "explainer", "celebrity", "weekend", "About us", "News"]) {
      expect(prepared.body).not.toContain(text);
    }
    expect(prepared.body.split("\n\n")).toHaveLength(4);
  });

  it("never removes the article itself, whatever its wrapper is called", () => {
    const prepared = html(`<div class="content share-enabled"><article><h1>T</h1>${paragraphs(4)}</article></div>`);
    expect(prepared.body.split("\n\n")).toHaveLength(4);
  });

  it("does not mistake class words that contain 'ad' for ads", () => {
    const prepared = html(`<article><div class="article-header lead shadow"><p>Lead paragraph: the mayor said the plan will pass by Friday.</p></div>${paragraphs(3)}</article>`);
    expect(prepared.body).toContain("Lead paragraph");
  });

  it("keeps list items as bullet lines and runs the text rules on what readability leaves", () => {
    const prepared = html(`<article><h1>T</h1>${paragraphs(3)}<p>The plan has three parts:</p><ul><li>Housing</li><li>Roads</li></ul><p>Advertisement</p><p>READ MORE: Budget explainer</p>${paragraphs(1)}</article>`);
    expect(prepared.body).toContain("The plan has three parts:\n\n- Housing\n\n- Roads");
    expect(prepared.removed).toContainEqual({ line: "Advertisement", reason: "ad" });
    expect(prepared.removed).toContainEqual({ line: "READ MORE: Budget explainer", reason: "read-more" });
  });

  it("falls back to the page's text when readability finds no article", () => {
    const prepared = html("<p>Short note: the council meets Friday.</p>");
    expect(prepared.body).toBe("Short note: the council meets Friday.");
  });
});
