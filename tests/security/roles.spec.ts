import type { APIRequest, APIRequestContext, Browser, Page } from "@playwright/test";
import { expect, test } from "../e2e/support/csp-guard";
import { freshClaim, readClaim, signedIn } from "../e2e/support/claims";
import { ACCOUNTS, signInAs, signInByApi } from "../e2e/support/session";

/**
 * The role and the disabled flag are read from the database on every write,
 * never from the session cookie: a reviewer demoted or disabled while signed
 * in is refused on the very next write, in the page and in the API. Each test
 * makes its own accounts through /admin/users, so the shared demo reviewer
 * stays a reviewer for the tests running alongside.
 */

const COOKIE = "authjs.session-token";
const PASSWORD = "a-long-enough-password";

type Claim = { id: number; version: number; status: string; verdicts: unknown[]; proposition: string | null };

async function addUser(admin: Page, email: string, role: "reviewer" | "viewer") {
  await admin.goto("/admin/users");
  const add = admin.getByRole("form", { name: "Add a user" });
  await add.getByLabel("Email").fill(email);
  await add.getByLabel("Name").fill(`Temporary ${role}`);
  await add.getByLabel("Role").selectOption(role);
  await add.getByLabel("Password").fill(PASSWORD);
  await add.getByRole("button", { name: "Add user" }).click();
  await expect(add.getByRole("status")).toHaveText(`Added ${email}.`);
}

/** A browser of its own, signed in as `email`, on the page of a claim it just created as a reviewer. */
async function reviewerOnFreshClaim(browser: Browser, baseURL: string, email: string) {
  const context = await browser.newContext({ baseURL });
  await signInByApi(context.request, email, PASSWORD);
  const claim = await freshClaim(context.request, { origin: baseURL });
  const page = await context.newPage();
  await page.goto(`/claims/${claim.id}`);
  await expect(page.getByRole("form", { name: "Record a verdict" })).toBeVisible();
  return { context, page, claim };
}

/**
 * A new reviewer signed in, in a browser of their own, on a fresh claim; the
 * admin's page (signed in, on /admin/users) to change them from; an admin API
 * context; and the claim as it was before anything happened.
 */
async function reviewerUnderAdmin(page: Page, browser: Browser, requests: APIRequest, baseURL: string, label: string) {
  const email = `${label}-${Date.now()}-${Math.floor(Math.random() * 1000)}@example.org`;
  await signInAs(page, "admin");
  await addUser(page, email, "reviewer");
  const reviewer = await reviewerOnFreshClaim(browser, baseURL, email);
  const admin = await signedIn(requests, baseURL, ACCOUNTS.admin);
  const before = await readClaim<Claim>(admin, reviewer.claim.id);
  return { email, reviewer, admin, before };
}

/** Tries to save a verdict through the form the page still shows. */
async function saveVerdict(page: Page) {
  const form = page.getByRole("form", { name: "Record a verdict" });
  await form.getByRole("radio", { name: "Contradicted" }).check();
  await form.getByLabel("Rationale").fill("Written after the account changed.");
  await form.getByRole("button", { name: "Save verdict" }).click();
  return form;
}

/** Writes through the API with the same session cookie, from this site, as the page would. */
function apiWrites(request: APIRequestContext, origin: string, claim: { id: number; version: number }) {
  return [
    request.post(`/api/v1/claims/${claim.id}/verdicts`, {
      headers: { origin },
      data: { status: "contradicted", rationale: "After the change.", baseVersion: claim.version },
    }),
    request.patch(`/api/v1/claims/${claim.id}`, { headers: { origin }, data: { baseVersion: claim.version, proposition: "After the change." } }),
  ];
}

