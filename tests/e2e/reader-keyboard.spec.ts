import { type Locator, type Page } from "@playwright/test";
import { expect, test } from "./support/csp-guard";
import { openSource, selectForCapture, selectedClaimId } from "./support/reader";
import { signInAs } from "./support/session";

const EDITORIAL = "Putin Expresses Willingness to Visit North Korea After Talks with Foreign Minister Choe Son-hui";
// the end of one paragraph and the start of the next
const QUOTE =
  "If that happens, North Korea will have Russia and China as its de facto military allies.\n\nNorth Korea is also rapidly normalizing economic cooperation with China.";

async function tabTo(page: Page, target: Locator, most = 12) {
  for (let i = 0; i < most; i++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  await expect(target).toBeFocused();
}

test("keyboard only: a opens the form, typing and Tab fill it, j and k reach the claim, c corroborates it", async ({ page }) => {
  await signInAs(page, "reviewer");
  await openSource(page, EDITORIAL);
  const form = page.getByRole("form", { name: "New claim" });

  // Escape closes the form without saving
  await selectForCapture(page, QUOTE);
  await page.keyboard.press("a");
  await expect(form).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(form).toHaveCount(0);

  await selectForCapture(page, QUOTE);
  await page.keyboard.press("a");
  const speaker = form.getByRole("combobox", { name: "Speaker", exact: true });
  await expect(speaker).toBeFocused();
  await expect(form.locator("blockquote")).toContainText("de facto military allies.");
  await expect(form.locator("blockquote")).toContainText("North Korea is also rapidly normalizing");

  await page.keyboard.type("editorial (004");
  await expect(form.getByRole("option", { name: "Unnamed aggregator (republished Korean editorial)" })).toBeVisible();
  await page.keyboard.press("ArrowDown");
  await expect(speaker).toHaveAttribute("aria-activedescendant", /.+/);
  await page.keyboard.press("Enter");
  await expect(speaker).toHaveValue("Unnamed aggregator (republished Korean editorial)");
  await expect(form.getByRole("listbox")).toBeHidden();

  await page.keyboard.press("Tab");
  await expect(form.getByLabel("Claim type")).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(form.getByLabel("Proposition")).toBeFocused();
  await page.keyboard.type("North Korea counts Russia and China as de facto military allies.");
  await page.keyboard.press("Tab");
  await expect(form.getByRole("button", { name: "Save claim" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(form).toHaveCount(0);
  await expect(page.getByRole("status").filter({ hasText: "Claim saved." })).toBeVisible();

  const panel = page.getByRole("region", { name: "Selected claim" });
  const quote = panel.locator("blockquote");
  await expect(quote).toContainText("de facto military allies.");
  const claimId = await selectedClaimId(page);
  const marks = page.getByRole("article", { name: "Article text" }).locator(`mark[data-claim-id="${claimId}"]`);
  // one highlight in each paragraph
  await expect(marks).toHaveCount(2);

  // by id: a retry on the same desk may have captured the same words before
  await page.keyboard.press("k");
  await expect.poll(() => selectedClaimId(page)).not.toBe(claimId);
  await page.keyboard.press("j");
  await expect.poll(() => selectedClaimId(page)).toBe(claimId);

  await page.keyboard.press("c");
  const verdict = panel.getByRole("form", { name: "Record a verdict" });
  const rationale = verdict.getByLabel("Rationale");
  await expect(rationale).toBeFocused();
  await expect(verdict.getByRole("radio", { name: "Corroborated" })).toBeChecked();
  await page.keyboard.type("The editorial says so in its own words.");
  // the c that chose the verdict was not typed into the box
  await expect(rationale).toHaveValue("The editorial says so in its own words.");
  await tabTo(page, verdict.getByRole("button", { name: "Save verdict" }));
  await page.keyboard.press("Enter");
  await expect(verdict.getByRole("status")).toHaveText("Verdict saved: Corroborated.");
  await expect(marks.first()).toHaveAttribute("data-status", "corroborated");
});
