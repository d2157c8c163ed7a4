import { expect, type APIRequestContext, type Page } from "@playwright/test";

export const DEMO_PASSWORD = process.env.E2E_DEMO_PASSWORD ?? "e2e-demo-password";

export const ACCOUNTS = {
  admin: "admin@example.org",
  reviewer: "reviewer@example.org",
  viewer: "viewer@example.org",
} as const;

/**
 * Signs in through the standard Auth.js endpoints (CSRF token, then the
 * credentials callback), as a script would. With a page's `request`, the
 * session cookie lands in the browser context too.
 */
export async function signInByApi(request: APIRequestContext, email: string, password = DEMO_PASSWORD) {
  const csrf = await request.get("/api/auth/csrf");
  expect(csrf.ok()).toBeTruthy();
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(302);
  return response;
}

export async function signInAs(page: Page, role: keyof typeof ACCOUNTS) {
  await signInByApi(page.request, ACCOUNTS[role]);
}

/** Signs in through the login form, as a person does, and waits for the desk. */
export async function signInWithForm(page: Page, role: keyof typeof ACCOUNTS) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(ACCOUNTS[role]);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
}
