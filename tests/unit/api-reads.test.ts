import { beforeAll, describe, expect, it, vi } from "vitest";
import { encode } from "next-auth/jwt";
import * as claimsRoute from "@/app/api/v1/claims/route";
import * as searchRoute from "@/app/api/v1/claims/search/route";
import { sessionClaims } from "@/lib/auth/session-cookie";
import { errorOf, request, userWithToken } from "./support/api";
import { makeClaim, makeSource, makeSpeaker, unique } from "./support/factories";

vi.mock("@/lib/auth", async () => (await import("./support/api")).mockAuth());

let viewer: Awaited<ReturnType<typeof userWithToken>>;
beforeAll(async () => {
  viewer = await userWithToken("viewer");
});

type Page = { items: Array<{ id: number; sourceId: number; status: string; speaker: { id: number } }>; nextCursor: string | null };

describe("GET /api/v1/claims", () => {
  it("filters by source and speaker and walks every page newest first, once each", async () => {
    const source = await makeSource();
    const speaker = await makeSpeaker();
    const other = await makeSpeaker();
    const made = [];
    for (let i = 0; i < 5; i++) made.push(await makeClaim({ source, speakerId: i < 4 ? speaker.id : other.id }));

    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `sourceId=${source.id}&speakerId=${speaker.id}&limit=3${cursor ? `&cursor=${cursor}` : ""}`;
      const response = await claimsRoute.GET(request("GET", `/api/v1/claims?${query}`, { token: viewer.token }));
      expect(response.status).toBe(200);
      const page = (await response.json()) as Page;
      expect(page.items.every((c) => c.sourceId === source.id && c.speaker.id === speaker.id)).toBe(true);
      seen.push(...page.items.map((c) => c.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(made.slice(0, 4).map((c) => c.id).reverse());

    const pending = (await (await claimsRoute.GET(request("GET", `/api/v1/claims?sourceId=${source.id}&status=pending`, { token: viewer.token }))).json()) as Page;
    expect(pending.items.map((c) => c.id)).toEqual(made.map((c) => c.id).reverse());
    const none = (await (await claimsRoute.GET(request("GET", `/api/v1/claims?sourceId=${source.id}&status=contradicted`, { token: viewer.token }))).json()) as Page;
    expect(none).toEqual({ items: [], nextCursor: null });
  });

  it("400 for a filter it does not understand, 401 without credentials", async () => {
    const bad = await claimsRoute.GET(request("GET", "/api/v1/claims?status=maybe", { token: viewer.token }));
    expect(bad.status).toBe(400);
    expect((await errorOf(bad)).code).toBe("invalid_query");
    expect((await claimsRoute.GET(request("GET", "/api/v1/claims"))).status).toBe(401);
  });
});

describe("GET /api/v1/claims/search", () => {
  it("finds claims by the words of their quote, newest first, and leaves out a source", async () => {
    const word = unique("Kursk").replace(/-/g, "");
    const first = await makeSource({ body: `Troops are present in the ${word} region today, officials said.` });
    const second = await makeSource({ body: `Officials said troops are present in the ${word} region.` });
    const a = await makeClaim({ source: first, quote: `Troops are present in the ${word} region` });
    const b = await makeClaim({ source: second, quote: `troops are present in the ${word} region` });

    const response = await searchRoute.GET(request("GET", `/api/v1/claims/search?q=${word.toLowerCase()}`, { token: viewer.token }));
    expect(response.status).toBe(200);
    const { items } = (await response.json()) as { items: Array<{ id: number; source: { id: number } }> };
    expect(items.map((c) => c.id)).toEqual([b.id, a.id]);

    const elsewhere = await searchRoute.GET(request("GET", `/api/v1/claims/search?q=${word}&excludeSourceId=${second.id}&limit=5`, { token: viewer.token }));
    expect(((await elsewhere.json()) as { items: Array<{ id: number }> }).items.map((c) => c.id)).toEqual([a.id]);
  });

  it("400 without words or with a bad limit, 401 without credentials", async () => {
    for (const query of ["", "q=", "q=%20%20", "q=x&limit=0", "q=x&limit=51", "q=x&excludeSourceId=abc"]) {
      const response = await searchRoute.GET(request("GET", `/api/v1/claims/search?${query}`, { token: viewer.token }));
      expect(response.status, query).toBe(400);
      expect((await errorOf(response)).code).toBe("invalid_query");
    }
    expect((await searchRoute.GET(request("GET", "/api/v1/claims/search?q=troops"))).status).toBe(401);
  });
});

describe("sessionClaims (the session cookie read without Auth.js's session action)", () => {
  const secret = "a-test-secret-that-is-long-enough-for-auth";
  const cookieHeaders = (cookie: string, proto = "http") => new Headers({ cookie, "x-forwarded-proto": proto });
  const token = (sub: string, salt: string, maxAge = 3600) => encode({ token: { sub, authAt: 1_700_000_000_000, sid: "s-1" }, secret, salt, maxAge });
  const sub = async (headers: Headers) => (await sessionClaims(headers))?.sub;

  it("reads the id from a valid cookie, under the name Auth.js uses for the protocol", async () => {
    vi.stubEnv("AUTH_SECRET", secret);
    vi.stubEnv("AUTH_URL", "");
    const plain = await token("42", "authjs.session-token");
    expect(await sessionClaims(cookieHeaders(`a=b; authjs.session-token=${plain}`))).toEqual({ sub: "42", authAt: 1_700_000_000_000, sid: "s-1" });
    // asked again: the same answer (from memory)
    expect(await sub(cookieHeaders(`authjs.session-token=${plain}`))).toBe("42");
    const secure = await token("7", "__Secure-authjs.session-token");
    expect(await sub(cookieHeaders(`__Secure-authjs.session-token=${secure}`, "https"))).toBe("7");
    // a cookie made for the other name (salt) does not decrypt under this one
    expect(await sub(cookieHeaders(`authjs.session-token=${secure}`))).toBeUndefined();
    vi.unstubAllEnvs();
  });

  it("leaves Auth.js to decide on no cookie, a tampered, expired or foreign cookie, chunks, or no secret", async () => {
    vi.stubEnv("AUTH_SECRET", secret);
    vi.stubEnv("AUTH_URL", "");
    const valid = await token("42", "authjs.session-token");
    const tampered = `${valid.slice(0, -6)}${valid.slice(-6) === "AAAAAA" ? "BBBBBB" : "AAAAAA"}`;
    const expired = await token("42", "authjs.session-token", -60);
    const foreign = await encode({ token: { sub: "42" }, secret: "another-secret-just-as-long-as-the-first", salt: "authjs.session-token" });
    expect(await sub(cookieHeaders(""))).toBeUndefined();
    expect(await sub(cookieHeaders(`authjs.session-token=${tampered}`))).toBeUndefined();
    expect(await sub(cookieHeaders(`authjs.session-token=${expired}`))).toBeUndefined();
    expect(await sub(cookieHeaders(`authjs.session-token=${foreign}`))).toBeUndefined();
    expect(await sub(cookieHeaders(`authjs.session-token.0=${valid.slice(0, 10)}; authjs.session-token.1=${valid.slice(10)}`))).toBeUndefined();
    vi.stubEnv("AUTH_SECRET", "");
    expect(await sub(cookieHeaders(`authjs.session-token=${valid}`))).toBeUndefined();
    vi.unstubAllEnvs();
  });
});
