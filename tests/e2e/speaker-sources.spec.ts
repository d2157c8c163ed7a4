import { randomBytes } from "node:crypto";
import type { APIRequestContext, Page } from "@playwright/test";
import { expect, test } from "./support/csp-guard";
import { signInAs } from "./support/session";

/**
 * The speaker's track record and chart, the sources list's pages and sort,
 * and the /claims pickers. Each test makes the sources, speakers and claims
 * it counts on, so other tests' writes cannot move its numbers; the seeded
 * speaker is checked against what the API says of it.
 */

type Source = { id: number; title: string; body: string };
type Claim = { id: number; version: number };

const stamp = () => `${Date.now().toString(36)}${randomBytes(3).toString("hex")}`;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
/** This month as the chart names it ("Nov 2024"): verdicts are stamped in UTC. */
const thisMonth = () => `${MONTHS[new Date().getUTCMonth()]} ${new Date().getUTCFullYear()}`;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A few sentences no other article shares: the title and stamp keep the duplicate check quiet. */
const bodyOf = (title: string) =>
  `${title}\n\n` +
  `The mayor said the bridge would reopen in May. Engineers expect the repairs to cost less than planned.\n\n` +
  `Residents disputed the timetable and said the river crossing would stay closed for a year. Reference ${randomBytes(8).toString("hex")}.`;

async function addSource(request: APIRequestContext, origin: string, title: string, publishedAt = "2024-05-02T09:30:00+09:00"): Promise<Source> {
  const response = await request.post("/api/v1/sources", {
    headers: { origin },
    data: { raw: bodyOf(title), format: "text", metadata: { title, outlet: "Pager Gazette", publishedAt }, allowDuplicate: true },
  });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()).source as Source;
}

async function addClaim(
  request: APIRequestContext,
  origin: string,
  source: Source,
  quote: string,
  speaker: { speakerId: number } | { speakerName: string },
  extra: { type?: string; resolvesOn?: string } = {},
): Promise<Claim> {
  const start = source.body.indexOf(quote);
  expect(start, quote).toBeGreaterThanOrEqual(0);
  const response = await request.post("/api/v1/claims", {
    headers: { origin },
    data: { sourceId: source.id, start, end: start + quote.length, quote, type: "statement", ...speaker, ...extra },
  });
  expect(response.status(), await response.text()).toBe(201);
  return response.json();
}

async function addVerdict(request: APIRequestContext, origin: string, claim: Claim, status: string) {
  const response = await request.post(`/api/v1/claims/${claim.id}/verdicts`, {
    headers: { origin },
    data: { status, rationale: `Checked: ${status}.`, baseVersion: claim.version },
  });
  expect(response.status(), await response.text()).toBe(201);
}

async function addSpeaker(request: APIRequestContext, origin: string, name: string): Promise<{ id: number; name: string }> {
  const response = await request.post("/api/v1/speakers", { headers: { origin }, data: { name, kind: "person" } });
  expect(response.status(), await response.text()).toBe(201);
  return response.json();
}

/** The count and share cells of one status in the track record's "Claims by status" table. */
async function expectRecordRow(page: Page, status: string, count: number, share: string) {
  const row = page.getByRole("region", { name: "Track record" }).getByRole("table", { name: "Claims by status" }).getByRole("row").filter({ has: page.getByRole("rowheader", { name: status, exact: true }) });
  await expect(row.getByRole("cell")).toHaveText([String(count), share]);
}

async function expectPredictionRow(page: Page, outcome: string, count: number) {
  const row = page.getByRole("region", { name: "Track record" }).getByRole("table", { name: "Predictions" }).getByRole("row").filter({ has: page.getByRole("rowheader", { name: outcome, exact: true }) });
  await expect(row.getByRole("cell")).toHaveText([String(count)]);
}

const share = (n: number, total: number) => (total ? `${Math.round((n / total) * 100)}%` : "—");

