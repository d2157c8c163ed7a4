import { beforeAll, describe, expect, it, vi } from "vitest";
import { rawGet } from "@/db/raw";
import { resetPassword, setDisabled } from "@/lib/users";
import { revokeToken } from "@/lib/tokens";
import * as claimsRoute from "@/app/api/v1/claims/route";
import * as claimRoute from "@/app/api/v1/claims/[id]/route";
import * as verdictsRoute from "@/app/api/v1/claims/[id]/verdicts/route";
import * as evidenceRoute from "@/app/api/v1/claims/[id]/evidence/route";
import * as speakersRoute from "@/app/api/v1/speakers/route";
import * as aliasesRoute from "@/app/api/v1/speakers/[id]/aliases/route";
import { BASE, errorOf, params, request, session, userWithToken } from "./support/api";
import { DEFAULT_BODY, SYSTEM, expectOk, makeClaim, makeSource, makeSpeaker } from "./support/factories";
import { countRows } from "./support/rows";

vi.mock("@/lib/auth", async () => (await import("./support/api")).mockAuth());

let reviewer: Awaited<ReturnType<typeof userWithToken>>;
let viewer: Awaited<ReturnType<typeof userWithToken>>;

beforeAll(async () => {
  reviewer = await userWithToken("reviewer");
  viewer = await userWithToken("viewer");
});

const quoteAt = (body: string, quote: string) => ({ start: body.indexOf(quote), end: body.indexOf(quote) + quote.length, quote });

