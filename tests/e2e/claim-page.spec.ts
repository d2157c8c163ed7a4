import { expect, test } from "./support/csp-guard";
import { freshClaim } from "./support/claims";
import { signInAs } from "./support/session";

test("a verdict cites a passage of another source, which shows as evidence", async ({ page, baseURL }) => {
  await signInAs(page, "reviewer");
  const claim = await freshClaim(page.request, { origin: baseURL! }, "her previous visit");
  await page.goto(`/claims/${claim.id}`);
  const verdict = page.getByRole("form", { name: "Record a verdict" });
  await verdict.getByRole("group", { name: "Verdict", exact: true }).getByRole("radio", { name: "Corroborated" }).check();
  await verdict.getByLabel("Rationale").fill("Kyunghyang dates her arrival in Moscow.");
  await verdict.getByLabel("Quote a passage of another source").fill("Choi arrived in Moscow on October 30");
  await verdict.getByRole("button", { name: "Find passage" }).click();
  await verdict.getByRole("button", { name: "Cite passage in North Korean and Russian foreign ministers reaffirm their solidarity" }).click();
  await expect(verdict.getByRole("group", { name: /Passage “Choi arrived in Moscow on October 30”/ })).toBeVisible();
  await verdict.getByRole("button", { name: "Save verdict" }).click();
  await expect(verdict.getByRole("status")).toHaveText("Verdict saved: Corroborated.");
  await expect(page.getByRole("region", { name: "Evidence", exact: true })).toContainText(
    "passage “Choi arrived in Moscow on October 30” in North Korean and Russian foreign ministers reaffirm their solidarity",
  );
});

test("a reviewer edits a claim; a stale edit says who changed it and re-applies with one click", async ({ page, browser, baseURL }) => {
  await signInAs(page, "reviewer");
  const claim = await freshClaim(page.request, { origin: baseURL! }, "comes six weeks after");
  await page.goto(`/claims/${claim.id}`);

  const other = await browser.newContext({ baseURL });
  const otherPage = await other.newPage();
  await signInAs(otherPage, "admin");
  await otherPage.goto(`/claims/${claim.id}`);

  await page.getByRole("button", { name: "Edit claim" }).click();
  const form = page.getByRole("form", { name: "Edit claim" });
  await form.getByLabel("Proposition").fill("Choe's previous visit to Russia was six weeks earlier.");
  await form.getByLabel("Claim type").selectOption("statistic");

  await otherPage.getByRole("button", { name: "Edit claim" }).click();
  const otherForm = otherPage.getByRole("form", { name: "Edit claim" });
  await otherForm.getByLabel("Proposition").fill("Edited first by the admin.");
  await otherForm.getByRole("button", { name: "Save changes" }).click();
  await expect(otherForm.getByRole("status")).toHaveText("Changes saved.");

  await form.getByRole("button", { name: "Save changes" }).click();
  const conflict = form.getByRole("alert", { name: "Conflict" });
  await expect(conflict).toContainText("Ada Admin edited the claim");
  await expect(form.getByLabel("Proposition")).toHaveValue("Choe's previous visit to Russia was six weeks earlier.");
  await conflict.getByRole("button", { name: "Re-apply my changes" }).click();
  await expect(page.getByRole("definition").filter({ hasText: "Choe's previous visit to Russia was six weeks earlier." })).toBeVisible();
  await other.close();

  // the reviewer captured it and it has no verdict: they may delete it
  await form.getByRole("button", { name: "Close" }).click();
  await page.getByRole("button", { name: "Delete claim" }).click();
  await page.getByRole("button", { name: "Yes, delete it" }).click();
  await expect(page).toHaveURL(/\/sources\/\d+$/);
  expect((await page.request.get(`/api/v1/claims/${claim.id}`)).status()).toBe(404);
});