test("a seeded speaker's track record, chart and claims agree with the desk", async ({ page }) => {
  await signInAs(page, "viewer");
  const speakers = (await (await page.request.get("/api/v1/speakers")).json()).items as Array<{
    id: number;
    name: string;
    pending: number;
    corroborated: number;
    contradicted: number;
  }>;
  const choe = speakers.find((s) => s.name === "Choe Son Hui")!;
  const total = choe.pending + choe.corroborated + choe.contradicted;
  expect(choe.contradicted).toBeGreaterThanOrEqual(1);

  await page.goto("/speakers");
  await page.getByRole("link", { name: "Choe Son Hui", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Choe Son Hui" })).toBeVisible();

  await expectRecordRow(page, "Corroborated", choe.corroborated, share(choe.corroborated, total));
  await expectRecordRow(page, "Contradicted", choe.contradicted, share(choe.contradicted, total));
  await expectRecordRow(page, "Pending", choe.pending, share(choe.pending, total));
  await expect(page.getByRole("img", { name: `${total} claims: ${choe.corroborated} corroborated, ${choe.contradicted} contradicted, ${choe.pending} pending` })).toBeVisible();

  // the seed's contradicted verdict was recorded when the desk was seeded: this month
  const chart = page.getByRole("img", { name: "Verdicts by month on claims by Choe Son Hui" });
  await expect(chart).toBeVisible();
  await expect(chart).toHaveAccessibleDescription(/verdicts? in|verdicts? from/);
  await page.getByText("Chart data", { exact: true }).click();
  const data = page.getByRole("table", { name: "Verdicts by month on claims by Choe Son Hui" });
  await expect(data).toBeVisible();
  const month = data.getByRole("row").filter({ has: page.getByRole("rowheader", { name: thisMonth(), exact: true }) });
  await expect(month.getByRole("cell").nth(1)).not.toHaveText("0");

  // every claim, linked, with its status and source
  const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: /^“the main cause of the deterioration/ }) });
  await expect(row.getByText("Contradicted", { exact: true })).toBeVisible();
  await expect(row.getByRole("link", { name: "North Korean and Russian foreign ministers reaffirm their solidarity" })).toBeVisible();
});

test("a speaker's predictions, shares and monthly chart count their own claims; the merge form searches speakers", async ({ page, baseURL }) => {
  await signInAs(page, "reviewer");
  const origin = baseURL!;
  const id = stamp();
  const speaker = await addSpeaker(page.request, origin, `Forecaster ${id}`);
  const source = await addSource(page.request, origin, `Bridge report ${id}`);
  const who = { speakerId: speaker.id };
  const cameTrue = await addClaim(page.request, origin, source, "the bridge would reopen in May", who, { type: "prediction", resolvesOn: "2020-01-01" });
  const cameFalse = await addClaim(page.request, origin, source, "the repairs to cost less than planned", who, { type: "prediction", resolvesOn: "2020-01-01" });
  await addClaim(page.request, origin, source, "the river crossing would stay closed for a year", who, { type: "prediction", resolvesOn: "2020-06-30" });
  await addClaim(page.request, origin, source, "Engineers expect", who, { type: "prediction", resolvesOn: "2099-12-31" });
  const statement = await addClaim(page.request, origin, source, "Residents disputed the timetable", who);
  await addVerdict(page.request, origin, cameTrue, "corroborated");
  await addVerdict(page.request, origin, cameFalse, "contradicted");
  await addVerdict(page.request, origin, statement, "corroborated");

  await page.goto(`/speakers/${speaker.id}`);
  await expectRecordRow(page, "Corroborated", 2, "40%");
  await expectRecordRow(page, "Contradicted", 1, "20%");
  await expectRecordRow(page, "Pending", 2, "40%");
  await expectPredictionRow(page, "Came true (corroborated)", 1);
  await expectPredictionRow(page, "Came false (contradicted)", 1);
  await expectPredictionRow(page, "Still open (pending)", 2);
  await expectPredictionRow(page, "Open past their resolves-on date", 1);
  await expect(page.getByText("2 of 4 predictions resolved: 1 came true, 1 came false; 2 still open, 1 of them past its resolves-on date.")).toBeVisible();

  const title = `Verdicts by month on claims by ${speaker.name}`;
  const chart = page.getByRole("img", { name: title });
  await expect(chart).toHaveAccessibleDescription(`3 verdicts in ${thisMonth()}: 2 corroborated, 1 contradicted.`);
  await page.getByText("Chart data", { exact: true }).click();
  const month = page.getByRole("table", { name: title }).getByRole("row").filter({ has: page.getByRole("rowheader", { name: thisMonth(), exact: true }) });
  await expect(month.getByRole("cell")).toHaveText(["2", "1", "0", "3"]);

  const claims = page.getByRole("region", { name: "Claims" });
  await expect(claims.getByRole("link", { name: "“the bridge would reopen in May”" })).toHaveAttribute("href", `/claims/${cameTrue.id}`);
  await expect(claims.getByRole("link", { name: source.title })).toHaveCount(5);

  // merging: no list of every speaker, a search; the speaker itself is never offered
  const duplicate = await addSpeaker(page.request, origin, `Forecaster Twin ${id}`);
  const merge = page.getByRole("form", { name: "Merge speakers" });
  await expect(merge.getByRole("option")).toHaveCount(0);
  const picker = merge.getByRole("combobox", { name: "Speaker to merge" });
  // both speakers' names hold the stamp: only the other one is offered
  await picker.pressSequentially(id);
  const options = merge.getByRole("listbox", { name: "Speakers" }).getByRole("option");
  await expect(options).toHaveText([new RegExp(`^Forecaster Twin ${escape(id)}`)]);
  await picker.press("ArrowDown");
  await picker.press("Enter");
  await expect(picker).toHaveValue(duplicate.name);
  await expect(picker).toHaveAttribute("aria-expanded", "false");
  await merge.getByRole("button", { name: "Merge" }).click();
  await expect(page.getByRole("region", { name: "Also known as" }).getByText(duplicate.name, { exact: true })).toBeVisible();
});

