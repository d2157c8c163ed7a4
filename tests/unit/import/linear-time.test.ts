import { describe, expect, it } from "vitest";
import { parseDateText } from "@/lib/import/published-date";
import { prepareArticle } from "@/lib/import/prepare";
import type { ImportFormat } from "@/lib/import/types";

const SIZE = 100_000;
const fill = (unit: string) => unit.repeat(Math.ceil(SIZE / unit.length)).slice(0, SIZE);

// Each is built to make a backtracking pattern blow up: long runs that almost
// match a rule (a byline, a breadcrumb, a caption credit, markup) but never finish it.
const HOSTILE: Record<string, string> = {
  "a byline that never ends": "by " + "a ".repeat(50_000),
  "a shouted byline": "BY " + "A".repeat(SIZE),
  "breadcrumb separators": "Home » ".repeat(SIZE / 7),
  "breadcrumb arrows": "Home > ".repeat(SIZE / 7),
  "spaces": " ".repeat(SIZE),
  "dots": ".".repeat(SIZE),
  "hyphens": "-".repeat(SIZE),
  "letters without a terminator": fill("abcdefghij"),
  "copyright words": fill("copyright © "),
  "courtesy of, again and again": fill("courtesy of x "),
  "photo credits": fill("Photo: a/"),
  "bracketed credits": "[" + fill("서울=뉴시스/") + "]",
  "hashtags": fill("#tag "),
  "e-mail-like text": fill("a.b.c@d-e-f."),
  "digits and dots like a date": fill("2024. 11. "),
  "read-more prefixes": fill("Read more "),
  "markdown emphasis": fill("**a *b _c "),
  "markdown links": fill("[a](b [c]("),
  "HTML-ish text": fill("<p><a href='"),
  "Hangul": fill("글자크기 "),
  "quotes and commas": fill('"a," she said. '),
  // patterns added for the unseen articles' furniture
  "underscores": "_".repeat(SIZE),
  "separator-like runs": fill("- _ = * "),
  "wire credits that never close": fill("Associated Press writer Tom in New York contributed "),
  "coverage pointers": "Follow AP's coverage of " + fill("the FAA at https://a."),
  "picture labels": fill("Image source, "),
  "embed credits": "— " + fill("Tim (@Tim) "),
  "contact phrases and addresses": fill("get in touch at a.b@c.d "),
  "live-blog times": fill("16.20 BST "),
  "app pitches": "Download the " + fill("Big App "),
  "newsletter taglines": fill("The Rate Sheet is a weekly newsletter. Subscribe "),
  "times before dates": fill("9:47 PM EDT, "),
  "two-line stamps": fill("and last updated "),
  "wire tags": fill("(LEAD) (2nd LD) "),
  "datelines": fill("WARREN, Mich. (WXYZ) "),
  "hashtag lists with words": fill("#tag word "),
};

const FORMATS: ImportFormat[] = ["text", "markdown"];

/** The best of three runs: the cost of the work, not of a busy machine's scheduler. */
function fastest(run: () => unknown): number {
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    run();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

describe("every rule runs in linear time on hostile input", () => {
  for (const [name, line] of Object.entries(HOSTILE)) {
    for (const format of FORMATS) {
      it(`${name} (${format}, ${line.length} chars) is cleaned in under 50 ms`, () => {
        const input = `Headline\n${line}\nA closing story line, as a reporter would write it.`;
        const result = prepareArticle(input, format); // warms the code paths
        expect(result.body).toContain("A closing story line");
        expect(fastest(() => prepareArticle(input, format))).toBeLessThan(50);
      });
    }
  }

  // Many furniture lines cost more per line than story (every rule gets a look), but the
  // cost must grow with the input, not with its square: four times the lines take about
  // four times as long (sixteen if it were quadratic), so eight is the line to stay under.
  it.each([
    ["copyright lines", "© 2026 X\n"],
    ["related headings", "Related\n"],
    ["bullets", "- a headline\n"],
    ["timestamps", "2024-01-21 15:00:00\n"],
    ["bylines", "By Grace Whitfield\n"],
    ["menu labels", "National\n"],
    ["mastheads", "7 News Detroit\n"],
    ["menus over headlines", "Local News\nCouncil passes budget after six hours\n"],
    ["end marks and tags", "(END)\nKeywords\n#a #b c\n"],
  ])("50 KB and 200 KB of %s take linear time", (_name, unit) => {
    const article = (bytes: number) => `Headline\nA first story line, as a reporter would write it.\n${unit.repeat(Math.ceil(bytes / unit.length))}`;
    const small = article(SIZE / 2);
    const large = article(2 * SIZE);
    prepareArticle(small, "text");
    const once = fastest(() => prepareArticle(small, "text"));
    const fourfold = fastest(() => prepareArticle(large, "text"));
    expect(once).toBeLessThan(500);
    expect(fourfold).toBeLessThan(8 * once + 100); // the floor absorbs a collection pause; a quadratic walk takes seconds
  });

  it("the date reader gives up on long input at once", () => {
    expect(fastest(() => parseDateText("2024. " + "1".repeat(SIZE)))).toBeLessThan(50);
    expect(parseDateText("2024. " + "1".repeat(SIZE))).toBeNull();
    expect(parseDateText("April " + " ".repeat(SIZE) + "28, 2026")).toBeNull();
  });

  it("a page nested 5,000 <div>s deep is read without overflowing the stack, and quickly", () => {
    const html = "<div>".repeat(5000) + "<p>The story, deep inside.</p>" + "</div>".repeat(5000);
    expect(prepareArticle(html, "html").body).toBe("The story, deep inside.");
    expect(fastest(() => prepareArticle(html, "html"))).toBeLessThan(2000);
  });

  // Parsing and readability cost about the same per element on any page; what must not happen is a cost per
  // element that grows with the paragraph (V8 flattening a growing string, a DOM list rebuilt on each access).
  it("adjacent inline elements and a huge byline block: four times the elements take about four times as long", () => {
    const page = (n: number) => {
      const spans = "<span>word</span><span>Word</span>".repeat(n);
      return `<html><body><article><h1>Headline</h1><div class="byline">${spans}</div><p>${spans}</p><p>The story, as a reporter would write it.</p></article></body></html>`;
    };
    const small = page(2_500);
    const large = page(10_000); // 40,000 elements
    prepareArticle(small, "html");
    const once = fastest(() => prepareArticle(small, "html"));
    const fourfold = fastest(() => prepareArticle(large, "html"));
    expect(once).toBeLessThan(1500);
    expect(fourfold).toBeLessThan(8 * once + 100); // a quadratic walk took 100 s here
  });

  it("a 100 KB hostile HTML paragraph is cleaned in well under a second", () => {
    const html = `<html><body><article><h1>Headline</h1><p>${"by a ".repeat(20_000)}</p><p>${fill("Home » ")}</p></article></body></html>`;
    expect(fastest(() => prepareArticle(html, "html"))).toBeLessThan(1000);
  });
});