describe("POST /api/v1/claims", () => {
  it("201: captures a claim, matching speakerName through aliases", async () => {
    const source = await makeSource();
    const speaker = await makeSpeaker({ name: "Choe Son Hui", aliases: ["Choi"] });
    const response = await claimsRoute.POST(
      request("POST", "/api/v1/claims", {
        token: reviewer.token,
        body: { sourceId: source.id, ...quoteAt(source.body, "the harvest grew by 12% last year"), speakerName: "choi", type: "statistic" },
      }),
      params(),
    );
    expect(response.status).toBe(201);
    const claim = await response.json();
    expect(claim).toMatchObject({ sourceId: source.id, quote: "the harvest grew by 12% last year", version: 1, speaker: { id: speaker.id } });
  });

  it("creates a speaker only when no name or alias matches", async () => {
    const source = await makeSource();
    const name = `Nobody Known ${Date.now()}`;
    const response = await claimsRoute.POST(
      request("POST", "/api/v1/claims", { token: reviewer.token, body: { sourceId: source.id, ...quoteAt(DEFAULT_BODY, "Officials expect exports to double by 2026."), speakerName: name } }),
      params(),
    );
    expect(response.status).toBe(201);
    expect((await response.json()).speaker.name).toBe(name);
  });

  it("422 when the quote is not the body at start..end, with the field named", async () => {
    const source = await makeSource();
    const response = await claimsRoute.POST(
      request("POST", "/api/v1/claims", { token: reviewer.token, body: { sourceId: source.id, start: 0, end: 5, quote: "Hello", speakerId: (await makeSpeaker()).id } }),
      params(),
    );
    expect(response.status).toBe(422);
    expect((await errorOf(response)).fields?.quote).toMatch(/must equal/);
  });

  it("422 with per-field messages for invalid values and unknown fields", async () => {
    const response = await claimsRoute.POST(
      request("POST", "/api/v1/claims", { token: reviewer.token, body: { sourceId: "x", start: -1, end: 2, quote: "", type: "rumour", role: "admin" } }),
      params(),
    );
    expect(response.status).toBe(422);
    const error = await errorOf(response);
    expect(Object.keys(error.fields ?? {})).toEqual(expect.arrayContaining(["sourceId", "start", "type"]));
  });

  it("400 for malformed JSON and for a form body or none declared, 413 over 64 KB", async () => {
    const bad = await claimsRoute.POST(request("POST", "/api/v1/claims", { token: reviewer.token, raw: "{oops", headers: { "content-type": "application/json" } }), params());
    expect(bad.status).toBe(400);
    expect((await errorOf(bad)).code).toBe("malformed_json");
    const form = await claimsRoute.POST(request("POST", "/api/v1/claims", { token: reviewer.token, raw: "a=b", headers: { "content-type": "application/x-www-form-urlencoded" } }), params());
    expect(form.status).toBe(400);
    expect((await errorOf(form)).code).toBe("bad_content_type");
    // bytes, not a string: a string body would get text/plain from the Request constructor
    const undeclared = new Request(`${BASE}/api/v1/claims`, {
      method: "POST",
      headers: { host: "127.0.0.1:3000", authorization: `Bearer ${reviewer.token}` },
      body: new TextEncoder().encode("{}"),
    });
    expect(undeclared.headers.get("content-type")).toBeNull();
    const none = await claimsRoute.POST(undeclared, params());
    expect(none.status).toBe(400);
    expect((await errorOf(none)).code).toBe("bad_content_type");
    const big = await claimsRoute.POST(request("POST", "/api/v1/claims", { token: reviewer.token, body: { quote: "x".repeat(70 * 1024) } }), params());
    expect(big.status).toBe(413);
  });

  it("413 for a streamed body over 64 KB that declares no length", async () => {
    const chunk = new TextEncoder().encode(`"${"x".repeat(8 * 1024)}",`);
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        // stops by itself well past the limit, so a reader that never stops would be caught by the assertion below
        if (sent++ < 64) controller.enqueue(sent === 1 ? new TextEncoder().encode("[") : chunk);
        else controller.close();
      },
    });
    const streamed = new Request(`${BASE}/api/v1/claims`, {
      method: "POST",
      headers: { host: "127.0.0.1:3000", authorization: `Bearer ${reviewer.token}`, "content-type": "application/json" },
      body: stream,
      duplex: "half",
    } as RequestInit);
    expect(streamed.headers.get("content-length")).toBeNull();
    const response = await claimsRoute.POST(streamed, params());
    expect(response.status).toBe(413);
    expect((await errorOf(response)).code).toBe("payload_too_large");
    expect(sent).toBeLessThan(64);
  });

  it("400 before any schema for deep nesting, prototype keys, NUL and bytes that are not UTF-8", async () => {
    const cases: Array<[string | Uint8Array<ArrayBuffer>, string]> = [
      ["[".repeat(10_000) + "]".repeat(10_000), "too_deep"],
      ['{"a":'.repeat(10_000) + "1" + "}".repeat(10_000), "too_deep"],
      ['{"sourceId":1,"__proto__":{"role":"admin"}}', "forbidden_key"],
      ['{"sourceId":1,"x":{"constructor":{"prototype":{}}}}', "forbidden_key"],
      ['{"sourceId":1,"quote":"a\\u0000b"}', "nul_character"],
      // a raw NUL byte inside a string is not JSON at all
      ['{"sourceId":1,"quote":"a\u0000b"}', "malformed_json"],
      [new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]), "malformed_json"],
    ];
    for (const [raw, code] of cases) {
      const response = await claimsRoute.POST(
        new Request(`${BASE}/api/v1/claims`, {
          method: "POST",
          headers: { host: "127.0.0.1:3000", authorization: `Bearer ${reviewer.token}`, "content-type": "application/json" },
          body: raw,
        }),
        params(),
      );
      expect(response.status, code).toBe(400);
      expect((await errorOf(response)).code).toBe(code);
    }
  });

  it("401 without credentials or with a revoked token; 403 for a viewer and a disabled account", async () => {
    session.userId = null;
    const none = await claimsRoute.POST(request("POST", "/api/v1/claims", { body: {} }), params());
    expect(none.status).toBe(401);
    expect((await errorOf(none)).code).toBe("unauthenticated");

    const forbidden = await claimsRoute.POST(request("POST", "/api/v1/claims", { token: viewer.token, body: {} }), params());
    expect(forbidden.status).toBe(403);

    // disabling an account revokes its tokens: the token is unknown from then on, even once it is enabled again
    const gone = await userWithToken("reviewer");
    expectOk(await setDisabled(SYSTEM, { userId: gone.user.id, disabled: true }));
    expect((await claimsRoute.POST(request("POST", "/api/v1/claims", { token: gone.token, body: {} }), params())).status).toBe(401);
    expectOk(await setDisabled(SYSTEM, { userId: gone.user.id, disabled: false }));
    expect((await claimsRoute.POST(request("POST", "/api/v1/claims", { token: gone.token, body: {} }), params())).status).toBe(401);

    const revoked = await userWithToken("reviewer");
    const tokenId = (await rawGet<{ id: number }>("select id from api_tokens where user_id = ?", [revoked.user.id]))!.id;
    expectOk(await revokeToken({ type: "user", userId: revoked.user.id }, { tokenId }));
    expect((await claimsRoute.POST(request("POST", "/api/v1/claims", { token: revoked.token, body: {} }), params())).status).toBe(401);
    expect((await claimsRoute.POST(request("POST", "/api/v1/claims", { token: "cd_made-up", body: {} }), params())).status).toBe(401);
  });

  it("a session from before a disable or a password reset stays over, even once the account is enabled again", async () => {
    const claimsGet = () => claimsRoute.GET(request("GET", "/api/v1/claims"));
    const user = await userWithToken("reviewer");
    session.userId = user.user.id;
    session.authAt = Date.now() - 1000;
    expect((await claimsGet()).status).toBe(200);

    expectOk(await setDisabled(SYSTEM, { userId: user.user.id, disabled: true }));
    expect((await claimsGet()).status).toBe(403);
    expectOk(await setDisabled(SYSTEM, { userId: user.user.id, disabled: false }));
    expect((await claimsGet()).status).toBe(401);
    // a sign-in after it is a new session
    session.authAt = Date.now() + 1;
    expect((await claimsGet()).status).toBe(200);
    // tokens die with the account's trust: the disable revoked it
    expect((await claimsRoute.GET(request("GET", "/api/v1/claims", { token: user.token }))).status).toBe(401);

    session.authAt = Date.now() - 1;
    expectOk(await resetPassword(SYSTEM, { userId: user.user.id, password: "a brand new long password" }));
    expect((await claimsGet()).status).toBe(401);
    session.authAt = Date.now() + 1;
    expect((await claimsGet()).status).toBe(200);
    session.authAt = undefined;
  });

  it("checks the Origin of cookie-authenticated writes", async () => {
    session.userId = reviewer.user.id;
    const source = await makeSource();
    const body = { sourceId: source.id, ...quoteAt(source.body, "Critics disputed the figures"), speakerId: (await makeSpeaker()).id };
    const crossSite = await claimsRoute.POST(request("POST", "/api/v1/claims", { body, headers: { origin: "https://evil.example" } }), params());
    expect(crossSite.status).toBe(403);
    expect((await errorOf(crossSite)).code).toBe("bad_origin");
    const noOrigin = await claimsRoute.POST(request("POST", "/api/v1/claims", { body }), params());
    expect(noOrigin.status).toBe(403);
    const sameSite = await claimsRoute.POST(request("POST", "/api/v1/claims", { body, headers: { origin: "http://127.0.0.1:3000" } }), params());
    expect(sameSite.status).toBe(201);
    session.userId = null;
  });
});