test("/sources shows 50 a page, newest first, pages both ways and sorts oldest first", async ({ page, baseURL }, testInfo) => {
  test.setTimeout(90_000);
  await signInAs(page, "reviewer");
  const origin = baseURL!;
  const id = stamp();
  // older than anything else on the desk, so that they open the oldest-first list; a retry's go before the last try's
  const year = 1850 - testInfo.retry;
  const titles = Array.from({ length: 55 }, (_, i) => `Archive ${id} no. ${String(i + 1).padStart(2, "0")}`);
  const made: Source[] = [];
  for (let i = 0; i < titles.length; i += 5) {
    made.push(
      ...(await Promise.all(
        titles.slice(i, i + 5).map((title, j) => {
          const day = new Date(Date.UTC(year, 0, 1 + i + j)).toISOString().slice(0, 10);
          return addSource(page.request, origin, title, `${day}T12:00:00+00:00`);
        }),
      )),
    );
  }
  const first = made[0]!;
  const claimA = await addClaim(page.request, origin, first, "the bridge would reopen in May", { speakerName: `Archivist ${id}` });
  await addClaim(page.request, origin, first, "Residents disputed the timetable", { speakerName: `Archivist ${id}` });
  await addVerdict(page.request, origin, claimA, "corroborated");

  await page.goto("/sources");
  await expect(page.getByRole("main").getByRole("link", { name: "Add source" })).toBeVisible();
  await expect(page.getByRole("columnheader", { name: /^Published/ })).toHaveAttribute("aria-sort", "descending");
  const rows = page.getByRole("table").getByRole("rowgroup").nth(1).getByRole("row");
  await expect(rows).toHaveCount(50);
  await expect(page.getByRole("link", { name: first.title })).toHaveCount(0);
  await expect(page.getByRole("navigation", { name: "Pages of sources" }).getByRole("link", { name: "Previous page" })).toHaveCount(0);

  await page.getByRole("link", { name: "Oldest first" }).click();
  await expect(page).toHaveURL(/\/sources\?sort=published-asc$/);
  await expect(page.getByRole("columnheader", { name: /^Published/ })).toHaveAttribute("aria-sort", "ascending");
  await expect(rows).toHaveCount(50);
  await expect(rows.first().getByRole("link")).toHaveText(titles[0]!);
  await expect(rows.nth(49).getByRole("link")).toHaveText(titles[49]!);
  await expect(rows.first()).toContainText(`1 Jan ${year}`);
  // the counts by status of this page's sources, in words and as a bar
  await expect(rows.first().getByRole("img", { name: "2 claims: 1 corroborated, 0 contradicted, 1 pending" })).toBeVisible();
  await expect(rows.nth(1).getByRole("img", { name: "No claims" })).toBeVisible();

  const pager = page.getByRole("navigation", { name: "Pages of sources" });
  await pager.getByRole("link", { name: "Next page" }).click();
  await expect(page).toHaveURL(/sort=published-asc&cursor=/);
  await expect(rows.first().getByRole("link")).toHaveText(titles[50]!);
  await expect(rows.nth(4).getByRole("link")).toHaveText(titles[54]!);

  await pager.getByRole("link", { name: "Previous page" }).click();
  await expect(page).toHaveURL(/sort=published-asc&before=/);
  await expect(rows).toHaveCount(50);
  await expect(rows.first().getByRole("link")).toHaveText(titles[0]!);
  await expect(pager.getByRole("link", { name: "Previous page" })).toHaveCount(0);

  // the API pages the same way
  const api = await (await page.request.get("/api/v1/sources?sort=published-asc&limit=3")).json();
  expect(api.items.map((s: { title: string }) => s.title)).toEqual(titles.slice(0, 3));
  const next = await (await page.request.get(`/api/v1/sources?sort=published-asc&limit=3&cursor=${api.nextCursor}`)).json();
  expect(next.items.map((s: { title: string }) => s.title)).toEqual(titles.slice(3, 6));
  const found = await (await page.request.get(`/api/v1/sources?q=${encodeURIComponent(`archive ${id} no. 07`)}&limit=10`)).json();
  expect(found.items.map((s: { title: string }) => s.title)).toEqual([titles[6]]);
});

