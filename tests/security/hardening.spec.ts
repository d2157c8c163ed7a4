import type { APIRequestContext, Browser, Page } from "@playwright/test";
import { expect, test } from "../e2e/support/csp-guard";
import { ACCOUNTS, DEMO_PASSWORD, signInAs, signInByApi } from "../e2e/support/session";

/**
 * The hardening an attacker's read asked for, tried as an attacker (or a
 * careful new user) would: bounded sign-in bodies, a limiter a burst cannot
 * outrun, locks that do not shut the owner out, sign-out that ends the
 * session on the server, tokens that die with their account's trust, and no
 * data before the session check. Each test makes the accounts it needs.
 */
const COOKIE = "authjs.session-token";
const PASSWORD = "a-long-enough-password";

/** An address of this test's own (the suite's server trusts one proxy hop: the test stands in for it). */
const newAddress = () => `198.18.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250) + 1}`;
const newEmail = (label: string) => `${label}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.org`;

async function addUser(admin: Page, email: string, role: "reviewer" | "viewer" = "reviewer") {
  await admin.goto("/admin/users");
  const add = admin.getByRole("form", { name: "Add a user" });
  await add.getByLabel("Email").fill(email);
  await add.getByLabel("Name").fill(`Hardening ${role}`);
  await add.getByLabel("Role").selectOption(role);
  await add.getByLabel("Password").fill(PASSWORD);
  await add.getByRole("button", { name: "Add user" }).click();
  await expect(add.getByRole("status")).toHaveText(`Added ${email}.`);
}

/** A browser of its own signed in as `email`, and the session cookie's value. */
async function browserAs(browser: Browser, baseURL: string, email: string, password = PASSWORD) {
  const context = await browser.newContext({ baseURL });
  await signInByApi(context.request, email, password);
  const cookie = (await context.cookies()).find((c) => c.name === COOKIE)!.value;
  return { context, cookie };
}

/** A fresh context carrying only a copy of a session cookie. */
async function withCopiedCookie(browser: Browser, baseURL: string, value: string) {
  const context = await browser.newContext({ baseURL });
  await context.addCookies([{ name: COOKIE, value, url: baseURL }]);
  return context;
}

async function csrfOf(request: APIRequestContext): Promise<string> {
  return (await (await request.get("/api/auth/csrf")).json()).csrfToken;
}

/** One sign-in attempt from `address`; a burst shares one CSRF token, as a script would. */
async function tryPassword(request: APIRequestContext, email: string, password: string, address: string, token?: string) {
  const csrfToken = token ?? (await csrfOf(request));
  const response = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password },
    headers: { "x-forwarded-for": address },
    maxRedirects: 0,
  });
  const sessionSet = response
    .headersArray()
    .some((h) => h.name.toLowerCase() === "set-cookie" && h.value.startsWith(`${COOKIE}=`) && !h.value.startsWith(`${COOKIE}=;`));
  return { status: response.status(), location: response.headers()["location"] ?? "", sessionSet };
}

test("a sign-in body over 64 KB is refused with 413 before Auth.js reads it, with or without a length", async ({ request, baseURL }) => {
  const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
  const big = `csrfToken=${csrfToken}&email=a%40b.c&password=${"x".repeat(70 * 1024)}`;
  const declared = await request.post("/api/auth/callback/credentials", {
    headers: { "content-type": "application/x-www-form-urlencoded" },
    data: big,
    maxRedirects: 0,
  });
  expect(declared.status()).toBe(413);
  expect((await declared.json()).error.code).toBe("payload_too_large");

  // chunked, no Content-Length: counted as it arrives and cut off at the limit
  const url = new URL("/api/auth/callback/credentials", baseURL);
  let sent = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent++ > 2000) controller.close();
      else controller.enqueue(new TextEncoder().encode("x".repeat(8 * 1024)));
    },
  });
  const chunked = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: stream,
    duplex: "half",
  } as RequestInit & { duplex: "half" }).catch((error: unknown) => error);
  // the server answers 413 as soon as the limit passes (and may close the socket on the rest)
  if (chunked instanceof Response) expect(chunked.status).toBe(413);
  else expect(sent * 8 * 1024).toBeLessThan(16 * 1024 * 1024);
  expect(sent).toBeLessThan(2000);

  // the endpoint still works for a normal sign-in afterwards
  await signInByApi(request, ACCOUNTS.viewer);
});

