import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import * as sourcesRoute from "@/app/api/v1/sources/route";
import * as suggestionsRoute from "@/app/api/v1/sources/[id]/suggestions/route";
import * as acceptRoute from "@/app/api/v1/suggestions/[id]/accept/route";
import * as dismissRoute from "@/app/api/v1/suggestions/[id]/dismiss/route";
import { errorOf, params, request, session, userWithToken } from "./support/api";
import { unique } from "./support/factories";
import { countRows } from "./support/rows";

vi.mock("@/lib/auth", async () => (await import("./support/api")).mockAuth());

let reviewer: Awaited<ReturnType<typeof userWithToken>>;
let viewer: Awaited<ReturnType<typeof userWithToken>>;
beforeAll(async () => {
  await userWithToken("admin");
  reviewer = await userWithToken("reviewer");
  viewer = await userWithToken("viewer");
});

const article = (tag = unique("a")) =>
  [
    `Library board backs longer opening hours ${tag}`,
    "By Marta Lindqvist",
    "Published: May 4, 2026 at 6:00 p.m. CEST",
    `The city library board voted on Monday to open its three branches until 9 p.m. on weekdays from September (${tag}).`,
    '"Evenings are when working families can come," said Jonas Berg, the board\'s chair. "We have been closed exactly when they need us."',
    "Visits fell 14% in 2025, according to the board's figures.",
    "Copyright © 2026 Uppsala Morning Post",
  ].join("\n");

const post = (body: unknown, token = reviewer.token, query = "") =>
  sourcesRoute.POST(request("POST", `/api/v1/sources${query}`, { token, body }), params());

describe("POST /api/v1/sources", () => {
  it("201 with the source and its clean body; ?dryRun=1 saves nothing and says what it would do", async () => {
    const raw = article();
    const before = await countRows("sources");
    const dry = await post({ raw, format: "text" }, reviewer.token, "?dryRun=1");
    expect(dry.status).toBe(200);
    const preview = await dry.json();
    expect(preview.body).toContain("The city library board voted on Monday");
    expect(preview.removed).toEqual(expect.arrayContaining([expect.objectContaining({ reason: "byline" }), expect.objectContaining({ reason: "copyright" })]));
    expect(preview.metadata).toMatchObject({ outlet: "Uppsala Morning Post", byline: "Marta Lindqvist", publishedAt: "2026-05-04T18:00:00+02:00" });
    expect(await countRows("sources")).toBe(before);

    const saved = await post({ raw, format: "text" });
    expect(saved.status).toBe(201);
    const { source, suggestions } = await saved.json();
    expect(source).toMatchObject({ outlet: "Uppsala Morning Post", publishedAt: "2026-05-04T18:00:00+02:00" });
    expect(source.body).toBe(preview.body);
    expect(source).not.toHaveProperty("contentHash");
    expect(suggestions).toBeGreaterThan(0);

    // the same article again: 409 with the source the desk has
    const again = await post({ raw, format: "text" });
    expect(again.status).toBe(409);
    const error = await errorOf(again);
    expect(error.code).toBe("duplicate");
    expect((error as unknown as { existing: { id: number } }).existing.id).toBe(source.id);
  });

  it("GET suggestions: offsets into the clean body; accept makes the claim, dismiss is remembered", async () => {
    const { source } = await (await post({ raw: article(), format: "text" })).json();
    const list = async () => (await (await suggestionsRoute.GET(request("GET", `/api/v1/sources/${source.id}/suggestions`, { token: viewer.token }), params({ id: String(source.id) }))).json()).items;
    const items = (await list()) as Array<{ id: number; quote: string; start: number; end: number; kind: string; type: string; speakerName: string | null; confidence: number }>;
    expect(items.length).toBeGreaterThan(1);
    for (const s of items) {
      expect(source.body.slice(s.start, s.end)).toBe(s.quote);
      expect(["quotation", "reported"]).toContain(s.kind);
      expect(s.confidence).toBeGreaterThan(0);
    }
    const quoted = items.find((s) => s.kind === "quotation" && s.speakerName === "Jonas Berg")!;
    expect(quoted).toBeTruthy();

    const refused = await acceptRoute.POST(request("POST", `/api/v1/suggestions/${quoted.id}/accept`, { token: viewer.token }), params({ id: String(quoted.id) }));
    expect(refused.status).toBe(403);
    const accepted = await acceptRoute.POST(request("POST", `/api/v1/suggestions/${quoted.id}/accept`, { token: reviewer.token }), params({ id: String(quoted.id) }));
    expect(accepted.status).toBe(201);
    const made = await accepted.json();
    expect(made.claim).toMatchObject({ sourceId: source.id, quote: quoted.quote, start: quoted.start, speaker: { name: "Jonas Berg" } });
    const twice = await acceptRoute.POST(request("POST", `/api/v1/suggestions/${quoted.id}/accept`, { token: reviewer.token }), params({ id: String(quoted.id) }));
    expect(twice.status).toBe(409);

    const other = items.find((s) => s.id !== quoted.id)!;
    const dismissed = await dismissRoute.POST(request("POST", `/api/v1/suggestions/${other.id}/dismiss`, { token: reviewer.token }), params({ id: String(other.id) }));
    expect(dismissed.status).toBe(200);
    const left = (await list()) as Array<{ id: number }>;
    expect(left.map((s) => s.id)).not.toContain(other.id);
    expect(left.map((s) => s.id)).not.toContain(quoted.id);

    expect((await suggestionsRoute.GET(request("GET", "/api/v1/sources/999999/suggestions", { token: viewer.token }), params({ id: "999999" }))).status).toBe(404);
    session.userId = null;
    expect((await suggestionsRoute.GET(request("GET", `/api/v1/sources/${source.id}/suggestions`), params({ id: String(source.id) }))).status).toBe(401);
  });

  it("403 for a viewer; 422 for empty or binary text, 413 for an oversized body; nothing written", async () => {
    const before = await countRows("sources");
    expect((await post({ raw: article() }, viewer.token)).status).toBe(403);
    for (const raw of ["", "  \n ", "\u0001\u0002\u0003".repeat(500)]) {
      const response = await post({ raw });
      expect(response.status, JSON.stringify(raw.slice(0, 5))).toBe(422);
      expect((await errorOf(response)).fields?.raw).toMatch(/empty|control characters/);
    }
    const binary = await post({ raw: "GIF89a\u0000\u0000" });
    expect(binary.status).toBe(400); // NUL is refused in any body before a schema reads it
    const tooLong = await post({ raw: "x".repeat(5 * 1024 * 1024 + 10) });
    expect(tooLong.status).toBe(422);
    expect((await errorOf(tooLong)).fields?.raw).toMatch(/at most 5 MB/);
    const hugeBody = await sourcesRoute.POST(
      request("POST", "/api/v1/sources", { token: reviewer.token, raw: JSON.stringify({ raw: "y".repeat(13 * 1024 * 1024) }), headers: { "content-type": "application/json" } }),
      params(),
    );
    expect(hugeBody.status).toBe(413);
    expect((await post({ url: "http://10.0.0.1/article" })).status).toBe(403);
    expect((await errorOf(await post({ url: "ftp://example.org/x" }))).fields?.url).toBeTruthy();
    expect(await countRows("sources")).toBe(before);
  });
});