test("/claims filters by a source and a speaker picked from searchable comboboxes", async ({ page, baseURL }) => {
  await signInAs(page, "reviewer");
  const origin = baseURL!;
  const id = stamp();
  const source = await addSource(page.request, origin, `Ferry timetable ${id}`);
  const speaker = await addSpeaker(page.request, origin, `Harbour Master ${id}`);
  const mine = await addClaim(page.request, origin, source, "the bridge would reopen in May", { speakerId: speaker.id });
  await addClaim(page.request, origin, source, "Residents disputed the timetable", { speakerName: `Resident ${id}` });

  await page.goto("/claims");
  const form = page.getByRole("form", { name: "Filter claims" });
  // no list of every source and speaker in the page (the status and type selects keep their options)
  await expect(form.getByRole("option", { name: "North Korean foreign minister arrives in Russia" })).toHaveCount(0);
  await expect(form.getByRole("option", { name: "Choe Son Hui" })).toHaveCount(0);
  await expect(page.locator("select[name=sourceId], select[name=speakerId]")).toHaveCount(0);

  const sourceBox = form.getByRole("combobox", { name: "Source", exact: true });
  await expect(sourceBox).toHaveAttribute("aria-expanded", "false");
  await sourceBox.pressSequentially(`timetable ${id}`);
  const sourceOptions = form.getByRole("listbox", { name: "Sources" }).getByRole("option");
  await expect(sourceOptions).toHaveText([new RegExp(`^Ferry timetable ${escape(id)}`)]);
  await expect(sourceBox).toHaveAttribute("aria-expanded", "true");
  await sourceBox.press("Escape");
  await expect(sourceBox).toHaveAttribute("aria-expanded", "false");
  await sourceBox.press("ArrowDown");
  await expect(sourceBox).toHaveAttribute("aria-expanded", "true");
  await expect(sourceOptions.first()).toHaveAttribute("aria-selected", "true");
  await sourceBox.press("Enter");
  await expect(sourceBox).toHaveValue(source.title);
  await expect(sourceBox).toHaveAttribute("aria-expanded", "false");

  const speakerBox = form.getByRole("combobox", { name: "Speaker", exact: true });
  await speakerBox.pressSequentially(`harbour master ${id}`);
  await form.getByRole("listbox", { name: "Speakers" }).getByRole("option", { name: new RegExp(`^Harbour Master ${escape(id)}`) }).click();
  await expect(speakerBox).toHaveValue(speaker.name);

  await form.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(new RegExp(`sourceId=${source.id}&speakerId=${speaker.id}`));
  await expect(page.getByRole("link", { name: `“the bridge would reopen in May”` })).toHaveAttribute("href", `/claims/${mine.id}`);
  await expect(page.getByRole("table").getByRole("rowgroup").nth(1).getByRole("row")).toHaveCount(1);
  // the chosen names, read on the server from the ids
  await expect(form.getByRole("combobox", { name: "Source", exact: true })).toHaveValue(source.title);
  await expect(form.getByRole("combobox", { name: "Speaker", exact: true })).toHaveValue(speaker.name);
  await expect(page.getByText(`Showing claims from ${source.title} (Pager Gazette) by ${speaker.name}.`)).toBeVisible();

  // emptying a picker widens the filter again
  await form.getByRole("combobox", { name: "Speaker", exact: true }).fill("");
  await form.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(new RegExp(`sourceId=${source.id}(&|$)`));
  await expect(page).not.toHaveURL(/speakerId=\d/);
  await expect(page.getByRole("table").getByRole("rowgroup").nth(1).getByRole("row")).toHaveCount(2);
});