test("99 wrong passwords and then the right one, all at once, issue no session", async ({ page, playwright, baseURL }) => {
  const email = newEmail("burst");
  await signInAs(page, "admin");
  await addUser(page, email);
  const attacker = await playwright.request.newContext({ baseURL });
  const address = newAddress();
  const passwords = [...Array.from({ length: 99 }, (_, i) => `wrong-guess-${i}`), PASSWORD];
  const token = await csrfOf(attacker);
  const outcomes = await Promise.all(passwords.map((pw) => tryPassword(attacker, email, pw, address, token)));
  expect(outcomes.filter((o) => o.sessionSet)).toHaveLength(0);
  // every attempt reached the limiter (none was turned away for its CSRF token), and all but ten were refused unchecked
  expect(outcomes.every((o) => /error=CredentialsSignin/.test(o.location))).toBe(true);
  expect(outcomes.filter((o) => /code=locked/.test(o.location)).length).toBeGreaterThanOrEqual(90);
  await attacker.dispose();
});

test("ten wrong guesses from one address lock that address out, not the owner; the admin sees it and unlocks", async ({ page, playwright, baseURL }) => {
  const email = newEmail("owner");
  await signInAs(page, "admin");
  await addUser(page, email);
  const attacker = await playwright.request.newContext({ baseURL });
  const attackerAddress = newAddress();
  for (let i = 0; i < 10; i++) await tryPassword(attacker, email, `guess-${i}`, attackerAddress);
  expect((await tryPassword(attacker, email, PASSWORD, attackerAddress)).location).toMatch(/code=locked-1[45]/);
  // the owner, elsewhere, signs in at once
  expect((await tryPassword(attacker, email, PASSWORD, newAddress())).sessionSet).toBe(true);

  await page.goto("/admin/users");
  const row = page.getByRole("row", { name: new RegExp(email) });
  await expect(row).toContainText("Locked at 1 address");
  await expect(row).toContainText(attackerAddress);
  await row.getByRole("button", { name: `Unlock ${email}` }).click();
  // the page refreshes with the lock gone
  await expect(page.getByRole("row", { name: new RegExp(email) })).toContainText("No failed sign-ins");
  expect((await tryPassword(attacker, email, PASSWORD, attackerAddress)).sessionSet).toBe(true);
  await attacker.dispose();
});

test("Sign out ends the session on the server: a cookie copied before is refused after", async ({ browser, baseURL }) => {
  const { context, cookie } = await browserAs(browser, baseURL!, ACCOUNTS.viewer, DEMO_PASSWORD);
  const page = await context.newPage();
  await page.goto("/sources");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);

  const copy = await withCopiedCookie(browser, baseURL!, cookie);
  expect((await copy.request.get("/api/v1/claims")).status()).toBe(401);
  // Auth.js's own session endpoint gives nothing away either
  expect(await (await copy.request.get("/api/auth/session")).json()).toBeNull();
  const copyPage = await copy.newPage();
  await copyPage.goto("/claims");
  await expect(copyPage).toHaveURL(/\/login/);
  await copy.close();
  await context.close();
});

test("Sign out everywhere, on the settings page, ends every session of the account", async ({ page, browser, baseURL }) => {
  const email = newEmail("everywhere");
  await signInAs(page, "admin");
  await addUser(page, email, "viewer");
  const laptop = await browserAs(browser, baseURL!, email);
  const phone = await browserAs(browser, baseURL!, email);
  expect((await phone.context.request.get("/api/v1/claims")).status()).toBe(200);

  const settings = await laptop.context.newPage();
  await settings.goto("/");
  await settings.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
  await settings.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(settings).toHaveURL(/\/login/);

  expect((await phone.context.request.get("/api/v1/claims")).status()).toBe(401);
  const copy = await withCopiedCookie(browser, baseURL!, laptop.cookie);
  expect((await copy.request.get("/api/v1/claims")).status()).toBe(401);
  // the admin's own session, another account, is untouched
  expect((await page.request.get("/api/v1/claims")).status()).toBe(200);
  for (const c of [laptop.context, phone.context, copy]) await c.close();
});

