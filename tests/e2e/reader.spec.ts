import { expect, test } from "./support/csp-guard";
import { signInWithForm } from "./support/session";

test("a viewer opens the Kyunghyang article and reads the Feb 23 claim", async ({ page }) => {
  await signInWithForm(page, "viewer");

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Sources" }).click();
  await page.getByRole("link", { name: "North Korean and Russian foreign ministers reaffirm their solidarity", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "North Korean and Russian foreign ministers reaffirm their solidarity",
  );
  const article = page.getByRole("article", { name: "Article text" });
  await expect(article).toContainText("Choi arrived in Moscow on October 30.");
  // page furniture stayed out of the text
  for (const furniture of ["Copyright", "글자크기", "다음뉴스", "※", "이 기사에 대해"]) {
    await expect(article).not.toContainText(furniture);
  }

  const feb23 = article.locator("mark[data-claim-id]", { hasText: "Kim is expected to visit Russia on Feb. 23" });
  await expect(feb23).toBeVisible();
  await expect(feb23).toHaveAttribute("data-status", "pending");
  const panel = page.getByRole("region", { name: "Selected claim" });
  // a click that lands before hydration does nothing, as for a person; click again
  await expect(async () => {
    await feb23.click();
    await expect(panel.getByRole("definition").first()).toHaveText("Doo Jin-ho", { timeout: 1000 });
  }).toPass();
  await expect(panel).toContainText("prediction");
  await expect(panel).toContainText("23 Feb 2025");
  await panel.getByRole("link", { name: "Open claim page" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Claim by Doo Jin-ho");

  // a viewer reads but is offered nothing to change
  await expect(page.getByRole("button", { name: /save|add claim/i })).toHaveCount(0);
});

test("a corroborated claim shows its history and the evidence from the other source", async ({ page }) => {
  await signInWithForm(page, "viewer");
  await page.goto("/claims?status=corroborated");
  await page.getByRole("link", { name: "“Choe is scheduled to arrive in Moscow on Wednesday”" }).click();
  const history = page.getByRole("region", { name: "Verdict history" });
  await expect(history.getByRole("listitem")).toHaveCount(2);
  await expect(history.getByRole("listitem").first()).toContainText("Corroborated");
  const evidence = page.getByRole("region", { name: "Evidence", exact: true });
  await expect(evidence).toContainText("Supports");
  await expect(evidence).toContainText("Choi arrived in Moscow on October 30");

  // a claim cited by another claim says so on its own page
  await page.goto("/claims?status=corroborated");
  await page.getByRole("link", { name: "“The treaty was signed by Russian President Vladimir Putin and Kim in June”" }).click();
  const cited = page.getByRole("region", { name: "Evidence", exact: true });
  await expect(cited).toContainText("Supports");
  await cited.getByRole("link", { name: /included a mutual defense clause/ }).click();
  await expect(page.getByRole("region", { name: "Cited as evidence by" })).toContainText(
    "The treaty was signed by Russian President Vladimir Putin and Kim in June",
  );
});
