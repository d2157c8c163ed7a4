import { parse } from "csv-parse/sync";
import { eq, isNull } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { claims } from "@/db/schema";
import { countReportClaims } from "@/db/queries/report-rows";
import { reportPieces } from "@/lib/reports";
import { reportFileName, reportFiltersQuery, type ReportFormat } from "@/lib/reports/filters";
import { CSV_HEADER } from "@/lib/reports/formats/csv";
import { esc } from "@/lib/reports/formats/html";
import { claimReview } from "@/lib/reports/formats/jsonld";
import { mdText } from "@/lib/reports/formats/markdown";
import { reportJsonSchema } from "@/lib/reports/json-schema";
import { recordVerdict } from "@/lib/verdicts";
import { seedDesk } from "@/seed/seed-desk";
import { SYSTEM, expectOk, makeClaim, makeSource, makeSpeaker } from "./support/factories";
import { joined } from "./support/pieces";

const run = (format: ReportFormat, filters = {}) => joined(reportPieces(format, reportFiltersQuery.parse(filters)));
const quotes = async () => (await getDb().select({ quote: claims.quote }).from(claims).where(isNull(claims.deletedAt))).map((c) => c.quote);

const FORMULA = '=HYPERLINK("http://x")';
const KOREAN = "북한 외무상 최선희가 모스크바에 도착했다";

beforeAll(async () => {
  await seedDesk();
  // hostile and non-Latin text, through the same doors as everything else
  const source = await makeSource({ body: `${KOREAN}. 다음 문장은 없다. ${FORMULA} said nobody.` });
  const speaker = await makeSpeaker({ name: "+SUM(A1:A9)" });
  const claim = await makeClaim({ source, quote: KOREAN, speakerId: speaker.id });
  expectOk(await recordVerdict(SYSTEM, { claimId: claim.id, status: "contradicted", rationale: "@cmd <script>alert(1)</script>", baseVersion: 1 }));
  await makeClaim({ source, quote: FORMULA, speakerId: speaker.id });
});