describe("PATCH and DELETE /api/v1/claims/{id}", () => {
  it("edits on top of the version seen; 409 with who changed what for a stale one", async () => {
    const claim = await makeClaim({ actor: { type: "user", userId: reviewer.user.id } });
    const patch = (baseVersion: number, proposition: string) =>
      claimRoute.PATCH(request("PATCH", `/api/v1/claims/${claim.id}`, { token: reviewer.token, body: { baseVersion, proposition } }), params({ id: String(claim.id) }));
    const first = await patch(1, "Harvest up 12% in 2023.");
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ proposition: "Harvest up 12% in 2023.", version: 2 });
    const stale = await patch(1, "Something else.");
    expect(stale.status).toBe(409);
    const error = await errorOf(stale);
    expect(error.current).toMatchObject({ version: 2, changedBy: reviewer.user.name, action: "edited the claim" });
  });

  it("404 for an unknown id; a reviewer deletes their own unruled claim, 204", async () => {
    expect((await claimRoute.PATCH(request("PATCH", "/api/v1/claims/999999", { token: reviewer.token, body: { baseVersion: 1, proposition: "x" } }), params({ id: "999999" }))).status).toBe(404);
    expect((await claimRoute.DELETE(request("DELETE", "/api/v1/claims/abc", { token: reviewer.token }), params({ id: "abc" }))).status).toBe(404);
    const claim = await makeClaim({ actor: { type: "user", userId: reviewer.user.id } });
    const gone = await claimRoute.DELETE(request("DELETE", `/api/v1/claims/${claim.id}`, { token: reviewer.token }), params({ id: String(claim.id) }));
    expect(gone.status).toBe(204);
    expect((await claimRoute.GET(request("GET", `/api/v1/claims/${claim.id}`, { token: reviewer.token }), params({ id: String(claim.id) }))).status).toBe(404);
    expect(await countRows("audit_log where entity = 'claim' and entity_id = ?", claim.id)).toBe(2);
  });
});

