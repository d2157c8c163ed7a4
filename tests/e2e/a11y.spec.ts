import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "./support/csp-guard";
import { signInAs } from "./support/session";

/**
 * Every page a desk lives in, checked by axe-core: no serious or critical
 * violation (WCAG 2.1 A and AA rules, and axe's best practices). The
 * findings are printed, so a failure says what and where.
 */
async function expectAccessible(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  const report = bad.map((v) => `${v.impact} ${v.id}: ${v.help}\n${v.nodes.slice(0, 5).map((n) => `  ${n.target.join(" ")} — ${n.failureSummary?.split("\n")[1]?.trim() ?? ""}`).join("\n")}`);
  expect(report, `${what}: serious or critical accessibility violations`).toEqual([]);
}

test("the sign-in page", async ({ page }) => {
  await page.goto("/login");
  await expectAccessible(page, "sign-in");
});

test.describe("a reviewer's pages", () => {
  test.beforeEach(async ({ page }) => {
    await signInAs(page, "reviewer");
  });

  test("the dashboard", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
    await expectAccessible(page, "dashboard");
  });

  test("the reader", async ({ page }) => {
    await page.goto("/sources");
    await page.getByRole("link", { name: "North Korean foreign minister arrives in Russia", exact: true }).click();
    await expect(page.getByRole("article", { name: "Article text" })).toBeVisible();
    await expectAccessible(page, "reader");
  });

  test("the claims list and a claim page", async ({ page }) => {
    await page.goto("/claims");
    await expectAccessible(page, "claims list");
    await page.getByRole("main").getByRole("link").filter({ hasText: "“" }).first().click();
    await expect(page).toHaveURL(/\/claims\/\d+$/);
    await expect(page.getByRole("heading", { level: 2, name: "Possibly the same claim" })).toBeVisible();
    await expectAccessible(page, "claim page");
  });

  test("a speaker page and search results", async ({ page }) => {
    await page.goto("/speakers");
    await page.getByRole("link", { name: "Choe Son Hui" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Choe Son Hui" })).toBeVisible();
    await expectAccessible(page, "speaker page");
    await page.goto("/search?q=Choe+Moscow");
    await expectAccessible(page, "search results");
  });
});

test.describe("an admin's pages", () => {
  test.beforeEach(async ({ page }) => {
    await signInAs(page, "admin");
  });

  test("the reports page", async ({ page }) => {
    await page.goto("/reports");
    await expectAccessible(page, "reports");
  });

  test("the admin page", async ({ page }) => {
    await page.goto("/admin/users");
    await expectAccessible(page, "admin");
  });

  test("the add-source page", async ({ page }) => {
    await page.goto("/sources/new");
    await expectAccessible(page, "add source");
  });
});
