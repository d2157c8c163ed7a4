import { parse } from "csv-parse/sync";
import type { APIRequestContext, Page } from "@playwright/test";
import { expect, test } from "../e2e/support/csp-guard";
import { ACCOUNTS, signInByApi } from "../e2e/support/session";

/**
 * Markup typed into the desk renders as text everywhere it is shown, reports
 * included. A reviewer puts script, event-handler, attribute-breaking and
 * javascript: payloads into a speaker's name, alias and description, a
 * claim's proposition, verdict rationales and evidence notes; every page that
 * shows them must show the payload literally and contain none of its
 * elements. The guard (csp-guard) fails the test on any dialog and on any CSP
 * violation, which is how an escaped-but-blocked injection would surface.
 * Source titles come only from the import, so they are not written here.
 */
const PAYLOADS = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", '"><svg onload=alert(1)>', '<a href="javascript:alert(1)">x</a>'];
const SOURCE = "Putin Expresses Willingness to Visit North Korea After Talks with Foreign Minister Choe Son-hui";
const CITED = "the timing may be brought forward";
const CITING = "Putin’s visit to North Korea will accelerate";
const PASSAGE_SOURCE = "North Korean foreign minister arrives in Russia";

type Desk = {
  marker: string;
  text: (field: string) => string;
  speakerId: number;
  sourceId: number;
  cited: number;
  citing: number;
};

/** Everything made through the JSON API, as the reviewer, under a marker no other test uses. */
async function hostileDesk(request: APIRequestContext, origin: string): Promise<Desk> {
  await signInByApi(request, ACCOUNTS.reviewer);
  const marker = `xss${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const text = (field: string) => `${marker} ${field} ${PAYLOADS.join(" ")}`;
  const headers = { origin };
  const post = async (path: string, data: unknown) => {
    const response = await request.post(path, { headers, data });
    expect(response.status(), `${path}: ${await response.text()}`).toBe(201);
    return response.json();
  };

  const sources = (await (await request.get("/api/v1/sources")).json()).items as Array<{ id: number; title: string }>;
  const source = sources.find((s) => s.title === SOURCE)!;
  const other = sources.find((s) => s.title === PASSAGE_SOURCE)!;
  const { body } = await (await request.get(`/api/v1/sources/${source.id}`)).json();
  const { body: otherBody } = await (await request.get(`/api/v1/sources/${other.id}`)).json();

  const speaker = await post("/api/v1/speakers", { name: text("name"), description: text("description"), kind: "person", aliases: [] });
  await post(`/api/v1/speakers/${speaker.id}/aliases`, { alias: text("alias") });

  const claim = async (quote: string) => {
    const start = (body as string).indexOf(quote);
    expect(start, quote).toBeGreaterThanOrEqual(0);
    return post("/api/v1/claims", { sourceId: source.id, start, end: start + quote.length, quote, speakerId: speaker.id, type: "statement", proposition: text("proposition") });
  };
  const cited = await claim(CITED);
  const citing = await claim(CITING);

  const passage = "Choe";
  const at = (otherBody as string).indexOf(passage);
  await post(`/api/v1/claims/${cited.id}/verdicts`, {
    status: "contradicted",
    rationale: text("rationale"),
    baseVersion: cited.version,
    evidence: [
      { target: { kind: "url", url: `https://example.org/${marker}` }, stance: "refutes", note: text("url note") },
      { target: { kind: "passage", sourceId: other.id, start: at, end: at + passage.length, quote: passage }, stance: "context", note: text("passage note") },
    ],
  });
  await post(`/api/v1/claims/${citing.id}/verdicts`, {
    status: "corroborated",
    rationale: text("citing rationale"),
    baseVersion: citing.version,
    evidence: [{ target: { kind: "claim", claimId: cited.id }, stance: "supports", note: text("citing note") }],
  });
  await post(`/api/v1/claims/${citing.id}/evidence`, { target: { kind: "url", url: `https://example.org/${marker}/more` }, stance: "context", note: text("evidence note") });

  return { marker, text, speakerId: speaker.id, sourceId: source.id, cited: cited.id, citing: citing.id };
}