test("tokens die with their account's trust; an admin lists and revokes any account's tokens", async ({ page, browser, baseURL, playwright }) => {
  const email = newEmail("tokens");
  await signInAs(page, "admin");
  await addUser(page, email);
  const owner = await browserAs(browser, baseURL!, email);
  const tokensPage = await owner.context.newPage();
  const makeToken = async (name: string) => {
    await tokensPage.goto("/settings/tokens");
    const form = tokensPage.getByRole("form", { name: "Create a token" });
    await form.getByLabel("Token name").fill(name);
    await form.getByRole("button", { name: "Create token" }).click();
    return form.getByLabel("New token").inputValue();
  };
  const first = await makeToken("first script");
  const second = await makeToken("second script");
  const script = await playwright.request.newContext({ baseURL });
  const asScript = (token: string) => script.get("/api/v1/claims", { headers: { authorization: `Bearer ${token}` } });
  expect((await asScript(first)).status()).toBe(200);

  // the admin sees both and revokes one
  await page.goto("/admin/users");
  const row = page.getByRole("row", { name: new RegExp(email) });
  await expect(row).toContainText("first script");
  await expect(row).toContainText("second script");
  await row.getByRole("button", { name: `Revoke first script of ${email}` }).click();
  await expect(row.getByRole("button", { name: `Revoke first script of ${email}` })).toHaveCount(0);
  await expect(row).toContainText("second script");
  expect((await asScript(first)).status()).toBe(401);
  expect((await asScript(second)).status()).toBe(200);

  // disabling the account revokes the rest, and enabling it again brings none back
  await page.reload();
  await page.getByRole("row", { name: new RegExp(email) }).getByRole("button", { name: "Disable" }).click();
  await expect(page.getByRole("row", { name: new RegExp(email) }).getByText("Disabled", { exact: true })).toBeVisible();
  await page.getByRole("row", { name: new RegExp(email) }).getByRole("button", { name: "Enable" }).click();
  await expect(page.getByRole("row", { name: new RegExp(email) }).getByText("Active", { exact: true })).toBeVisible();
  expect((await asScript(second)).status()).toBe(401);
  await script.dispose();
  await owner.context.close();
});

test("a junk session cookie, with or without RSC: 1, sees no source title or speaker name", async ({ browser, baseURL }) => {
  const reader = await browserAs(browser, baseURL!, ACCOUNTS.viewer, DEMO_PASSWORD);
  const sources = (await (await reader.context.request.get("/api/v1/sources")).json()).items as Array<{ id: number; title: string }>;
  const speakers = (await (await reader.context.request.get("/api/v1/speakers")).json()).items as Array<{ id: number; name: string }>;
  const source = sources[0]!;
  const speaker = speakers.find((s) => s.name === "Choe Son Hui")!;
  const claimId = ((await (await reader.context.request.get("/api/v1/claims?limit=1")).json()).items as Array<{ id: number }>)[0]!.id;
  await reader.context.close();

  for (const junk of ["junk", "eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2Q0JDLUhTNTEyIn0..x.y.z"]) {
    const context = await withCopiedCookie(browser, baseURL!, junk);
    const variants: Array<Record<string, string>> = [{}, { RSC: "1" }, { RSC: "1", "Next-Router-Prefetch": "1" }];
    for (const headers of variants) {
      for (const path of [`/sources/${source.id}`, `/speakers/${speaker.id}`, `/claims/${claimId}`]) {
        const response = await context.request.get(path, { headers, maxRedirects: 0 });
        const body = await response.text();
        expect(body, `${path} ${JSON.stringify(headers)}`).not.toContain(source.title);
        expect(body, `${path} ${JSON.stringify(headers)}`).not.toContain(speaker.name);
      }
    }
    await context.close();
  }
});
