import type { APIResponse } from "@playwright/test";
import { expect, test } from "../e2e/support/csp-guard";
import { ACCOUNTS, signInByApi } from "../e2e/support/session";

/**
 * Every HTML page carries one Content-Security-Policy whose nonce is new on
 * each request and is the one on the page's scripts, with no 'unsafe-inline'
 * or 'unsafe-eval'; plus nosniff, a Referrer-Policy and frame-ancestors 'none'.
 * The JSON API carries nosniff and a policy under which nothing runs. The
 * guard (csp-guard) also fails the test on any violation while the pages load
 * in the browser.
 */
const NONCE = /'nonce-([A-Za-z0-9+/_-]+={0,2})'/;

function policyOf(response: APIResponse): string {
  const policies = response.headersArray().filter((h) => h.name.toLowerCase() === "content-security-policy");
  // two policies would both be enforced: there must be exactly one
  expect(policies, `${response.url()}: one Content-Security-Policy`).toHaveLength(1);
  return policies[0]!.value;
}

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name!, values]),
  );
}

/** Checks one HTML response; answers its nonce. */
async function checkPage(response: APIResponse, status = 200): Promise<string> {
  const where = response.url();
  expect(response.status(), where).toBe(status);
  expect(response.headers()["content-type"], where).toMatch(/^text\/html/);
  expect(response.headers()["x-content-type-options"], where).toBe("nosniff");
  expect(response.headers()["referrer-policy"], where).toBe("same-origin");

  const policy = policyOf(response);
  expect(policy, where).not.toContain("unsafe-inline");
  expect(policy, where).not.toContain("unsafe-eval");
  const d = directives(policy);
  expect(d.get("default-src"), where).toEqual(["'self'"]);
  expect(d.get("frame-ancestors"), where).toEqual(["'none'"]);
  expect(d.get("object-src"), where).toEqual(["'none'"]);
  expect(d.get("base-uri"), where).toEqual(["'self'"]);
  expect(d.get("form-action"), where).toEqual(["'self'"]);
  const scriptSrc = d.get("script-src") ?? [];
  expect(scriptSrc, where).toContain("'strict-dynamic'");
  const nonce = scriptSrc.join(" ").match(NONCE)?.[1];
  expect(nonce, `${where}: a nonce in script-src`).toBeTruthy();
  expect(nonce!.length, where).toBeGreaterThanOrEqual(16);
  expect(d.get("style-src"), where).toContain(`'nonce-${nonce}'`);

  // every script and inline stylesheet of the page carries this request's nonce
  const html = await response.text();
  const tags = html.match(/<(script|style)\b[^>]*>/gi) ?? [];
  for (const tag of tags) {
    if (tag.toLowerCase().startsWith("<style") && where.includes("/reports/print")) continue; // allowed by its hash, below
    expect(tag, where).toContain(` nonce="${nonce}"`);
  }
  if (!where.includes("/reports/print")) expect(tags.length, `${where}: the page has its scripts`).toBeGreaterThan(0);
  return nonce!;
}

test("every HTML page has its own nonce policy, nosniff, a referrer policy and no framing", async ({ page }) => {
  // signed out: the sign-in page
  const loginA = await checkPage(await page.request.get("/login"));
  const loginB = await checkPage(await page.request.get("/login"));
  expect(loginA).not.toBe(loginB);

  await signInByApi(page.request, ACCOUNTS.admin);
  const claims = (await (await page.request.get("/api/v1/claims?limit=1")).json()).items as Array<{ id: number; speaker: { id: number } }>;
  const sources = (await (await page.request.get("/api/v1/sources")).json()).items as Array<{ id: number }>;
  const claim = claims[0]!;
  const pages: Array<[string, number]> = [
    ["/sources", 200],
    [`/sources/${sources[0]!.id}`, 200],
    [`/sources/${sources[0]!.id}/edit`, 200],
    ["/claims", 200],
    ["/claims?status=pending", 200],
    [`/claims/${claim.id}`, 200],
    ["/speakers", 200],
    [`/speakers/${claim.speaker.id}`, 200],
    ["/reports", 200],
    ["/reports/print", 200],
    ["/reports/print?from=2025-03-01&to=2025-02-01", 400],
    ["/admin/users", 200],
    ["/settings/tokens", 200],
    ["/no-such-page", 404],
    ["/claims/99999999", 404],
    ["/login/nothing-here", 404],
  ];
  for (const [path, status] of pages) {
    const first = await checkPage(await page.request.get(path), status);
    const second = await checkPage(await page.request.get(path), status);
    expect(first, `${path}: a new nonce on each request`).not.toBe(second);
  }

  // the printable report's one inline stylesheet is allowed by its hash, and nothing else inline
  const print = await page.request.get("/reports/print");
  const styleSrc = directives(policyOf(print)).get("style-src")!;
  expect(styleSrc.filter((s) => s.startsWith("'sha256-"))).toHaveLength(1);
  expect(await print.text()).not.toMatch(/<script\b/i);

  // and in the browser, each page loads and hydrates under its policy (the guard fails on any violation)
  for (const [path, status] of pages) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(status);
    expect(response?.headers()["content-security-policy"], path).toMatch(NONCE);
  }
  // client-side navigation fetches its data under the same policy
  await page.goto("/sources");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Claims" }).click();
  await expect(page.getByRole("heading", { name: "Claims", level: 1 })).toBeVisible();
  await expect(page).toHaveURL(/\/claims$/);
});

test("a page refuses to be framed, and a nonce the client sends is not the one used", async ({ page }) => {
  await signInByApi(page.request, ACCOUNTS.viewer);
  const forged = "'nonce-AAAAAAAAAAAAAAAAAAAAAAAA'";
  const response = await page.request.get("/sources", {
    headers: { "Content-Security-Policy": `script-src ${forged}` },
  });
  const nonce = await checkPage(response);
  expect(nonce).not.toBe("AAAAAAAAAAAAAAAAAAAAAAAA");
  expect(await response.text()).not.toContain("AAAAAAAAAAAAAAAAAAAAAAAA");
  expect(response.headers()["x-frame-options"]).toBe("DENY");
});

test("the JSON API and static files carry nosniff and a policy under which nothing runs", async ({ page }) => {
  const signedOut = await page.request.get("/api/v1/claims");
  expect(signedOut.status()).toBe(401);
  expect(signedOut.headers()["x-content-type-options"]).toBe("nosniff");

  await signInByApi(page.request, ACCOUNTS.viewer);
  const paths = ["/api/v1/claims?limit=1", "/api/v1/sources", "/api/v1/speakers", "/api/v1/claims/99999999", "/api/v1/nothing"];
  for (const path of paths) {
    const response = await page.request.get(path);
    expect(response.headers()["content-type"], path).toMatch(/^application\/json/);
    expect(response.headers()["x-content-type-options"], path).toBe("nosniff");
    const d = directives(policyOf(response));
    expect(d.get("default-src"), path).toEqual(["'none'"]);
    expect(d.get("frame-ancestors"), path).toEqual(["'none'"]);
    expect(d.has("script-src"), path).toBe(false);
  }

  // a stylesheet of the build, found through a page
  const html = await (await page.request.get("/sources")).text();
  const css = html.match(/href="(\/_next\/static\/[^"]+\.css)"/)?.[1];
  expect(css).toBeTruthy();
  const asset = await page.request.get(css!);
  expect(asset.status()).toBe(200);
  expect(asset.headers()["x-content-type-options"]).toBe("nosniff");
  policyOf(asset);
});