describe("CSV", () => {
  it("parses back to one row per claim, with the BOM, the header and every quote", async () => {
    const csv = await run("csv");
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const rows = parse(csv.slice(1), { relax_column_count: false }) as string[][];
    expect(rows[0]).toEqual(CSV_HEADER);
    expect(rows.length - 1).toBe(await countReportClaims({}));
    const exported = rows.slice(1).map((r) => r[2]!.replace(/^'/, ""));
    expect(new Set(exported)).toEqual(new Set(await quotes()));
  });

  it("neutralises formula payloads and keeps Korean text and quotation marks intact", async () => {
    const rows = parse((await run("csv")).slice(1)) as string[][];
    const formula = rows.find((r) => r[2]!.includes("HYPERLINK"))!;
    expect(formula[2]).toBe(`'${FORMULA}`);
    expect(formula[5]).toBe("'+SUM(A1:A9)");
    const korean = rows.find((r) => r[2] === KOREAN)!;
    expect(korean[12]).toBe("'@cmd <script>alert(1)</script>");
    expect(rows.every((r) => r.every((cell) => !/^[=+\-@\t\r]/.test(cell)))).toBe(true);
    const typographic = rows.find((r) => r[2]!.includes("“our business.”"));
    expect(typographic).toBeDefined();
  });
});

describe("JSON", () => {
  it("validates against its versioned schema and carries history and evidence", async () => {
    const report = reportJsonSchema.parse(JSON.parse(await run("json", { status: "corroborated" })));
    expect(report.claims.length).toBe(await countReportClaims({ status: "corroborated" }));
    const moscow = report.claims.find((c) => c.quote === "Choe is scheduled to arrive in Moscow on Wednesday")!;
    expect(moscow.verdicts.map((v) => v.status)).toEqual(["corroborated", "pending"]);
    expect(moscow.evidence[0]?.target).toMatchObject({ kind: "passage", quote: "Choi arrived in Moscow on October 30", sourceTitle: "North Korean and Russian foreign ministers reaffirm their solidarity" });
    const treaty = report.claims.find((c) => c.quote === "The treaty was signed by Russian President Vladimir Putin and Kim in June")!;
    expect(treaty.evidence[0]?.target).toMatchObject({ kind: "claim", quote: expect.stringContaining("included a mutual defense clause") });
    expect(report.filters).toEqual({ status: "corroborated" });
  });
});

describe("ClaimReview JSON-LD", () => {
  it("has one complete ClaimReview per ruled claim and none for pending ones", async () => {
    const reviews = JSON.parse(await run("jsonld")) as Array<NonNullable<ReturnType<typeof claimReview>>>;
    const ruled = await countReportClaims({ status: "corroborated" }) + await countReportClaims({ status: "contradicted" });
    expect(reviews).toHaveLength(ruled);
    for (const r of reviews) {
      expect(r).toMatchObject({ "@context": "https://schema.org", "@type": "ClaimReview", author: { "@type": "Organization" } });
      expect(typeof r.claimReviewed).toBe("string");
      expect(r.url).toMatch(/\/claims\/\d+$/);
      expect(r.datePublished).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(["Corroborated", "Contradicted"]).toContain(r.reviewRating.alternateName);
      expect(r.reviewRating).toMatchObject({ "@type": "Rating", bestRating: 5, worstRating: 1 });
      expect(r.reviewRating.ratingValue).toBe(r.reviewRating.alternateName === "Corroborated" ? 5 : 1);
      expect(r.itemReviewed).toMatchObject({ "@type": "Claim", author: { name: expect.any(String) }, datePublished: expect.stringMatching(/^\d{4}-/) });
    }
    const pendingQuotes = (await getDb().select({ quote: claims.quote }).from(claims).where(eq(claims.status, "pending"))).map((c) => c.quote);
    expect(reviews.some((r) => pendingQuotes.includes(r.claimReviewed))).toBe(false);
  });
});

describe("Markdown and HTML", () => {
  it("contain every exported quote, grouped by source then status", async () => {
    const md = await run("md");
    const html = await run("html");
    for (const quote of await quotes()) {
      expect(md).toContain(mdText(quote));
      expect(html).toContain(esc(quote));
    }
    expect(html).not.toContain("<script>alert(1)</script>");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(md).not.toContain("<script>");
    expect(html).toMatch(/<h2 id="summary">Summary<\/h2>/);
    const kyunghyang = md.indexOf("## North Korean and Russian foreign ministers reaffirm their solidarity");
    expect(md.indexOf("### Contradicted", kyunghyang)).toBeLessThan(md.indexOf("### Pending", kyunghyang));
  });

  it("say so when nothing matches", async () => {
    expect(await run("md", { type: "attribution", status: "contradicted" })).toContain("No claims match these filters.");
  });
});

describe("filters", () => {
  it("refuse unknown values and keys, and name the file after the date and the filters", () => {
    expect(reportFiltersQuery.safeParse({ status: "maybe" }).success).toBe(false);
    expect(reportFiltersQuery.safeParse({ colour: "red" }).success).toBe(false);
    expect(reportFiltersQuery.safeParse({ from: "2024-02-30" }).success).toBe(false);
    expect(reportFiltersQuery.safeParse({ from: "2024-03-01", to: "2024-02-01" }).success).toBe(false);
    const name = reportFileName("csv", reportFiltersQuery.parse({ status: "contradicted", speakerId: "4" }), new Date("2026-11-23T10:00:00Z"));
    expect(name).toBe("claimdesk-report-2026-11-23-contradicted-speaker-4.csv");
  });

  it("bound the latest verdict's date, both days included", async () => {
    const today = new Date().toISOString().slice(0, 10);
    expect(await countReportClaims(reportFiltersQuery.parse({ from: today, to: today }))).toBeGreaterThan(0);
    expect(await countReportClaims(reportFiltersQuery.parse({ to: "2000-01-01" }))).toBe(0);
  });
});
