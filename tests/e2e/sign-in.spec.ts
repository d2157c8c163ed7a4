import { expect, test } from "./support/csp-guard";
import { ACCOUNTS, DEMO_PASSWORD, signInWithForm } from "./support/session";

test("a wrong password is refused with one message for every kind of mistake", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill(ACCOUNTS.viewer);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  const problem = page.getByRole("alert", { name: "Sign-in problem" });
  await expect(problem).toHaveText("That email and password do not match an active account.");
  await expect(page).toHaveURL(/\/login/);

  // an unknown email reads exactly the same
  await page.getByLabel("Email").fill("nobody@example.org");
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(problem).toHaveText("That email and password do not match an active account.");
});

test("a signed-out visit to /claims lands on /login and comes back after sign-in", async ({ page }) => {
  await page.goto("/claims");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fclaims/);
  await page.getByLabel("Email").fill(ACCOUNTS.viewer);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/claims$/);
  await expect(page.getByRole("heading", { name: "Claims", level: 1 })).toBeVisible();
});

test("a callbackUrl to another site is ignored", async ({ page }) => {
  await page.goto("/login?callbackUrl=https%3A%2F%2Fevil.example%2F");
  await page.getByLabel("Email").fill(ACCOUNTS.viewer);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/$/);
});

test("Sign out ends the session", async ({ page }) => {
  await signInWithForm(page, "viewer");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/sources");
  await expect(page).toHaveURL(/\/login/);
});
