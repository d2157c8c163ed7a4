import { expect, test } from "./support/csp-guard";
import { signInAs, signInByApi } from "./support/session";

test("an admin adds a user, changes the role and disables the account", async ({ page, browser }) => {
  const email = `desk-${Date.now()}@example.org`;
  const password = "a-long-enough-password";
  await signInAs(page, "admin");
  await page.goto("/admin/users");

  const add = page.getByRole("form", { name: "Add a user" });
  await add.getByLabel("Email").fill(email);
  await add.getByLabel("Name").fill("New Reviewer");
  await add.getByLabel("Role").selectOption("reviewer");
  await add.getByLabel("Password").fill(password);
  await add.getByRole("button", { name: "Add user" }).click();
  await expect(add.getByRole("status")).toHaveText(`Added ${email}.`);

  const row = page.getByRole("row", { name: new RegExp(email) });
  await row.getByLabel(`Role for ${email}`).selectOption("viewer");
  await row.getByRole("button", { name: "Change role" }).click();
  await expect(row.getByRole("form", { name: `Role of ${email}` }).getByRole("status")).toHaveText("Role changed.");

  // the new account signs in, then loses access the moment it is disabled
  const other = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  await signInByApi(other.request, email, password);
  expect((await other.request.get("/api/v1/claims")).status()).toBe(200);

  await row.getByRole("button", { name: "Disable" }).click();
  await expect(page.getByRole("row", { name: new RegExp(email) }).getByText("Disabled", { exact: true })).toBeVisible();
  expect((await other.request.get("/api/v1/claims")).status()).toBe(403);
  await other.close();
});

test("a viewer cannot manage users", async ({ page }) => {
  await signInAs(page, "viewer");
  await page.goto("/admin/users");
  await expect(page.getByRole("alert", { name: "Not allowed" })).toHaveText("Managing accounts needs the admin role.");
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Users" })).toHaveCount(0);
});
