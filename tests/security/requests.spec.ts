import { encode } from "@auth/core/jwt";
import { expect, test } from "../e2e/support/csp-guard";
import { ACCOUNTS, DEMO_PASSWORD, signInByApi } from "../e2e/support/session";

/**
 * Hostile requests against the production server: each asserts what must
 * happen, not only that nothing crashed. (The first slice of the hostile
 * suite; issue 5 extends it.)
 */
const COOKIE = "authjs.session-token";
const SEEDED_QUOTE = "Kim is expected to visit Russia on Feb. 23";

test("header tricks reach no data without a session", async ({ request }) => {
  const tricks: Array<Record<string, string>> = [
    { "x-middleware-subrequest": "middleware:middleware:middleware:middleware:middleware" },
    { "x-middleware-subrequest": "proxy:proxy:proxy:proxy:proxy" },
    { RSC: "1" },
    { RSC: "1", "Next-Router-Prefetch": "1" },
    { "Next-Router-State-Tree": "%5B%22%22%5D", RSC: "1" },
    { Purpose: "prefetch", "Sec-Purpose": "prefetch" },
  ];
  for (const headers of tricks) {
    for (const path of ["/claims", "/sources/1", "/claims/1", "/claims.rsc", "/reports/print", "/admin/users"]) {
      const response = await request.get(path, { headers, maxRedirects: 0 });
      const body = await response.text();
      expect(body, `${path} ${JSON.stringify(headers)}`).not.toContain(SEEDED_QUOTE);
      expect(body).not.toContain("Choe Son Hui");
      expect([302, 303, 307, 308, 401, 404]).toContain(response.status());
    }
    const api = await request.get("/api/v1/claims", { headers });
    expect(api.status()).toBe(401);
  }
});

test("a tampered cookie, one sealed with another secret and an alg:none token are all signed out", async ({ browser, baseURL }) => {
  const none = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString("base64url")}.${Buffer.from('{"sub":"1","name":"Ada Admin"}').toString("base64url")}.`;
  const otherSecret = await encode({ token: { sub: "1", name: "Ada Admin" }, secret: "x".repeat(48), salt: COOKIE });

  const genuine = await browser.newContext({ baseURL });
  await signInByApi(genuine.request, ACCOUNTS.admin);
  const real = (await genuine.cookies()).find((c) => c.name === COOKIE)!.value;
  await genuine.close();
  const tampered = real.slice(0, -6) + (real.endsWith("AAAAAA") ? "BBBBBB" : "AAAAAA");

  for (const value of [tampered, otherSecret, none, "garbage"]) {
    const context = await browser.newContext({ baseURL });
    await context.addCookies([{ name: COOKIE, value, url: baseURL! }]);
    const api = await context.request.get("/api/v1/claims");
    expect(api.status()).toBe(401);
    const page = await context.newPage();
    await page.goto("/admin/users");
    await expect(page).toHaveURL(/\/login/);
    await context.close();
  }
});

/** This server, by the name the test used or by the one Next.js reports for the bound address. */
function expectOnSite(location: string, baseURL: string, target: string) {
  const url = new URL(location, baseURL);
  const base = new URL(baseURL);
  expect(["127.0.0.1", "localhost"], `${target} led to ${url.href}`).toContain(url.hostname);
  expect(url.port, target).toBe(base.port);
  expect(url.protocol, target).toBe(base.protocol);
}

test("callbackUrl never leads off the site", async ({ browser, baseURL }) => {
  // ten sign-ins, each an argon2 check (19 MiB): about 19 s on an idle 2-core machine, more when busy
  test.setTimeout(60_000);
  for (const target of ["https://evil.example", "//evil.example", "/\\evil.example", "javascript:alert(1)", "http://evil.example/x"]) {
    const context = await browser.newContext({ baseURL });
    const page = await context.newPage();
    await page.goto(`/login?callbackUrl=${encodeURIComponent(target)}`);
    await page.getByLabel("Email").fill(ACCOUNTS.viewer);
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
    expectOnSite(page.url(), baseURL!, target);

    // the standard endpoint too
    const { csrfToken } = await (await context.request.get("/api/auth/csrf")).json();
    const response = await context.request.post("/api/auth/callback/credentials", {
      form: { csrfToken, email: ACCOUNTS.viewer, password: DEMO_PASSWORD, callbackUrl: target },
      maxRedirects: 0,
    });
    expectOnSite(response.headers()["location"]!, baseURL!, target);
    await context.close();
  }
});

test("the session cookie is HttpOnly and SameSite=Lax; sign-in without the CSRF token sets no session", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL });
  await signInByApi(context.request, ACCOUNTS.viewer);
  const session = (await context.cookies()).find((c) => c.name === COOKIE)!;
  expect(session.httpOnly).toBe(true);
  expect(session.sameSite).toBe("Lax");
  await context.close();

  const forged = await browser.newContext({ baseURL });
  const response = await forged.request.post("/api/auth/callback/credentials", {
    form: { email: ACCOUNTS.viewer, password: DEMO_PASSWORD },
    maxRedirects: 0,
  });
  // not sent home (the dashboard at /), as a signed-in user would be
  expect(response.headers()["location"] ?? "").not.toMatch(/^(https?:\/\/[^/]+)?\/$/);
  expect((await forged.cookies()).some((c) => c.name === COOKIE)).toBe(false);
  expect((await forged.request.get("/api/v1/claims")).status()).toBe(401);
  await forged.close();
});

test("javascript:, data: and mixed-case variants are refused as evidence URLs", async ({ request, baseURL }) => {
  await signInByApi(request, ACCOUNTS.reviewer);
  const claims = (await (await request.get("/api/v1/claims?limit=1")).json()).items as Array<{ id: number }>;
  for (const url of ["javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)", "data:text/html,<script>alert(1)</script>", "DATA:text/html;base64,PHNjcmlwdD4=", "vbscript:msgbox(1)", "file:///etc/passwd"]) {
    const response = await request.post(`/api/v1/claims/${claims[0]!.id}/evidence`, {
      headers: { origin: baseURL! },
      data: { target: { kind: "url", url }, stance: "context" },
    });
    expect(response.status(), url).toBe(422);
    const { error } = await response.json();
    expect(error.code).toBe("invalid");
    expect(JSON.stringify(error)).not.toMatch(/at .*\.js:\d+/);
  }
});