/** No element of any payload exists in the page, in any frame of it. */
async function expectNoInjectedElements(page: Page) {
  const injected = await page.evaluate(() => ({
    svg: document.querySelectorAll("svg[onload]").length,
    img: document.querySelectorAll('img[src="x"], img[onerror]').length,
    script: [...document.querySelectorAll("script")].filter((s) => s.textContent?.trim() === "alert(1)").length,
    link: [...document.querySelectorAll("a[href]")].filter((a) => /^\s*javascript:/i.test(a.getAttribute("href")!)).length,
    handlers: [...document.querySelectorAll("*")].filter((el) => [...el.attributes].some((a) => /^on/i.test(a.name))).length,
  }));
  expect(injected, page.url()).toEqual({ svg: 0, img: 0, script: 0, link: 0, handlers: 0 });
}

/** The page's HTML, as served, never holds a payload unescaped. */
async function expectEscapedSource(page: Page, path: string) {
  const html = await (await page.request.get(path)).text();
  for (const payload of PAYLOADS) expect(html, `${path} serves ${payload} raw`).not.toContain(payload);
}

async function visit(page: Page, path: string) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(200);
  await expectEscapedSource(page, path);
}

/** The exact string shows as text: visible, and read back unchanged. */
async function expectLiteral(page: Page, value: string) {
  const shown = page.getByText(value, { exact: true }).first();
  await expect(shown, `${page.url()}: ${value}`).toBeVisible();
}

test("markup in names, propositions, rationales and notes renders as text on every page", async ({ page, baseURL }) => {
  const desk = await hostileDesk(page.request, baseURL!);
  const { text } = desk;
  const name = text("name");

  // sources list and the reader, with the claim picked
  await visit(page, "/sources");
  await expect(page.getByRole("heading", { name: "Sources", level: 1 })).toBeVisible();
  await expectNoInjectedElements(page);

  await visit(page, `/sources/${desk.sourceId}`);
  const claimList = page.getByRole("complementary", { name: "Claims in this article" });
  await expect(async () => {
    await claimList.getByRole("button").filter({ hasText: CITED }).filter({ hasText: name }).click();
    await expect(page.getByRole("region", { name: "Selected claim" }).getByText(text("proposition"), { exact: true })).toBeVisible({ timeout: 1000 });
  }).toPass();
  const selected = page.getByRole("region", { name: "Selected claim" });
  await expect(selected.getByText(name, { exact: true })).toBeVisible();
  await expect(selected.getByText(text("rationale"), { exact: true })).toBeVisible();
  await expectNoInjectedElements(page);

  // claims: unfiltered, filtered by the speaker (the speaker picker carries the name), by status
  for (const path of ["/claims", `/claims?speakerId=${desk.speakerId}`, `/claims?speakerId=${desk.speakerId}&status=contradicted&type=statement`]) {
    await visit(page, path);
    const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: `“${CITED}”` }) }).filter({ hasText: desk.marker });
    await expect(row.getByRole("cell", { name, exact: true })).toBeVisible();
    if (path.includes("speakerId")) await expect(page.getByRole("combobox", { name: "Speaker" })).toHaveValue(name);
    await expectNoInjectedElements(page);
  }

  // the cited claim's page: heading, proposition, rationale, evidence notes, and who cites it
  await visit(page, `/claims/${desk.cited}`);
  await expect(page.getByRole("heading", { level: 1, name: new RegExp(`^Claim by ${escapeRegExp(name)}`) })).toBeVisible();
  for (const field of ["proposition", "rationale", "url note", "passage note", "citing note"]) await expectLiteral(page, text(field));
  const citedBy = page.getByRole("region", { name: "Cited as evidence by" });
  await expect(citedBy.getByText(text("citing note"), { exact: true })).toBeVisible();
  await expectNoInjectedElements(page);

  await visit(page, `/claims/${desk.citing}`);
  for (const field of ["proposition", "citing rationale", "citing note", "evidence note"]) await expectLiteral(page, text(field));
  await expectNoInjectedElements(page);

  // speakers list and the speaker's page: name, alias, description
  await visit(page, "/speakers");
  await expect(page.getByRole("link", { name, exact: true })).toBeVisible();
  await expectLiteral(page, text("alias"));
  await expectNoInjectedElements(page);

  await visit(page, `/speakers/${desk.speakerId}`);
  await expect(page.getByRole("heading", { level: 1, name, exact: true })).toBeVisible();
  await expectLiteral(page, text("alias"));
  await expect(page.getByText(`person · ${text("description")}`, { exact: true })).toBeVisible();
  await expectNoInjectedElements(page);

  // the reports page's live preview, narrowed to the speaker
  await visit(page, `/reports?speakerId=${desk.speakerId}`);
  await expect(page.getByText("The count and the preview follow the filters as you change them.")).toBeVisible();
  const preview = page.getByRole("region", { name: "Preview" });
  await expect(preview.getByRole("cell", { name, exact: true })).toHaveCount(2);
  await expectNoInjectedElements(page);

  // the printable report, under the site's policy
  await visit(page, `/reports/print?speakerId=${desk.speakerId}`);
  await expect(page.getByRole("heading", { name: "Claimdesk verdict report", level: 1 })).toBeVisible();
  await expectLiteral(page, `Proposition: ${text("proposition")}`);
  await expectLiteral(page, `Rationale: ${text("rationale")}`);
  await expectLiteral(page, `Rationale: ${text("citing rationale")}`);
  await expect(page.getByRole("table", { name: "By speaker" }).getByRole("rowheader", { name, exact: true })).toBeVisible();
  await expect(page.getByText(text("url note"), { exact: false }).first()).toBeVisible();
  await expectNoInjectedElements(page);
});

