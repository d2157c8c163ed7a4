import { expect, test } from "./support/csp-guard";
import { signInByApi } from "./support/session";

type ClaimJson = { id: number; quote: string; start: number; end: number; speaker: { id: number; name: string } };

test("without a session the API answers 401 in its JSON error shape", async ({ request }) => {
  for (const path of ["/api/v1/claims", "/api/v1/sources", "/api/v1/sources/1", "/api/v1/claims/1", "/api/v1/speakers"]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(401);
    const body = await response.json();
    expect(body.error.code).toBe("unauthenticated");
    expect(typeof body.error.message).toBe("string");
  }
});

test("a viewer's session lists every seeded claim, page by page", async ({ request }) => {
  await signInByApi(request, "viewer@example.org");
  const seen: ClaimJson[] = [];
  let cursor: string | null = null;
  do {
    const response = await request.get(`/api/v1/claims?limit=7${cursor ? `&cursor=${cursor}` : ""}`);
    expect(response.status()).toBe(200);
    const page = (await response.json()) as { items: ClaimJson[]; nextCursor: string | null };
    expect(page.items.length).toBeLessThanOrEqual(7);
    seen.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  expect(seen.length).toBeGreaterThanOrEqual(15);
  expect(new Set(seen.map((c) => c.id)).size).toBe(seen.length);
  for (const key of ["id", "sourceId", "quote", "start", "end", "prefix", "suffix", "type", "proposition", "resolvesOn", "status", "version", "speaker"]) {
    expect(seen[0]).toHaveProperty(key);
  }

  // every claim is anchored in its source body
  const sources = new Map<number, string>();
  for (const claim of seen) {
    const sourceId = (claim as unknown as { sourceId: number }).sourceId;
    if (!sources.has(sourceId)) sources.set(sourceId, (await (await request.get(`/api/v1/sources/${sourceId}`)).json()).body);
    expect(sources.get(sourceId)!.slice(claim.start, claim.end)).toBe(claim.quote);
  }

  const feb23 = seen.find((c) => c.quote.includes("Feb. 23"))!;
  const detail = await (await request.get(`/api/v1/claims/${feb23.id}`)).json();
  expect(detail.speaker.name).toBe("Doo Jin-ho");
  expect(detail.resolvesOn).toBe("2025-02-23");
  expect(Array.isArray(detail.verdicts)).toBe(true);
  expect(Array.isArray(detail.evidence)).toBe(true);
});

test("filters, caps and errors of the claim list", async ({ request }) => {
  await signInByApi(request, "viewer@example.org");
  const corroborated = await (await request.get("/api/v1/claims?status=corroborated")).json();
  expect(corroborated.items.length).toBeGreaterThan(0);
  expect(corroborated.items.every((c: { status: string }) => c.status === "corroborated")).toBe(true);

  const capped = await request.get("/api/v1/claims?limit=100000");
  expect(capped.status()).toBe(200);

  for (const bad of ["status=maybe", "type=rumour", "sourceId=abc", "limit=0", "cursor=bogus"]) {
    const response = await request.get(`/api/v1/claims?${bad}`);
    expect(response.status(), bad).toBe(400);
    expect((await response.json()).error.code).toBe("invalid_query");
  }

  for (const path of ["/api/v1/claims/999999", "/api/v1/sources/999999", "/api/v1/claims/abc", "/api/v1/nothing-here"]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(404);
    expect((await response.json()).error.code).toBe("not_found");
  }

  const speakers = await (await request.get("/api/v1/speakers?q=choe%20son-hee")).json();
  expect(speakers.items[0].name).toBe("Choe Son Hui");
});
