import { expect, test } from "./support/csp-guard";
import { freshClaim } from "./support/claims";
import { signInByApi } from "./support/session";

type Claim = { id: number; version: number; status: string; quote: string; sourceId: number };

test("50 concurrent verdicts on one baseVersion: exactly one 201, 49 × 409, version + 1", async ({ request, baseURL }) => {
  await signInByApi(request, "reviewer@example.org");
  const headers = { origin: baseURL! };
  const claim = await freshClaim<Claim>(request, headers);
  const responses = await Promise.all(
    Array.from({ length: 50 }, (_, i) =>
      request.post(`/api/v1/claims/${claim.id}/verdicts`, {
        headers,
        data: { status: i % 2 ? "corroborated" : "contradicted", rationale: `race ${i}`, baseVersion: claim.version },
      }),
    ),
  );
  const statuses = responses.map((r) => r.status());
  expect(statuses.filter((s) => s === 201)).toHaveLength(1);
  expect(statuses.filter((s) => s === 409)).toHaveLength(49);
  const after = await (await request.get(`/api/v1/claims/${claim.id}`)).json();
  expect(after.version).toBe(claim.version + 1);
  expect(after.verdicts).toHaveLength(1);
});

test("a viewer's session and token get 403 on every write endpoint", async ({ page, baseURL }) => {
  await signInByApi(page.request, "viewer@example.org");
  await page.goto("/settings/tokens");
  await page.getByLabel("Token name").fill("viewer script");
  await page.getByRole("button", { name: "Create token" }).click();
  const token = await page.getByRole("textbox", { name: "New token" }).inputValue();
  expect(token).toMatch(/^cd_/);

  const writes: Array<[string, string, unknown]> = [
    ["POST", "/api/v1/claims", { sourceId: 1, start: 0, end: 3, quote: "The", speakerName: "x" }],
    ["PATCH", "/api/v1/claims/1", { baseVersion: 1, proposition: "x" }],
    ["DELETE", "/api/v1/claims/1", undefined],
    ["POST", "/api/v1/claims/1/verdicts", { status: "pending", rationale: "", baseVersion: 1 }],
    ["POST", "/api/v1/claims/1/evidence", { target: { kind: "url", url: "https://example.org" }, stance: "context" }],
    ["POST", "/api/v1/speakers", { name: "Someone", kind: "person" }],
    ["POST", "/api/v1/speakers/1/aliases", { alias: "Somebody" }],
  ];
  for (const [method, path, data] of writes) {
    const byCookie = await page.request.fetch(path, { method, data, headers: { origin: baseURL! } });
    expect(byCookie.status(), `${method} ${path} by cookie`).toBe(403);
    const byToken = await page.request.fetch(path, {
      method,
      data,
      headers: { authorization: `Bearer ${token}`, cookie: "" },
    });
    expect(byToken.status(), `${method} ${path} by token`).toBe(403);
  }

  await page.getByRole("button", { name: "Revoke viewer script" }).click();
  await expect(page.getByText(/^Revoked /)).toBeVisible();
  const revoked = await page.request.fetch("/api/v1/claims", { headers: { authorization: `Bearer ${token}` } });
  expect(revoked.status()).toBe(401);
});

test("a token acts for scripts without a cookie; cookie writes from another origin are refused", async ({ playwright, baseURL }) => {
  const browserless = await playwright.request.newContext({ baseURL });
  await signInByApi(browserless, "reviewer@example.org");
  const crossSite = await browserless.post("/api/v1/speakers", { data: { name: "X", kind: "person" }, headers: { origin: "https://evil.example" } });
  expect(crossSite.status()).toBe(403);
  expect((await crossSite.json()).error.code).toBe("bad_origin");
  await browserless.dispose();
});