test("the report downloads keep markup as data: HTML renders it as text, Markdown escapes it, JSON and CSV hold it exactly", async ({ page, baseURL }) => {
  const desk = await hostileDesk(page.request, baseURL!);
  const { text } = desk;
  const download = async (format: string) => {
    const response = await page.request.get(`/api/v1/reports?format=${format}&speakerId=${desk.speakerId}`);
    expect(response.status(), format).toBe(200);
    expect(response.headers()["content-disposition"], format).toMatch(/^attachment;/);
    expect(response.headers()["x-content-type-options"], format).toBe("nosniff");
    return response.text();
  };

  // HTML: a downloaded file opens with no policy at all, so escaping alone must hold
  const html = await download("html");
  for (const payload of PAYLOADS) expect(html).not.toContain(payload);
  const file = await page.context().newPage();
  await file.setContent(html, { waitUntil: "load" });
  await expect(file.getByRole("heading", { name: "Claimdesk verdict report", level: 1 })).toBeVisible();
  await expect(file.getByText(`Proposition: ${text("proposition")}`, { exact: true }).first()).toBeVisible();
  await expect(file.getByText(`Rationale: ${text("rationale")}`, { exact: true })).toBeVisible();
  await expect(file.getByRole("rowheader", { name: text("name"), exact: true })).toBeVisible();
  await expect(file.getByText(text("citing note"), { exact: false }).first()).toBeVisible();
  await expectNoInjectedElements(file);
  // give an onerror or onload the time to fire, had one been created
  await file.waitForTimeout(300);
  await file.close();

  // Markdown: no line that carries our text has an unescaped "<"
  const md = await download("md");
  const ours = md.split("\n").filter((line) => line.includes(desk.marker));
  expect(ours.length).toBeGreaterThanOrEqual(6);
  for (const line of ours) expect(line, line).not.toMatch(/(^|[^\\])</);
  for (const payload of PAYLOADS) expect(md).not.toContain(payload);

  // JSON: the exact strings, as data
  const report = JSON.parse(await download("json")) as { claims: Array<{ proposition: string; speaker: { name: string }; latestVerdict: { rationale: string } | null }> };
  expect(report.claims).toHaveLength(2);
  for (const c of report.claims) {
    expect(c.proposition).toBe(text("proposition"));
    expect(c.speaker.name).toBe(text("name"));
  }
  expect(report.claims.map((c) => c.latestVerdict?.rationale).sort()).toEqual([text("citing rationale"), text("rationale")].sort());

  // CSV: the exact strings in their columns
  const rows = parse((await download("csv")).replace(/^\uFEFF/, ""), { columns: true }) as Array<Record<string, string>>;
  expect(rows).toHaveLength(2);
  for (const row of rows) {
    expect(row.proposition).toBe(text("proposition"));
    expect(row.speaker).toBe(text("name"));
  }
  expect(rows.map((r) => r.rationale).sort()).toEqual([text("citing rationale"), text("rationale")].sort());
});

function escapeRegExp(value: string) {
  return value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