describe("POST /api/v1/claims/{id}/verdicts and /evidence", () => {
  it("201 with the updated claim; 409 and nothing written for a stale baseVersion", async () => {
    const claim = await makeClaim();
    const post = (baseVersion: number) =>
      verdictsRoute.POST(
        request("POST", `/api/v1/claims/${claim.id}/verdicts`, {
          token: reviewer.token,
          body: { status: "contradicted", rationale: "Customs data say 3%.", baseVersion, evidence: [{ target: { kind: "url", url: "https://example.org/customs" }, stance: "refutes" }] },
        }),
        params({ id: String(claim.id) }),
      );
    const ok = await post(1);
    expect(ok.status).toBe(201);
    expect(await ok.json()).toMatchObject({ id: claim.id, status: "contradicted", version: 2 });
    const stale = await post(1);
    expect(stale.status).toBe(409);
    expect(await countRows("verdicts where claim_id = ?", claim.id)).toBe(1);
  });

  it("of 50 verdicts racing on one baseVersion exactly one lands", async () => {
    const claim = await makeClaim();
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        verdictsRoute.POST(
          request("POST", `/api/v1/claims/${claim.id}/verdicts`, { token: reviewer.token, body: { status: "pending", rationale: `try ${i}`, baseVersion: 1 } }),
          params({ id: String(claim.id) }),
        ),
      ),
    );
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
  });

  it("links evidence; refuses a javascript: URL with 422", async () => {
    const claim = await makeClaim();
    const other = await makeClaim();
    const add = (body: unknown) => evidenceRoute.POST(request("POST", `/api/v1/claims/${claim.id}/evidence`, { token: reviewer.token, body }), params({ id: String(claim.id) }));
    expect((await add({ target: { kind: "claim", claimId: other.id }, stance: "supports", note: "same figure" })).status).toBe(201);
    expect((await add({ target: { kind: "url", url: "JavaScript:alert(1)" }, stance: "supports" })).status).toBe(422);
  });
});

describe("POST /api/v1/speakers and /speakers/{id}/aliases", () => {
  it("creates a speaker, adds an alias, and refuses the same alias twice with 409", async () => {
    const made = await speakersRoute.POST(request("POST", "/api/v1/speakers", { token: reviewer.token, body: { name: `Lim Eul-chul ${Date.now()}`, kind: "person" } }), params());
    expect(made.status).toBe(201);
    const { id } = await made.json();
    const alias = (a: string) => aliasesRoute.POST(request("POST", `/api/v1/speakers/${id}/aliases`, { token: reviewer.token, body: { alias: a } }), params({ id: String(id) }));
    expect((await alias("Prof. Lim")).status).toBe(201);
    expect((await alias("prof lim")).status).toBe(409);
    expect((await aliasesRoute.POST(request("POST", "/api/v1/speakers/999999/aliases", { token: reviewer.token, body: { alias: "x" } }), params({ id: "999999" }))).status).toBe(404);
  });
});

describe("GET /api/v1/reports", () => {
  it("streams an attachment named after the date and filters; 400 for an unknown format or filter", async () => {
    const reportsRoute = await import("@/app/api/v1/reports/route");
    const ok = await reportsRoute.GET(request("GET", "/api/v1/reports?format=csv&status=contradicted", { token: viewer.token }));
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(ok.headers.get("content-disposition")).toMatch(/^attachment; filename="claimdesk-report-\d{4}-\d{2}-\d{2}-contradicted\.csv"$/);
    const bytes = new Uint8Array(await ok.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the BOM (Response#text would strip it)
    expect(new TextDecoder().decode(bytes).startsWith("id,status,quote")).toBe(true);
    for (const bad of ["format=xlsx", "format=csv&status=maybe", "format=csv&colour=red", "status=pending"]) {
      const response = await reportsRoute.GET(request("GET", `/api/v1/reports?${bad}`, { token: viewer.token }));
      expect(response.status, bad).toBe(400);
      expect((await errorOf(response)).code).toBe("invalid_query");
    }
    session.userId = null;
    expect((await reportsRoute.GET(request("GET", "/api/v1/reports?format=csv"))).status).toBe(401);
  });
});
