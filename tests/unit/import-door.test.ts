import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { rawGet } from "@/db/raw";
import { listOpenSuggestions } from "@/db/queries/suggestions";
import { acceptSuggestion, dismissSuggestion } from "@/lib/claims/suggestions";
import { importSource, previewImport } from "@/lib/sources/import";
import { updateSource } from "@/lib/sources/update";
import { SYSTEM, asUser, expectOk, makeUser, unique } from "./support/factories";
import { countRows } from "./support/rows";

const seed = (file: string) => fs.readFileSync(path.join("seed", "articles", file), "utf8");
const fixture = (file: string) => fs.readFileSync(path.join("tests", "fixtures", "articles", file), "utf8");
const tables = async () => ({
  sources: await countRows("sources"),
  suggestions: await countRows("claim_suggestions"),
  audit: await countRows("audit_log"),
  bands: await countRows("source_bands"),
});

/** A story no other test imports: a unique line keeps it from being anyone's duplicate. */
function story(label = "story") {
  const tag = unique(label);
  return [
    `Harbour authority approves dredging plan ${tag}`,
    "By Ines Moreau, Staff Writer",
    "Published: March 3, 2026 at 9:15 a.m. EST",
    `The harbour authority voted 6-1 on Monday to approve a $41 million dredging plan (${tag}), clearing the way for larger container ships.`,
    '"This is the single most important decision this board will make in a decade," said Priya Natarajan, the authority\'s chair. "Without it, the port slowly dies."',
    "Work is expected to begin in October and finish by 2028, officials said.",
    "Advertisement",
    "Shipping volumes at the port fell 12% last year, according to the authority's annual report.",
    "Copyright © 2026 The Coastal Ledger. All rights reserved.",
  ].join("\n");
}

let reviewer: Awaited<ReturnType<typeof makeUser>>;
let viewer: Awaited<ReturnType<typeof makeUser>>;
beforeAll(async () => {
  await makeUser({ role: "admin" });
  reviewer = await makeUser({ role: "reviewer" });
  viewer = await makeUser({ role: "viewer" });
});

