import { expect, test } from "./support/csp-guard";

// This client's own address (as X-Forwarded-For carries it to the app), so
// the lock it earns touches no other test's sign-ins.
test.use({ extraHTTPHeaders: { "x-forwarded-for": `198.51.100.${Math.floor(Math.random() * 250) + 1}` } });

test("the tenth failed sign-in locks further tries, with a message that says for how long", async ({ page }) => {
  const email = `nobody-${Date.now()}@example.org`;
  await page.goto("/login");
  const problem = page.getByRole("alert", { name: "Sign-in problem" });
  for (let attempt = 1; attempt <= 9; attempt++) {
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(`wrong-${attempt}`);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(problem).toHaveText("That email and password do not match an active account.");
    await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
  }
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("wrong-10");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(problem).toHaveText(/^Too many failed sign-ins\. Try again in 1[45] minutes\.$/);

  // the standard Auth.js endpoint refuses the same account too
  const { csrfToken } = await (await page.request.get("/api/auth/csrf")).json();
  const response = await page.request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password: "anything" },
    maxRedirects: 0,
  });
  expect(response.headers()["location"]).toMatch(/\/login\?error=CredentialsSignin&code=locked-1[45]/);
  await page.goto(response.headers()["location"]!);
  await expect(problem).toContainText("Too many failed sign-ins");
});
