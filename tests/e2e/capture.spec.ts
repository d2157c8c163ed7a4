import { expect, test } from "./support/csp-guard";
import { openSource, selectForCapture, selectText, selectedClaimId } from "./support/reader";
import { signInAs } from "./support/session";

const KYUNGHYANG = "North Korean and Russian foreign ministers reaffirm their solidarity";
const QUOTE = "11th Army Corps was deployed to Russia";

test("a reviewer captures a claim inside another claim, corroborates it with a claim from another source, and it is cited there", async ({ page }) => {
  await signInAs(page, "reviewer");
  await openSource(page, KYUNGHYANG);
  const article = page.getByRole("article", { name: "Article text" });

  // the phrase lies inside the seeded claim's <mark>
  await (await selectForCapture(page, QUOTE)).click();
  const form = page.getByRole("form", { name: "New claim" });
  await expect(form).toContainText(QUOTE);
  const speaker = form.getByRole("combobox", { name: "Speaker", exact: true });
  await expect(speaker).toBeFocused();
  await speaker.pressSequentially("Kyunghyang Shinmun");
  await form.getByRole("option", { name: /^Kyunghyang Shinmun/ }).click();
  await expect(speaker).toHaveValue("Kyunghyang Shinmun");
  await expect(form.getByLabel("Claim type")).toHaveValue("statement");
  await expect(form.getByLabel("Resolves on")).toHaveCount(0);
  await form.getByLabel("Proposition").fill("North Korea's 11th Army Corps was deployed to Russia.");
  await form.getByRole("button", { name: "Save claim" }).click();
  await expect(form).toHaveCount(0);

  const panel = page.getByRole("region", { name: "Selected claim" });
  await expect(panel.locator("blockquote")).toHaveText(QUOTE);
  const claimId = await selectedClaimId(page);
  const mark = article.locator(`mark[data-claim-id="${claimId}"]`);
  await expect(mark).toHaveText(QUOTE);
  await expect(mark).toHaveAttribute("data-status", "pending");

  const verdict = panel.getByRole("form", { name: "Record a verdict" });
  await verdict.getByRole("group", { name: "Verdict", exact: true }).getByRole("radio", { name: "Corroborated" }).check();
  // a verdict other than pending needs a rationale, and the form says so
  await verdict.getByRole("button", { name: "Save verdict" }).click();
  await expect(verdict.getByRole("alert", { name: "Verdict not saved" })).toBeVisible();
  await expect(verdict.getByText("a rationale is required for corroborated and contradicted")).toBeVisible();
  await expect(verdict.getByRole("radio", { name: "Corroborated" })).toBeChecked();

  await verdict.getByLabel("Rationale").fill("NATO's Mark Rutte confirmed North Korean troops in Russia's Kursk region.");
  await verdict.getByRole("searchbox", { name: "Find a claim in another source" }).fill("Kursk");
  await verdict.getByRole("button", { name: "Cite “North Korean troops are present in the Kursk region in western Russia”" }).click();
  const cited = verdict.getByRole("group", { name: /North Korean troops are present in the Kursk region/ });
  await cited.getByLabel("Stance").selectOption("supports");
  await cited.getByLabel("Note").fill("NATO confirms North Korean troops in Russia.");
  await verdict.getByRole("button", { name: "Save verdict" }).click();
  await expect(verdict.getByRole("status")).toHaveText("Verdict saved: Corroborated.");

  // green at once, with its history, without a reload
  await expect(mark).toHaveAttribute("data-status", "corroborated");
  const history = panel.getByRole("region", { name: "Verdict history" });
  await expect(history.getByRole("listitem")).toHaveCount(1);
  await expect(history).toContainText("Corroborated by Rae Reviewer");

  await panel.getByRole("link", { name: "Open claim page" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Claim by Kyunghyang Shinmun");
  await page
    .getByRole("region", { name: "Evidence", exact: true })
    .getByRole("link", { name: "“North Korean troops are present in the Kursk region in western Russia”" })
    .click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Claim by Mark Rutte");
  // by id: a retry of this test on the same desk cites the same words again
  const citing = page
    .getByRole("region", { name: "Cited as evidence by" })
    .getByRole("listitem")
    .filter({ has: page.locator(`a[href="/claims/${claimId}"]`) });
  await expect(citing.getByRole("link", { name: `“${QUOTE}”`, exact: true })).toBeVisible();
  await expect(citing).toContainText("Supports");
  await expect(citing).toContainText("NATO confirms North Korean troops in Russia.");
});

test("a viewer selecting text is offered no Add claim", async ({ page }) => {
  await signInAs(page, "viewer");
  await openSource(page, KYUNGHYANG);
  const article = page.getByRole("article", { name: "Article text" });
  const panel = page.getByRole("region", { name: "Selected claim" });
  // wait until the page runs: picking a claim works
  const feb23 = article.locator("mark[data-claim-id]", { hasText: "Kim is expected to visit Russia on Feb. 23" });
  await expect(async () => {
    await feb23.click();
    await expect(panel.getByRole("definition").first()).toHaveText("Doo Jin-ho", { timeout: 1000 });
  }).toPass();

  await selectText(article, "Both sides blamed the U.S. for the deteriorating situation");
  expect(await page.evaluate(() => document.getSelection()?.toString())).toBe("Both sides blamed the U.S. for the deteriorating situation");
  await page.keyboard.press("a");
  await expect(page.getByRole("button", { name: "Add claim" })).toHaveCount(0);
  await expect(page.getByRole("form", { name: "New claim" })).toHaveCount(0);
  await expect(page.getByRole("form", { name: "Record a verdict" })).toHaveCount(0);
});

test("a reviewer names a new speaker from the claim form; a claim without a speaker is refused in the form", async ({ page }) => {
  await signInAs(page, "reviewer");
  await openSource(page, "North Korean foreign minister arrives in Russia");
  await (await selectForCapture(page, "Pyongyang “has not provided details on the agenda” of Choe’s visit")).click();
  const form = page.getByRole("form", { name: "New claim" });
  await form.getByLabel("Proposition").fill("North Korea has not said what Choe will discuss in Moscow.");
  await form.getByRole("button", { name: "Save claim" }).click();
  await expect(form.getByText("Pick a speaker from the list, or create one.")).toBeVisible();
  // what was typed is still there
  await expect(form.getByLabel("Proposition")).toHaveValue("North Korea has not said what Choe will discuss in Moscow.");

  // names and aliases are both searched
  const speaker = form.getByRole("combobox", { name: "Speaker", exact: true });
  await speaker.pressSequentially("choi");
  await expect(form.getByRole("option", { name: /^Choe Son Hui/ })).toBeVisible();
  await speaker.fill("");

  const name = `Unification Ministry official ${Date.now()}`;
  await speaker.pressSequentially(name);
  await form.getByRole("option", { name: `Create speaker "${name}"` }).click();
  const created = form.getByRole("group", { name: "New speaker" });
  await expect(created.getByLabel("Name")).toHaveValue(name);
  await created.getByLabel("Kind").selectOption("organization");
  await created.getByRole("button", { name: "Create speaker" }).click();
  await expect(created).toHaveCount(0);
  await expect(speaker).toHaveValue(name);
  await form.getByRole("button", { name: "Save claim" }).click();
  await expect(form).toHaveCount(0);
  const panel = page.getByRole("region", { name: "Selected claim" });
  await expect(panel.getByRole("definition").first()).toHaveText(name);
});