describe("importSource", () => {
  it("cleans a pasted article, reads its metadata, saves it with its fingerprint and suggested claims, and audits it", async () => {
    const before = await tables();
    const { source, suggestions } = expectOk(await importSource(asUser(reviewer), { raw: story(), format: "text" }));
    expect(source.title).toMatch(/^Harbour authority approves dredging plan/);
    expect(source.outlet).toBe("The Coastal Ledger");
    expect(source.byline).toBe("Ines Moreau");
    expect(source.publishedAt).toBe("2026-03-03T09:15:00-05:00");
    expect(source.body).not.toMatch(/Advertisement|Copyright|Staff Writer|Published:/);
    expect(source.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(suggestions).toBeGreaterThan(0);
    const items = await listOpenSuggestions(source.id);
    expect(items.length).toBe(suggestions);
    for (const s of items) expect(source.body.slice(s.start, s.end)).toBe(s.quote);
    expect(items.some((s) => s.kind === "quotation" && s.speakerName === "Priya Natarajan")).toBe(true);
    const after = await tables();
    expect(after.sources).toBe(before.sources + 1);
    expect(after.bands).toBeGreaterThan(before.bands);
    const audit = (await rawGet<{ action: string; after: string }>("select action, after from audit_log where entity = 'source' and entity_id = ?", [source.id]))!;
    expect(audit.action).toBe("source.import");
    expect(JSON.parse(audit.after)).toMatchObject({ suggestions, format: "text" });
  });

  it("takes the seed articles pasted raw: the same clean body as the seeded one, and a duplicate of it", async () => {
    const seeded = expectOk(await importSource(SYSTEM, { raw: seed("000_9768125626ae8cb3.txt"), allowDuplicate: true }));
    expect(seeded.source).toMatchObject({
      title: "North Korean and Russian foreign ministers reaffirm their solidarity",
      outlet: "Kyunghyang Shinmun",
      byline: "Kwak Hee-yang",
      publishedAt: "2024-11-04T18:35:00+09:00",
      publishedPrecision: "minute",
    });
    expect(seeded.source.body).toBe(fs.readFileSync(path.join("tests", "fixtures", "seed-bodies", "000_9768125626ae8cb3.body.txt"), "utf8").trim());
    const again = await importSource(asUser(reviewer), { raw: seed("000_9768125626ae8cb3.txt") });
    expect(again).toMatchObject({ ok: false, error: { code: "conflict", reason: "duplicate", duplicate: { kind: "same", source: { id: seeded.source.id } } } });
  });

  it("catches a near-identical text (wire copy under another outlet) and saves it only when told to", async () => {
    const wire = fixture("wire-typhoon.txt");
    const first = expectOk(await importSource(asUser(reviewer), { raw: wire }));
    // another outlet's copy: its own headline, byline and date line, and a closing line of its own
    const [, , , ...story] = wire.split("\n");
    const republished = [
      "Philippine typhoon death toll reaches 38 as thousands flee",
      "By Newsdesk Staff",
      "November 18, 2025 9:10 AM GMT+8",
      ...story,
      "This report was republished under a content-sharing agreement with Reuters.",
    ].join("\n");
    const before = await tables();
    const refused = await importSource(asUser(reviewer), { raw: republished, metadata: { outlet: "The Bay Courier" } });
    expect(refused).toMatchObject({ ok: false, error: { reason: "duplicate", duplicate: { kind: "near", source: { id: first.source.id } } } });
    if (!refused.ok) expect(refused.error.duplicate!.jaccard).toBeGreaterThanOrEqual(0.9);
    expect(await tables()).toEqual(before);
    const kept = expectOk(await importSource(asUser(reviewer), { raw: republished, metadata: { outlet: "The Bay Courier" }, allowDuplicate: true }));
    expect(kept.duplicateOf?.source.id).toBe(first.source.id);
  });

  it("refuses empty, binary and oversized input with a clear message, and writes nothing", async () => {
    const before = await tables();
    const cases: Array<[unknown, RegExp]> = [
      [{ raw: "   \n  " }, /empty/],
      [{ raw: "%PDF-1.7\u0000\u0000\u0001binary" }, /NUL|binary/],
      [{ raw: "\u0001\u0002\u0003\u0004\u0005\u0006".repeat(100) }, /control characters/],
      [{ raw: "x".repeat(5 * 1024 * 1024 + 1) }, /at most 5 MB/],
      [{ raw: "Home » News\nAdvertisement\nShare this article\nCopyright © 2026 Example. All rights reserved." }, /Nothing of the article was left|No story text/],
      [{}, /text \(raw\) or its address/],
    ];
    for (const [input, message] of cases) {
      const result = await importSource(asUser(reviewer), input);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(`${result.error.message} ${Object.values(result.error.fields ?? {}).join(" ")}`).toMatch(message);
    }
    expect(await tables()).toEqual(before);
  });

  it("asks for what the article does not say, and takes the reviewer's corrections", async () => {
    const raw = `A short note with no outlet ${unique("n")}\nThe committee met on Friday and agreed the plan, its chair said.`;
    const missing = await importSource(asUser(reviewer), { raw });
    expect(missing).toMatchObject({ ok: false, error: { code: "invalid" } });
    if (!missing.ok) expect(Object.keys(missing.error.fields ?? {})).toEqual(expect.arrayContaining(["outlet", "publishedAt"]));
    const notADate = await importSource(asUser(reviewer), { raw, metadata: { outlet: "Desk Notes", publishedAt: "Friday" } });
    expect(notADate).toMatchObject({ ok: false, error: { code: "invalid", fields: { "metadata.publishedAt": expect.any(String) } } });
    const { source } = expectOk(
      await importSource(asUser(reviewer), {
        raw,
        metadata: { outlet: "Desk Notes", publishedAt: "2026-02-06T00:00:00+01:00", publishedPrecision: "date", title: "Committee agrees the plan" },
      }),
    );
    expect(source).toMatchObject({ outlet: "Desk Notes", title: "Committee agrees the plan", publishedPrecision: "date", publishedAt: "2026-02-06T00:00:00+01:00" });
  });

  it("is for reviewers and admins: a viewer gets 403, no preview, and nothing is fetched or written", async () => {
    let requests = 0;
    const server = http.createServer((_req, res) => {
      requests++;
      res.writeHead(200, { "content-type": "text/html" }).end("<html><body><article><p>x</p></article></body></html>");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/story`;
    vi.stubEnv("IMPORT_ALLOW_PRIVATE_HOSTS", "true");
    try {
      const before = await tables();
      expect(await importSource(asUser(viewer), { url })).toMatchObject({ ok: false, error: { code: "forbidden" } });
      expect(await previewImport(asUser(viewer), { url })).toMatchObject({ ok: false, error: { code: "forbidden" } });
      expect(await importSource(asUser(viewer), { raw: "" })).toMatchObject({ ok: false, error: { code: "forbidden" } });
      expect(requests).toBe(0);
      expect(await tables()).toEqual(before);
    } finally {
      vi.unstubAllEnvs();
      server.close();
    }
  });
});

describe("URL import", () => {
  let server: http.Server;
  let base: string;
  beforeAll(async () => {
    const page = fixture("council-budget.html");
    server = http.createServer((req, res) => {
      if (req.url === "/article") res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(page);
      else if (req.url === "/moved") res.writeHead(302, { location: "/article" }).end();
      else if (req.url === "/image") res.writeHead(200, { "content-type": "image/png" }).end("png");
      else res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.close();
    vi.unstubAllEnvs();
  });

  it("refuses a loopback address unless IMPORT_ALLOW_PRIVATE_HOSTS says so, with a code that says why", async () => {
    vi.stubEnv("IMPORT_ALLOW_PRIVATE_HOSTS", "");
    const refused = await importSource(asUser(reviewer), { url: `${base}/article` });
    expect(refused).toMatchObject({ ok: false, error: { reason: "blocked_address", status: 403 } });
  });

  it("fetches, follows a redirect, cleans the page and keeps its canonical address", async () => {
    vi.stubEnv("IMPORT_ALLOW_PRIVATE_HOSTS", "true");
    const preview = expectOk(await previewImport(asUser(reviewer), { url: `${base}/moved` }));
    expect(preview.fetched?.url).toBe(`${base}/article`);
    expect(preview.format).toBe("html");
    expect(preview.removed.length).toBeGreaterThan(0);
    expect(preview.body).not.toMatch(/cookies|Subscribe|Share on/i);
    expect(preview.metadata.title).toBeTruthy();
    const image = await previewImport(asUser(reviewer), { url: `${base}/image` });
    expect(image).toMatchObject({ ok: false, error: { reason: "unsupported_type", status: 415 } });
    const gone = await previewImport(asUser(reviewer), { url: `${base}/missing` });
    expect(gone).toMatchObject({ ok: false, error: { reason: "http_error" } });
  });
});

describe("suggestions", () => {
  it("are claims only once accepted: accept makes an anchored claim with the matched or proposed speaker; dismiss is remembered", async () => {
    const { source } = expectOk(await importSource(asUser(reviewer), { raw: story("suggest") }));
    const items = await listOpenSuggestions(source.id);
    const quote = items.find((s) => s.kind === "quotation")!;
    const claimsBefore = await countRows("claims");
    const accepted = expectOk(await acceptSuggestion(asUser(reviewer), { suggestionId: quote.id }));
    expect(await countRows("claims")).toBe(claimsBefore + 1);
    expect(accepted.claim).toMatchObject({ sourceId: source.id, startOffset: quote.start, endOffset: quote.end, quote: quote.quote });
    const speaker = (await rawGet<{ name: string; description: string | null }>("select name, description from speakers where id = ?", [accepted.claim.speakerId]))!;
    expect(speaker.name).toBe("Priya Natarajan");
    expect((await listOpenSuggestions(source.id)).map((s) => s.id)).not.toContain(quote.id);
    expect(await acceptSuggestion(asUser(reviewer), { suggestionId: quote.id })).toMatchObject({ ok: false, error: { code: "conflict" } });

    const other = (await listOpenSuggestions(source.id))[0]!;
    expectOk(await dismissSuggestion(asUser(reviewer), { suggestionId: other.id }));
    expect((await listOpenSuggestions(source.id)).map((s) => s.id)).not.toContain(other.id);
    expect(await countRows("claims")).toBe(claimsBefore + 1);
    // a viewer may do neither
    const next = (await listOpenSuggestions(source.id))[0];
    if (next) {
      expect(await acceptSuggestion(asUser(viewer), { suggestionId: next.id })).toMatchObject({ ok: false, error: { code: "forbidden" } });
      expect(await dismissSuggestion(asUser(viewer), { suggestionId: next.id })).toMatchObject({ ok: false, error: { code: "forbidden" } });
    }
  });

  it("follow their words when the source is edited, and are dropped when the words are gone", async () => {
    const { source } = expectOk(await importSource(asUser(reviewer), { raw: story("edit") }));
    const items = await listOpenSuggestions(source.id);
    const edited = `Editor's note: a figure was corrected.\n\n${source.body}`;
    expectOk(await updateSource(SYSTEM, { sourceId: source.id, baseUpdatedAt: source.updatedAt, body: edited }));
    for (const s of await listOpenSuggestions(source.id)) expect(edited.slice(s.start, s.end)).toBe(s.quote);
    expect(await listOpenSuggestions(source.id)).toHaveLength(items.length);
  });
});
