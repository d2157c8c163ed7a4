import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { expect, test } from "./support/csp-guard";
import { signInAs } from "./support/session";

/**
 * Bringing articles in, as a reviewer does it: paste, upload several files,
 * give an address; check what the cleaner kept and removed and the metadata
 * it read; save; then take the suggested claims from the keyboard.
 */
const seed = (file: string) => fs.readFileSync(path.join("seed", "articles", file), "utf8");
const fixture = (file: string) => fs.readFileSync(path.join("tests", "fixtures", "articles", file), "utf8");
const stamp = () => `${Date.now()}-${Math.floor(Math.random() * 1e6)}`;

test("a reviewer pastes a seed article, saves it past the duplicate warning, and accepts two suggestions with the keyboard", async ({ page }) => {
  await signInAs(page, "reviewer");
  await page.goto("/sources");
  await page.getByRole("main").getByRole("link", { name: "Add source" }).click();
  await expect(page).toHaveURL(/\/sources\/new$/);

  await page.getByLabel("Paste an article").fill(seed("000_9768125626ae8cb3.txt"));
  await page.getByRole("button", { name: "Clean pasted text" }).click();

  // the desk has this article (the demo seed): said before saving, with a link to it
  const duplicate = page.getByRole("alert", { name: "Possible duplicate" });
  await expect(duplicate).toContainText("The desk has the same article already");
  await expect(duplicate.getByRole("link", { name: "North Korean and Russian foreign ministers reaffirm their solidarity" })).toBeVisible();

  // what was taken out, struck through with why; the story kept
  const lines = page.getByRole("list", { name: "Lines as received" });
  await expect(lines.getByRole("listitem").filter({ hasText: "Kwak Hee-yang 2024. 11. 4. 18:35" })).toContainText("byline (now in the metadata)");
  await expect(lines.getByRole("listitem").filter({ hasText: "Copyright © 경향신문" })).toContainText("copyright line");
  await expect(page.getByLabel("Clean text of the article")).toContainText("Choi arrived in Moscow on October 30.");
  await expect(page.getByLabel("Clean text of the article")).not.toContainText("Copyright");

  // the metadata it read, in fields to correct
  await expect(page.getByLabel("Title", { exact: true })).toHaveValue("North Korean and Russian foreign ministers reaffirm their solidarity");
  await expect(page.getByLabel("Outlet", { exact: true })).toHaveValue("Kyunghyang Shinmun");
  await expect(page.getByLabel("Byline", { exact: true })).toHaveValue("Kwak Hee-yang");
  await expect(page.getByLabel("Date", { exact: true })).toHaveValue("2024-11-04");
  await expect(page.getByLabel("Time", { exact: true })).toHaveValue("18:35");
  await expect(page.getByLabel("Zone (UTC offset)")).toHaveValue("+09:00");
  await page.getByLabel("Title", { exact: true }).fill(`North Korean and Russian foreign ministers reaffirm their solidarity (copy ${stamp()})`);

  await page.getByRole("button", { name: "Save anyway" }).click();
  await expect(page).toHaveURL(/\/sources\/\d+$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("(copy ");
  const suggested = page.getByRole("list", { name: "Suggested claims" });
  await expect(suggested.getByRole("listitem").first()).toBeVisible();

  // s goes to the suggestions; Enter accepts the one with focus, and the focus moves on to the next
  await page.getByRole("article", { name: "Article text" }).click({ position: { x: 5, y: 5 } });
  await page.keyboard.press("s");
  const first = page.locator(".suggestion-item:focus");
  await expect(first).toBeVisible();
  const firstQuote = (await first.getAttribute("aria-label"))!.replace(/^Suggested claim: “(.*)”, .*$/s, "$1");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "Claim saved from the suggestion." })).toBeVisible();
  const second = page.locator(".suggestion-item:focus");
  await expect(second).toBeVisible();
  const secondQuote = (await second.getAttribute("aria-label"))!.replace(/^Suggested claim: “(.*)”, .*$/s, "$1");
  expect(secondQuote).not.toBe(firstQuote);
  await page.keyboard.press("Enter");
  await expect(suggested.getByRole("listitem").filter({ hasText: secondQuote })).toHaveCount(0);

  // both are claims now: highlighted as claims in the text and listed as claims
  const text = page.getByRole("article", { name: "Article text" });
  for (const quote of [firstQuote, secondQuote]) {
    await expect(text.locator("mark.claim").filter({ hasText: quote.slice(0, 40) }).first()).toBeVisible();
    await expect(page.getByRole("button", { name: new RegExp(quote.slice(0, 30).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")) })).toBeVisible();
  }
  await expect(suggested.getByRole("listitem").filter({ hasText: firstQuote })).toHaveCount(0);

  // x dismisses the one with focus, and it is not offered again
  await page.keyboard.press("s");
  const third = page.locator(".suggestion-item:focus");
  const thirdQuote = (await third.getAttribute("aria-label"))!.replace(/^Suggested claim: “(.*)”, .*$/s, "$1");
  await page.keyboard.press("x");
  await expect(page.getByRole("status").filter({ hasText: "Suggestion dismissed." })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("list", { name: "Suggested claims" }).getByRole("listitem").filter({ hasText: thirdQuote })).toHaveCount(0);
});

test("several files uploaded at once are cleaned one by one and saved together; a binary file is refused with a reason", async ({ page }) => {
  const tag = stamp();
  await signInAs(page, "reviewer");
  await page.goto("/sources/new");
  const html = fixture("council-budget.html").replace("</article>", `<p>Filed with reference ${tag}.</p></article>`);
  const text = `${fixture("local-election.txt")}\n\nCorrection ${tag}: an earlier version misstated the turnout.`;
  await page.getByLabel("Upload files").setInputFiles([
    { name: `council-${tag}.html`, mimeType: "text/html", buffer: Buffer.from(html) },
    { name: `election-${tag}.txt`, mimeType: "text/plain", buffer: Buffer.from(text) },
    { name: `scan-${tag}.txt`, mimeType: "text/plain", buffer: Buffer.from("%PDF-1.7\u0000\u0001 not an article") },
  ]);
  const list = page.getByRole("region", { name: /Articles to import/ });
  await expect(list.getByRole("listitem").filter({ hasText: `council-${tag}.html` })).toContainText("ready");
  await expect(list.getByRole("listitem").filter({ hasText: `election-${tag}.txt` })).toContainText("ready");
  await expect(list.getByRole("listitem").filter({ hasText: `scan-${tag}.txt` })).toContainText("not imported");
  await list.getByRole("button", { name: `scan-${tag}.txt` }).click();
  await expect(page.getByRole("alert", { name: "Import problem" })).toContainText("This is a PDF");

  await list.getByRole("button", { name: `election-${tag}.txt` }).click();
  await expect(page.getByLabel("Byline", { exact: true })).toHaveValue("Grace Whitfield");
  await expect(page.getByRole("list", { name: "Lines as received" }).getByRole("listitem").filter({ hasText: "Sign up for our newsletter" })).toContainText(
    "newsletter sign-up",
  );
  await list.getByRole("button", { name: "Save all ready (2)" }).click();
  await expect(list.getByRole("listitem").filter({ hasText: `council-${tag}.html` })).toContainText("saved");
  await expect(list.getByRole("listitem").filter({ hasText: `election-${tag}.txt` })).toContainText("saved");
  await list.getByRole("listitem").filter({ hasText: `election-${tag}.txt` }).getByRole("link", { name: "open" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Turnout hits 20-year high");
});

test("an article by its address: the server fetches it, reads its page metadata, and refuses the cloud metadata address", async ({ page }) => {
  const tag = stamp();
  const html = fixture("court-ruling.html").replace("said its director, Ruth Kimani.</p>", `said its director, Ruth Kimani.</p><p>Case reference ${tag}.</p>`);
  const server = http.createServer((req, res) => {
    if (req.url === "/ruling") res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(html);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/ruling`;
  try {
    await signInAs(page, "reviewer");
    await page.goto("/sources/new");
    await page.getByLabel("Article address").fill("http://169.254.169.254/latest/meta-data/");
    await page.getByRole("button", { name: "Fetch and clean" }).click();
    await expect(page.getByRole("alert", { name: "Import problem" })).toContainText(/metadata/i);

    await page.getByLabel("Article address").fill(url);
    await page.getByRole("button", { name: "Fetch and clean" }).click();
    await expect(page.getByRole("button", { name: "Save source" })).toBeVisible();
    await expect(page.getByLabel("Clean text of the article")).toContainText(`Case reference ${tag}.`);
    await expect(page.getByLabel("Outlet", { exact: true })).not.toHaveValue("");
    await expect(page.getByRole("list", { name: "Blocks taken out of the page" }).getByRole("listitem").first()).toBeVisible();
    await page.getByRole("button", { name: "Save source" }).click();
    await expect(page).toHaveURL(/\/sources\/\d+$/);
  } finally {
    server.close();
  }
});

test("a viewer sees no import form and no Add source link", async ({ page }) => {
  await signInAs(page, "viewer");
  await page.goto("/sources");
  await expect(page.getByRole("link", { name: "Add source" })).toHaveCount(0);
  await page.goto("/sources/new");
  await expect(page.getByRole("alert", { name: "Not allowed" })).toContainText("Adding sources needs the reviewer role");
  await expect(page.getByLabel("Paste an article")).toHaveCount(0);
});
