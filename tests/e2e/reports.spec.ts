import fs from "node:fs/promises";
import { type Page } from "@playwright/test";
import { expect, test } from "./support/csp-guard";
import { signInAs } from "./support/session";

// the seeded desk's one contradicted claim by Choe Son Hui
const QUOTE = "the main cause of the deterioration of the situation is the provocative behavior of the United States and its followers.";
const CSV_HEADER =
  "id,status,quote,proposition,type,speaker,source title,outlet,source date,resolves on,latest verdict time,reviewer,rationale,evidence count,evidence,link";

const liveCount = (page: Page) => page.getByRole("status").filter({ hasText: /matching claim/ });
const today = () => new Date().toISOString().slice(0, 10);

/** Clicks an export button and answers the file's suggested name and text. */
async function exportFile(page: Page, name: string) {
  const before = today();
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name, exact: true }).click()]);
  const fileName = download.suggestedFilename();
  expect([before, today()].some((day) => fileName.includes(day)), `${fileName} names the date`).toBe(true);
  expect(fileName).toContain("contradicted");
  const bytes = await fs.readFile(await download.path());
  return { fileName, bytes, text: bytes.toString("utf8") };
}

test("a viewer narrows the report live, sees the preview and downloads every format", async ({ page }) => {
  await signInAs(page, "viewer");
  await page.goto("/reports");
  await expect(page.getByRole("heading", { name: "Reports", level: 1 })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Reports" })).toBeVisible();
  // the live count needs the page's script: wait for it to say so
  await expect(page.getByText("The count and the preview follow the filters as you change them.")).toBeVisible();
  await expect(liveCount(page)).toHaveText(/^\d+ matching claims$/);
  const all = Number((await liveCount(page).textContent())!.split(" ")[0]);
  expect(all).toBeGreaterThanOrEqual(15);

  for (const label of ["Status", "Source", "Speaker", "Claim type", "Reviewer"]) {
    await expect(page.getByRole("combobox", { name: label, exact: true })).toBeVisible();
  }
  await expect(page.getByLabel("Verdict from")).toHaveAttribute("type", "date");
  await expect(page.getByLabel("Verdict to")).toHaveAttribute("type", "date");

  await page.getByRole("combobox", { name: "Status", exact: true }).selectOption({ label: "Contradicted" });
  await page.getByRole("combobox", { name: "Speaker", exact: true }).selectOption({ label: "Choe Son Hui" });
  await expect(liveCount(page)).toHaveText("1 matching claim");
  const preview = page.getByRole("region", { name: "Preview" });
  await expect(preview.getByRole("link", { name: `“${QUOTE}”` })).toBeVisible();
  await expect(preview.getByRole("row")).toHaveCount(2);

  // every export carries both filters
  for (const name of ["Export CSV", "Export JSON", "Export ClaimReview JSON-LD", "Export Markdown", "Export HTML", "Printable report"]) {
    await expect(page.getByRole("link", { name, exact: true })).toHaveAttribute("href", /status=contradicted&speakerId=\d+/);
  }

  const csv = await exportFile(page, "Export CSV");
  expect(csv.fileName).toMatch(/\.csv$/);
  expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(csv.text.slice(1).split("\r\n")[0]).toBe(CSV_HEADER);
  expect(csv.text).toContain(QUOTE);

  const json = await exportFile(page, "Export JSON");
  const report = JSON.parse(json.text) as { schema: string; filters: { status: string }; claims: Array<{ quote: string; status: string }> };
  expect(report.schema).toBe("claimdesk.report/1");
  expect(report.filters.status).toBe("contradicted");
  expect(report.claims.map((c) => c.quote)).toEqual([QUOTE]);

  const jsonld = await exportFile(page, "Export ClaimReview JSON-LD");
  const reviews = JSON.parse(jsonld.text) as Array<{ "@type": string; claimReviewed: string; reviewRating: { alternateName: string } }>;
  expect(Array.isArray(reviews)).toBe(true);
  expect(reviews).toHaveLength(1);
  const review = reviews[0]!;
  expect(review["@type"]).toBe("ClaimReview");
  expect(review.claimReviewed).toBe(QUOTE);
  expect(review.reviewRating.alternateName).toBe("Contradicted");

  const markdown = await exportFile(page, "Export Markdown");
  expect(markdown.fileName).toMatch(/\.md$/);
  expect(markdown.text).toContain(QUOTE);

  const html = await exportFile(page, "Export HTML");
  expect(html.fileName).toMatch(/\.html$/);
  expect(html.text).toContain(QUOTE);
  expect(html.text).toContain("Claimdesk verdict report");

  // the downloads left the page where it was
  await expect(page).toHaveURL(/\/reports$/);
  await expect(liveCount(page)).toHaveText("1 matching claim");
});

test("the printable report shows every claim with its summary, in the browser", async ({ page }) => {
  await signInAs(page, "viewer");
  const response = await page.goto("/reports/print");
  expect(response?.status()).toBe(200);
  expect(response?.headers()["content-type"]).toBe("text/html; charset=utf-8");
  expect(response?.headers()["content-disposition"]).toBeUndefined();
  await expect(page.getByRole("heading", { name: "Claimdesk verdict report", level: 1 })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Summary", level: 2 })).toBeVisible();
  for (const table of ["By status", "By source", "By speaker"]) {
    await expect(page.getByRole("table", { name: table })).toBeVisible();
  }
  const allClaims = page.getByRole("table", { name: "By status" }).getByRole("row", { name: /All claims/ });
  const total = Number(await allClaims.getByRole("cell").last().textContent());
  expect(total).toBeGreaterThanOrEqual(15);
  await expect(page.getByText(QUOTE)).toBeVisible();
});

test("the page's Printable report link keeps the filters", async ({ page }) => {
  await signInAs(page, "viewer");
  await page.goto("/reports?status=contradicted");
  await expect(liveCount(page)).toHaveText(/^\d+ matching claims?$/);
  await page.getByRole("link", { name: "Printable report" }).click();
  await expect(page).toHaveURL(/\/reports\/print\?status=contradicted$/);
  await expect(page.getByRole("heading", { name: "Claimdesk verdict report" })).toBeVisible();
  await expect(page.getByText("status contradicted")).toBeVisible();
  await expect(page.getByText(QUOTE)).toBeVisible();
  await expect(page.getByRole("heading", { name: "Pending", level: 3 })).toHaveCount(0);
});

test("filters that are not valid are named, and nothing is offered for export", async ({ page }) => {
  await signInAs(page, "viewer");
  await page.goto("/reports?from=2025-03-01&to=2025-02-01");
  const problem = page.getByRole("alert").filter({ hasText: "Verdict to" });
  await expect(problem).toContainText("The range ends before it starts.");
  await expect(liveCount(page)).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Export CSV" })).toHaveCount(0);

  // mending the range brings the count and the exports back, without a submit
  await expect(page.getByText("The count and the preview follow the filters as you change them.")).toBeVisible();
  await page.getByLabel("Verdict to").fill("2025-03-31");
  await expect(liveCount(page)).toHaveText(/^\d+ matching claims?$/);
  await expect(page.getByRole("link", { name: "Export CSV" })).toHaveAttribute("href", /from=2025-03-01&to=2025-03-31/);

  const print = await page.goto("/reports/print?status=maybe");
  expect(print?.status()).toBe(400);
  await expect(page.getByRole("heading", { name: "These report filters are not valid" })).toBeVisible();
  await expect(page.getByText(/Status is one of/)).toBeVisible();
});

test("signed out, the report page and the printable report send you to sign in", async ({ page }) => {
  await page.goto("/reports");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Freports$/);
  await page.goto("/reports/print?status=contradicted");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Freports%2Fprint%3Fstatus%3Dcontradicted$/);
});
