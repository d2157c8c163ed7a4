import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { prepareArticle } from "@/lib/import/prepare";
import type { ArticleMetadata, ImportFormat, PrepareOptions, RemovalReason } from "@/lib/import/types";

const dir = path.join(process.cwd(), "tests", "fixtures", "articles");

type Expected = { input: string; format: ImportFormat; options: PrepareOptions; metadata: ArticleMetadata; body: string };

const expectations: Expected[] = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith(".expected.json"))
  .map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), "utf8")) as Expected);

const prepare = (e: Expected) => prepareArticle(fs.readFileSync(path.join(dir, e.input), "utf8"), e.format, e.options);

it("has a fixture of each shape the desk imports", () => {
  expect(expectations.map((e) => e.format).sort()).toEqual(["html", "html", "markdown", "text", "text", "text"]);
});

describe.each(expectations)("fixture $input", (expected) => {
  const prepared = prepare(expected);

  it("cleans to the expected body", () => {
    expect(prepared.body).toBe(expected.body);
  });

  it("reads the expected metadata", () => {
    expect(prepared.metadata).toEqual(expected.metadata);
  });

  it("keeps the quotations, predictions and figures a reviewer would capture", () => {
    expect(prepared.body).toMatch(/[“"][^”"]{10,}[,.]?[”"] (?:he|she) (?:said|added)|(?:said|told|warned|argued|added)/);
    expect(prepared.body).toMatch(/\d+(?:\.\d+)?%|\d+ percent/);
    expect(prepared.body).toMatch(/expected to|plans to|will /);
  });

  it("gives the body as clean text", () => {
    expect(prepared.body).not.toMatch(/\r|\n{3,}|^\s|\s$/);
    for (const p of prepared.body.split("\n\n")) expect(p).toBe(p.trim());
  });
});

const reasonsOf = (input: string) => {
  const e = expectations.find((x) => x.input === input)!;
  return new Map(prepare(e).removed.map((r) => [r.line, r.reason] as [string, RemovalReason]));
};

describe("what each fixture's furniture was removed as", () => {
  it("council-budget.html: cookie banner, navigation, share bar, ads, read-more box, related aside, comments, footer, scripts", () => {
    const reasons = reasonsOf("council-budget.html");
    expect(reasons.get("We use cookies to improve your experience and to show you personalised advertising. By continuing to browse this site you agree to our use of cookies.")).toBe("cookie-banner");
    expect(reasons.get("- Politics")).toBe("header");
    expect(reasons.get("Home > News > Local")).toBe("breadcrumb");
    expect(reasons.get("Share this article Facebook Twitter Email")).toBe("share");
    expect(reasons.get("Advertisement")).toBe("ad");
    expect(reasons.get("- Residents pack first budget hearing")).toBe("read-more");
    expect(reasons.get("- Fire chief says two stations could close without new money")).toBe("related");
    expect(reasons.get("Sign up for our newsletter")).toBe("newsletter");
    expect(reasons.get("12 Comments")).toBe("comments");
    expect(reasons.get("© 2026 The Harbor City Ledger. All rights reserved.")).toBe("footer");
    expect([...reasons.values()]).toContain("script");
    expect(reasons.get("By Dana Whitlock")).toBe("byline");
    expect(reasons.get("Harbor City council passes $412 million budget with 4.5% tax rise")).toBe("headline");
  });

  it("court-ruling.html: what readability leaves, the text rules catch", () => {
    const reasons = reasonsOf("court-ruling.html");
    expect(reasons.get("Advertisement")).toBe("ad");
    expect(reasons.get("READ MORE: Northgate hosts launch legal challenge to holiday let ban")).toBe("read-more");
    expect(reasons.get("Share this:")).toBe("share");
    expect(reasons.get("Rents in Northgate rise 9.8% in a year")).toBe("related");
    expect(reasons.get("This site uses Akismet to reduce spam. Learn how your comment data is processed.")).toBe("comments");
  });

  it("local-election.txt: a local paper's furniture, line by line", () => {
    const reasons = reasonsOf("local-election.txt");
    expect(reasons.get("Advertisement")).toBe("ad");
    expect(reasons.get("Sign up for our newsletter")).toBe("newsletter");
    expect(reasons.get("Share this article")).toBe("share");
    expect(reasons.get("gwhitfield@millbrooksentinel.com")).toBe("email");
    expect(reasons.get("Read more: Who is running for Millbrook County commission? A guide to the candidates")).toBe("read-more");
    expect(reasons.get("Updated: April 28, 2026 at 11:02 a.m.")).toBe("dateline");
    expect(reasons.get("- Police identify driver in Route 9 crash")).toBe("after-story");
  });

  it("wire-typhoon.txt: the wire's end marks", () => {
    const reasons = reasonsOf("wire-typhoon.txt");
    expect(reasons.get("Our Standards: The Thomson Reuters Trust Principles.")).toBe("wire-end");
    expect([...reasons.entries()].find(([line]) => line.startsWith("(Reporting by"))?.[1]).toBe("wire-end");
    expect(reasons.get("Advertisement · Scroll to continue")).toBe("ad");
  });

  it("korean-transfer.txt: Korean interface strings and the reporter's address", () => {
    const reasons = reasonsOf("korean-transfer.txt");
    expect(reasons.get("글자크기 가 가 가")).toBe("interface");
    expect(reasons.get("기사 공유하기")).toBe("interface");
    expect(reasons.get("입력 2025/12/03 10:15 KST")).toBe("dateline");
    expect(reasons.get("parkjw@koreatimes.co.kr")).toBe("email");
    expect(reasons.get("좋아요 12")).toBe("after-story");
  });

  it("opinion-sleep-study.md: markup, the image and its caption, hashtags", () => {
    const reasons = reasonsOf("opinion-sleep-study.md");
    expect(reasons.get("![Teenagers asleep in a classroom](https://cdn.example.org/img/sleep-class.jpg)")).toBe("image");
    expect(reasons.get("#sleep #education #research")).toBe("hashtags");
    expect(reasons.get("Read more: Why randomised trials in schools are so hard to run")).toBe("read-more");
    expect(reasons.get("---")).toBe("markup");
  });
});
