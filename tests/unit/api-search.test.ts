import { beforeAll, describe, expect, it, vi } from "vitest";
import * as searchRoute from "@/app/api/v1/search/route";
import { seedDesk } from "@/seed/seed-desk";
import { params, request, session, userWithToken } from "./support/api";

vi.mock("@/lib/auth", async () => (await import("./support/api")).mockAuth());

let viewer: Awaited<ReturnType<typeof userWithToken>>;
beforeAll(async () => {
  await seedDesk();
  viewer = await userWithToken("viewer");
});

const get = (query: string, token: string | null = viewer.token) => searchRoute.GET(request("GET", `/api/v1/search?${query}`, { token: token ?? undefined }), params());

describe("GET /api/v1/search", () => {
  it("returns every kind, grouped, for a viewer's token; 401 without credentials", async () => {
    const response = await get(`q=${encodeURIComponent("Choe Moscow")}`);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(Object.keys(body).sort()).toEqual(["claims", "sources", "speakers", "verdicts"]);
    expect(body.claims.map((c: { quote: string }) => c.quote)).toEqual(
      expect.arrayContaining(["Choi arrived in Moscow on October 30", "Choe is scheduled to arrive in Moscow on Wednesday"]),
    );
    session.userId = null;
    expect((await get("q=Moscow", null)).status).toBe(401);
  });

  it("narrows by kind and limit; refuses an unknown kind with 400", async () => {
    const body = await (await get("q=Putin&kind=speakers,sources&limit=1")).json();
    expect(body.claims).toEqual([]);
    expect(body.speakers).toHaveLength(1);
    expect(body.sources.length).toBeLessThanOrEqual(1);
    expect((await get("q=Putin&kind=everything")).status).toBe(400);
    expect((await get("q=Putin&limit=0")).status).toBe(400);
  });

  it("never answers 500 to query syntax: quotes, operators, stars, brackets, very long input", async () => {
    for (const q of ['"', '"Choe', "AND", "Choe OR", "NEAR(Choe, Moscow)", "*", "Moscow*", "(((", "Choe) AND (", "^", "a:b", "-Choe", "'); drop table claims; --", "😀", "\u200b"]) {
      const response = await get(`q=${encodeURIComponent(q)}`);
      expect(response.status, q).toBe(200);
    }
    const long = await get(`q=${encodeURIComponent("Moscow ".repeat(60))}`);
    expect(long.status).toBe(400);
    expect((await long.json()).error.code).toBe("invalid_query");
  });
});