describe("npm run import", () => {
  // on this file's own database (DATABASE_URL, an SQLite file or a PostgreSQL database), whose admin the shell's rows belong to
  it("imports a folder with a progress bar's summary line, isolates failures, and a second run imports nothing new", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "claimdesk-bulk-"));
    const articles = path.join(dir, "articles");
    fs.mkdirSync(path.join(articles, "nested"), { recursive: true });
    for (let i = 0; i < 5; i++) fs.writeFileSync(path.join(articles, i < 3 ? "" : "nested", `story-${i}.txt`), article(unique(`bulk${i}`)));
    fs.writeFileSync(path.join(articles, "scan.txt"), Buffer.from([0x25, 0x50, 0x44, 0x46, 0, 1, 2]));
    fs.writeFileSync(path.join(articles, "empty.md"), "");
    fs.writeFileSync(path.join(articles, "notes.docx"), "ignored: not an article type");
    const run = () =>
      spawnSync(process.execPath, ["--import", "tsx", "--conditions=react-server", path.resolve("scripts/import.ts"), articles], {
        env: { ...process.env, DEMO_PASSWORD: "x" },
        encoding: "utf8",
        timeout: 120_000,
      });
    const before = await countRows("sources");
    const first = run();
    expect(first.stdout, first.stderr).toContain("imported 5, duplicates 0, failed 2");
    expect(first.stdout).toMatch(/failed: .*scan\.txt: This is a PDF/);
    expect(first.stdout).toMatch(/failed: .*empty\.md: .*empty/);
    expect(first.status).toBe(1);
    const second = run();
    expect(second.stdout).toContain("imported 0, duplicates 5, failed 2");
    expect(await countRows("sources")).toBe(before + 5);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
