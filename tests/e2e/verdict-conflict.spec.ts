import { expect, test } from "./support/csp-guard";
import { captureClaim } from "./support/reader";
import { signInAs } from "./support/session";

test("two reviewers on one claim: the second sees who changed it, keeps the rationale and re-applies", async ({ browser }) => {
  const baseURL = test.info().project.use.baseURL;
  const raeContext = await browser.newContext({ baseURL });
  const adaContext = await browser.newContext({ baseURL });
  const rae = await raeContext.newPage();
  const ada = await adaContext.newPage();
  await signInAs(rae, "reviewer");
  await signInAs(ada, "admin");

  const claimId = await captureClaim(rae, {
    source: "North Korean foreign minister arrives in Russia",
    quote: "North Korea and Russia began bolstering military and technological cooperation in September of last year",
    speaker: "Korea JoongAng Daily",
  });
  await rae.goto(`/claims/${claimId}`);
  await ada.goto(`/claims/${claimId}`);

  const raeForm = rae.getByRole("form", { name: "Record a verdict" });
  await raeForm.getByRole("radio", { name: "Corroborated" }).check();
  await raeForm.getByLabel("Rationale").fill("The September summit in the Russian Far East is on record.");
  await raeForm.getByRole("button", { name: "Save verdict" }).click();
  await expect(raeForm.getByRole("status")).toHaveText("Verdict saved: Corroborated.");

  // Ada still has version 1 on screen
  const adaForm = ada.getByRole("form", { name: "Record a verdict" });
  const rationale = "The cooperation began earlier than September; the article dates it wrongly.";
  await adaForm.getByRole("radio", { name: "Contradicted" }).check();
  await adaForm.getByLabel("Rationale").fill(rationale);
  await adaForm.getByRole("button", { name: "Save verdict" }).click();
  const conflict = adaForm.getByRole("alert", { name: "Conflict" });
  await expect(conflict).toContainText("Rae Reviewer recorded a verdict");
  await expect(conflict).toContainText("it is now Corroborated (version 2)");
  await expect(adaForm.getByLabel("Rationale")).toHaveValue(rationale);
  await expect(adaForm.getByRole("radio", { name: "Contradicted" })).toBeChecked();

  await adaForm.getByRole("button", { name: "Re-apply my verdict" }).click();
  await expect(adaForm.getByRole("status")).toHaveText("Verdict saved: Contradicted.");
  await expect(conflict).toHaveCount(0);
  const history = ada.getByRole("region", { name: "Verdict history" }).getByRole("listitem");
  await expect(history).toHaveCount(2);
  await expect(history.first()).toContainText("Contradicted by Ada Admin");
  await expect(history.first()).toContainText(rationale);
  await expect(history.nth(1)).toContainText("Corroborated by Rae Reviewer");
  await expect(ada.getByRole("heading", { level: 1 })).toContainText("Contradicted");

  await raeContext.close();
  await adaContext.close();
});