test("a reviewer demoted to viewer while signed in is refused on the next write, in the page and in the API", async ({ page, browser, playwright, baseURL }) => {
  const { email, reviewer, admin, before } = await reviewerUnderAdmin(page, browser, playwright.request, baseURL!, "demoted");

  const row = page.getByRole("row", { name: new RegExp(email) });
  await row.getByLabel(`Role for ${email}`).selectOption("viewer");
  await row.getByRole("button", { name: "Change role" }).click();
  await expect(row.getByRole("form", { name: `Role of ${email}` }).getByRole("status")).toHaveText("Role changed.");

  // the page was rendered for a reviewer; the next save is refused by the write itself
  const form = await saveVerdict(reviewer.page);
  await expect(form.getByRole("alert", { name: "Verdict not saved" })).toHaveText("This needs the reviewer role; your account is a viewer.");
  await expect(form.getByRole("status")).toHaveText("");

  for (const write of apiWrites(reviewer.context.request, baseURL!, reviewer.claim)) {
    const response = await write;
    expect(response.status()).toBe(403);
    expect((await response.json()).error).toMatchObject({ code: "forbidden", message: "This needs the reviewer role; your account is a viewer." });
  }
  expect(await readClaim<Claim>(admin, reviewer.claim.id)).toEqual(before);
  expect(before).toMatchObject({ version: 1, verdicts: [] });

  // still signed in, as what the database says they are now: reading works, the verdict form is gone
  expect((await reviewer.context.request.get(`/api/v1/claims/${reviewer.claim.id}`)).status()).toBe(200);
  await reviewer.page.reload();
  await expect(reviewer.page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(reviewer.page.getByRole("form", { name: "Record a verdict" })).toHaveCount(0);

  await reviewer.context.close();
  await admin.dispose();
});

test("a reviewer disabled while signed in is refused on the next write, treated as signed out, and not signed back in by re-enabling", async ({ page, browser, playwright, baseURL }) => {
  const { email, reviewer, admin, before } = await reviewerUnderAdmin(page, browser, playwright.request, baseURL!, "disabled");

  const row = page.getByRole("row", { name: new RegExp(email) });
  await row.getByRole("button", { name: "Disable" }).click();
  await expect(page.getByRole("row", { name: new RegExp(email) }).getByText("Disabled", { exact: true })).toBeVisible();

  // the action reads the account afresh: a disabled one has no session any more
  const form = await saveVerdict(reviewer.page);
  await expect(form.getByRole("alert", { name: "Verdict not saved" })).toHaveText("Your session has ended. Sign in again.");
  await expect(form.getByRole("status")).toHaveText("");

  // the API says why, and refuses reads too
  for (const write of apiWrites(reviewer.context.request, baseURL!, reviewer.claim)) {
    const response = await write;
    expect(response.status()).toBe(403);
    expect((await response.json()).error).toMatchObject({ code: "forbidden", message: "This account is disabled." });
  }
  expect((await reviewer.context.request.get(`/api/v1/claims/${reviewer.claim.id}`)).status()).toBe(403);
  expect(await readClaim<Claim>(admin, reviewer.claim.id)).toEqual(before);

  // pages send the still-present cookie to the sign-in page, and a new sign-in sets no session
  await reviewer.page.goto(`/claims/${reviewer.claim.id}`);
  await expect(reviewer.page).toHaveURL(/\/login\?callbackUrl=/);
  const fresh = await browser.newContext({ baseURL });
  const { csrfToken } = (await (await fresh.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  await fresh.request.post("/api/auth/callback/credentials", { form: { csrfToken, email, password: PASSWORD }, maxRedirects: 0 });
  expect((await fresh.cookies()).some((c) => c.name === COOKIE)).toBe(false);

  // enabling the account again does not bring the old session back: only a new sign-in does
  await page.getByRole("row", { name: new RegExp(email) }).getByRole("button", { name: "Enable" }).click();
  await expect(page.getByRole("row", { name: new RegExp(email) }).getByText("Active", { exact: true })).toBeVisible();
  const old = await reviewer.context.request.get(`/api/v1/claims/${reviewer.claim.id}`);
  expect(old.status()).toBe(401);
  expect((await old.json()).error.code).toBe("unauthenticated");
  await reviewer.page.goto(`/claims/${reviewer.claim.id}`);
  await expect(reviewer.page).toHaveURL(/\/login\?callbackUrl=/);
  await signInByApi(fresh.request, email, PASSWORD);
  expect((await fresh.request.get(`/api/v1/claims/${reviewer.claim.id}`)).status()).toBe(200);

  await Promise.all([fresh.close(), reviewer.context.close(), admin.dispose()]);
});

test("a viewer's cookie gets 403 on every /api/v1 write and changes nothing", async ({ page, playwright, baseURL }) => {
  const stamp = `${Date.now()}${Math.floor(Math.random() * 1000)}`;
  const admin = await signedIn(playwright.request, baseURL!, ACCOUNTS.admin);
  const claim = await freshClaim(admin, { origin: baseURL! });
  const speaker = (await (await admin.post("/api/v1/speakers", { headers: { origin: baseURL! }, data: { name: `Viewer Target ${stamp}`, kind: "person" } })).json()) as {
    id: number;
  };
  const snapshot = async () => {
    const speakers = (await (await admin.get("/api/v1/speakers")).json()).items as Array<{ id: number; name: string; aliases: string[] }>;
    return {
      claim: await readClaim<Claim>(admin, claim.id),
      aliases: speakers.find((s) => s.id === speaker.id)!.aliases,
      forgedSpeakers: speakers.filter((s) => s.name.includes(`Forged ${stamp}`)).length,
      claimsOfSpeaker: ((await (await admin.get(`/api/v1/claims?speakerId=${speaker.id}`)).json()).items as unknown[]).length,
    };
  };
  const before = await snapshot();
  const { sourceId, start, end, quote } = before.claim as unknown as { sourceId: number; start: number; end: number; quote: string };

  await signInByApi(page.request, ACCOUNTS.viewer);
  const writes: Array<[string, string, unknown]> = [
    ["POST", "/api/v1/claims", { sourceId, start, end, quote, speakerId: speaker.id }],
    ["PATCH", `/api/v1/claims/${claim.id}`, { baseVersion: claim.version, proposition: `Forged ${stamp}` }],
    ["DELETE", `/api/v1/claims/${claim.id}`, undefined],
    ["POST", `/api/v1/claims/${claim.id}/verdicts`, { status: "contradicted", rationale: `Forged ${stamp}`, baseVersion: claim.version }],
    ["POST", `/api/v1/claims/${claim.id}/evidence`, { target: { kind: "url", url: "https://example.org/" }, stance: "refutes" }],
    ["POST", "/api/v1/speakers", { name: `Forged ${stamp}`, kind: "person" }],
    ["POST", `/api/v1/speakers/${speaker.id}/aliases`, { alias: `Forged ${stamp}` }],
    // an invalid body tells a viewer nothing either: the role is checked first
    ["POST", `/api/v1/claims/${claim.id}/verdicts`, { status: "maybe", role: "admin" }],
  ];
  for (const [method, path, data] of writes) {
    const response = await page.request.fetch(path, { method, data, headers: { origin: baseURL! } });
    expect(response.status(), `${method} ${path}`).toBe(403);
    expect((await response.json()).error.code, `${method} ${path}`).toBe("forbidden");
  }
  expect(await snapshot()).toEqual(before);
  await admin.dispose();
});
