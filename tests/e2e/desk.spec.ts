import { expect, test } from "./support/csp-guard";
import { freshClaim, JOONGANG } from "./support/claims";
import { signInAs } from "./support/session";

const KYUNGHYANG = "North Korean and Russian foreign ministers reaffirm their solidarity";

test("the dashboard says the Feb 23 Kim visit is overdue, and j / Enter open a row", async ({ page }) => {
  await signInAs(page, "viewer");
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
  const overdue = page.getByRole("list", { name: "Overdue predictions" });
  const kim = overdue.getByRole("listitem").filter({ hasText: "Kim is expected to visit Russia on Feb. 23 next year" });
  await expect(kim).toContainText("Overdue: due 23 Feb 2025, still pending");

  // j moves to the first row of the first list, Enter opens its claim
  await page.locator("body").press("j");
  await expect(page.locator("[data-row-link]:focus")).toHaveCount(1);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/claims\/\d+$/);
});

test("/ focuses the search box; 'Choe Moscow' finds both arrivals, the other spelling included", async ({ page }) => {
  await signInAs(page, "viewer");
  await page.goto("/");
  await page.locator("body").press("/");
  const box = page.getByRole("searchbox", { name: "Search the desk" });
  await expect(box).toBeFocused();
  await box.fill("Choe Moscow");
  await box.press("Enter");
  await expect(page).toHaveURL(/\/search\?q=Choe\+Moscow$/);
  const claims = page.getByRole("region", { name: /^Claims/ });
  await expect(claims.getByRole("link", { name: "“Choi arrived in Moscow on October 30”" }).first()).toBeVisible();
  await claims.getByRole("link", { name: "“Choe is scheduled to arrive in Moscow on Wednesday”" }).first().click();
  await expect(page).toHaveURL(/\/claims\/\d+$/);
  // the seeded Wednesday claim lists its twin in the other paper
  const related = page.getByRole("region", { name: "Possibly the same claim" });
  const twin = related.getByRole("listitem", { name: /^Related claim by .* in Kyunghyang Shinmun$/ }).filter({ hasText: "Choi arrived in Moscow on October 30" });
  await expect(twin).toBeVisible();
  await expect(twin.getByRole("list", { name: "Why it matched" })).toContainText("Date");
  // a viewer sees no link buttons
  await expect(related.getByRole("button", { name: "Link as supporting evidence" })).toHaveCount(0);
  await expect(related.getByRole("status")).toHaveCount(0);
});

test("on the seeded desk a reviewer is offered the Wednesday claim's twin to link, as a new user would find it", async ({ page }) => {
  await signInAs(page, "reviewer");
  await page.goto("/search?q=Choe+Moscow");
  await page.getByRole("region", { name: /^Claims/ }).getByRole("link", { name: "“Choe is scheduled to arrive in Moscow on Wednesday”" }).first().click();
  const related = page.getByRole("region", { name: "Possibly the same claim" });
  const twin = related.getByRole("listitem").filter({ hasText: "Choi arrived in Moscow on October 30" }).filter({ hasText: KYUNGHYANG });
  await expect(twin.getByRole("button", { name: "Link as supporting evidence" })).toBeVisible();
  await expect(twin.getByRole("button", { name: "Link as refuting evidence" })).toBeVisible();
});

test("from the dashboard: search 'Choe Moscow', open the Wednesday claim, link its twin as supporting evidence in two clicks", async ({ page, baseURL }) => {
  await signInAs(page, "reviewer");
  // a Wednesday claim of this test's own (the seeded one offers the same link, above), so no other test's evidence moves
  const claim = await freshClaim<{ id: number }>(page.request, { origin: baseURL! }, "Choe is scheduled to arrive in Moscow on Wednesday", JOONGANG);
  await page.goto("/");
  await page.locator("body").press("/");
  await page.keyboard.type("Choe Moscow");
  await page.keyboard.press("Enter");
  const results = page.getByRole("region", { name: /^Claims/ });
  await results.locator(`a[href="/claims/${claim.id}"]`).click(); // click 1
  await expect(page).toHaveURL(new RegExp(`/claims/${claim.id}$`));
  const related = page.getByRole("region", { name: "Possibly the same claim" });
  const twin = related.getByRole("listitem").filter({ hasText: "Choi arrived in Moscow on October 30" }).filter({ hasText: KYUNGHYANG });
  await twin.getByRole("button", { name: "Link as supporting evidence" }).click(); // click 2
  await expect(twin.getByRole("status")).toHaveText("Linked as supporting evidence.");
  const evidence = page.getByRole("region", { name: "Evidence", exact: true });
  await expect(evidence).toContainText("Supports: claim “Choi arrived in Moscow on October 30”");
  // after the refresh the candidate has no second button
  await expect(twin.getByRole("button", { name: "Link as supporting evidence" })).toHaveCount(0);
  await page.reload();
  await expect(
    page.getByRole("region", { name: "Possibly the same claim" }).getByRole("listitem").filter({ hasText: "Choi arrived in Moscow on October 30" }).filter({ hasText: KYUNGHYANG }).getByRole("status"),
  ).toHaveText("Already cited as supporting evidence.");
});

test("the new reads are for signed-in users only", async ({ page, playwright, baseURL }) => {
  const anonymous = await playwright.request.newContext({ baseURL });
  for (const path of ["/api/v1/search?q=Moscow", "/api/v1/claims/1/related", "/api/v1/sources?limit=5", "/api/v1/speakers?q=Choe"]) {
    const response = await anonymous.get(path);
    expect(response.status(), path).toBe(401);
    expect((await response.json()).error.code, path).toBe("unauthenticated");
  }
  await anonymous.dispose();
  for (const path of ["/", "/search?q=Moscow", "/speakers/1", "/claims/1"]) {
    await page.goto(path);
    await expect(page, path).toHaveURL(/\/login/);
  }
});
