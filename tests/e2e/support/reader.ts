import { expect, type Locator, type Page } from "@playwright/test";

/**
 * Selects the first occurrence of `text` in `root`, as a reader dragging the
 * mouse would, across as many text nodes (marks, runs, paragraphs) as it
 * spans. A paragraph break is written "\n\n" and matches the boundary between
 * two paragraphs, where the page has no text.
 */
export async function selectText(root: Locator, text: string) {
  await root.evaluate((element, wanted) => {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    const nodes: Array<{ node: Text; at: number }> = [];
    let all = "";
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      nodes.push({ node: n as Text, at: all.length });
      all += (n as Text).data;
    }
    const flat = wanted.replace(/\n+/g, "");
    const start = all.indexOf(flat);
    if (start < 0) throw new Error(`text not found on the page: ${wanted}`);
    const end = start + flat.length;
    const first = nodes.findLast((n) => n.at <= start)!;
    const last = nodes.find((n) => n.at < end && end <= n.at + n.node.data.length)!;
    const range = document.createRange();
    range.setStart(first.node, start - first.at);
    range.setEnd(last.node, end - last.at);
    const selection = document.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
  }, text);
}

/** Selects text in the article until the page (once hydrated) offers "Add claim". */
export async function selectForCapture(page: Page, text: string) {
  const article = page.getByRole("article", { name: "Article text" });
  const add = page.getByRole("button", { name: "Add claim" });
  await expect(async () => {
    await selectText(article, text);
    await expect(add).toBeVisible({ timeout: 1000 });
  }).toPass();
  return add;
}

export async function openSource(page: Page, title: string) {
  await page.goto("/sources");
  await page.getByRole("link", { name: title }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
}

/** The id of the claim in the reader's "Selected claim" panel. */
export async function selectedClaimId(page: Page): Promise<number> {
  const link = page.getByRole("region", { name: "Selected claim" }).getByRole("link", { name: "Open claim page" });
  const href = await link.getAttribute("href");
  return Number(href?.split("/").pop());
}

/** Captures a claim through the reader with the mouse, and returns its id. */
export async function captureClaim(page: Page, options: { source: string; quote: string; speaker: string }) {
  await openSource(page, options.source);
  await (await selectForCapture(page, options.quote)).click();
  const form = page.getByRole("form", { name: "New claim" });
  await form.getByRole("combobox", { name: "Speaker", exact: true }).pressSequentially(options.speaker);
  const escaped = options.speaker.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  await form.getByRole("option", { name: new RegExp(`^${escaped}( ·|$)`) }).click();
  await form.getByRole("button", { name: "Save claim" }).click();
  await expect(form).toHaveCount(0);
  const panel = page.getByRole("region", { name: "Selected claim" });
  await expect(panel.locator("blockquote")).toHaveText(options.quote);
  return selectedClaimId(page);
}
