import type { APIRequestContext, Page, Request } from "@playwright/test";
import { expect, test } from "../e2e/support/csp-guard";
import { openSource, selectForCapture, selectedClaimId } from "../e2e/support/reader";
import { JOONGANG, freshClaim, readClaim, signedIn } from "../e2e/support/claims";
import { ACCOUNTS, signInByApi } from "../e2e/support/session";

/**
 * Server actions are public POST endpoints: whoever holds the action id can
 * call one with any body. These tests capture a real call made by the
 * reviewer's browser and replay it byte for byte without a session, with a
 * viewer's session and from another origin, then read the desk back as the
 * admin to prove nothing changed. A replay with the reviewer's own session
 * from this site must work, or the refusals would prove nothing.
 */

const COOKIE = "authjs.session-token";
const SOURCE = JOONGANG;
const EVIL = "https://evil.example";

type Claim = { id: number; version: number; status: string; createdById: number; verdicts: Array<{ reviewer: { id: number } }> };
type Captured = { url: string; headers: Record<string, string>; body: Buffer };

/** The next server-action call the page makes while `act` runs: its URL, the headers Next needs, the exact body. */
async function captureAction(page: Page, act: () => Promise<void>, bodyIncludes = ""): Promise<Captured> {
  const isCall = (r: Request) => r.method() === "POST" && "next-action" in r.headers() && (r.postData() ?? "").includes(bodyIncludes);
  const [request] = await Promise.all([page.waitForRequest(isCall), act()]);
  const all = request.headers();
  const headers: Record<string, string> = {};
  // the browser's own request headers that make this an action call; the cookie and Origin are the replay's to choose
  for (const name of ["next-action", "next-router-state-tree", "content-type", "accept"]) {
    if (all[name] !== undefined) headers[name] = all[name];
  }
  expect(headers["next-action"]).toMatch(/^[0-9a-f]{40,}$/);
  return { url: request.url(), headers, body: request.postDataBuffer()! };
}

/** The parts of a captured multipart body, by name. */
function formParts(call: Captured): Record<string, string> {
  const boundary = /boundary=(.+)$/.exec(call.headers["content-type"] ?? "")![1]!;
  const parts: Record<string, string> = {};
  for (const chunk of call.body.toString("utf8").split(`--${boundary}`)) {
    const match = /^\r\nContent-Disposition: form-data; name="([^"]*)"\r\n\r\n([\s\S]*)\r\n$/.exec(chunk);
    if (match) parts[match[1]!] = match[2]!;
  }
  return parts;
}

/** Posts the captured call again; `origin: null` leaves the Origin header out. */
function replay(context: APIRequestContext, call: Captured, options: { origin: string | null; body?: Buffer | string }) {
  return context.post(call.url, {
    headers: { ...call.headers, ...(options.origin === null ? {} : { origin: options.origin }) },
    data: options.body ?? call.body,
    maxRedirects: 0,
  });
}

/**
 * The action's return value in a React Flight response: row 0 names the row
 * that holds it ("a": "$@<id>"). Null when the response carries no result.
 */
function actionResult(text: string): { ok: boolean; code?: string; message?: string; value?: unknown; fields?: Record<string, string> } | null {
  const rows = new Map<string, string>();
  for (const line of text.split("\n")) {
    const at = line.indexOf(":");
    if (at > 0) rows.set(line.slice(0, at), line.slice(at + 1));
  }
  const head = rows.get("0");
  if (!head) return null;
  const ref = (JSON.parse(head) as { a?: string }).a;
  if (typeof ref !== "string" || !ref.startsWith("$@")) return null;
  const row = rows.get(ref.slice(2));
  if (!row || !row.startsWith("{")) return null;
  return JSON.parse(row);
}

async function freshSpeaker(request: APIRequestContext, origin: string, name: string) {
  const response = await request.post("/api/v1/speakers", { headers: { origin }, data: { name, kind: "person" } });
  expect(response.status()).toBe(201);
  return (await response.json()) as { id: number; name: string };
}

async function aliasesOf(admin: APIRequestContext, speakerId: number): Promise<string[]> {
  const { items } = (await (await admin.get("/api/v1/speakers")).json()) as { items: Array<{ id: number; aliases: string[] }> };
  return items.find((s) => s.id === speakerId)!.aliases;
}

test("a verdict action replayed without a session, by a viewer or from another site records nothing", async ({ page, playwright, baseURL }) => {
  await signInByApi(page.request, ACCOUNTS.reviewer);
  const admin = await signedIn(playwright.request, baseURL!, ACCOUNTS.admin);
  const claim = await freshClaim(page.request, { origin: baseURL! });

  await page.goto(`/claims/${claim.id}`);
  const form = page.getByRole("form", { name: "Record a verdict" });
  await form.getByRole("radio", { name: "Corroborated" }).check();
  await form.getByLabel("Rationale").fill("Replay harness: the first, genuine verdict.");
  const call = await captureAction(page, () => form.getByRole("button", { name: "Save verdict" }).click());
  await expect(form.getByRole("status")).toHaveText("Verdict saved: Corroborated.");
  const before = await readClaim<Claim>(admin, claim.id);
  expect(before.verdicts).toHaveLength(1);
  expect(before.version).toBe(2);

  // (a) no cookie at all: the proxy sends the POST to the sign-in page before any action code runs
  const anonymous = await signedIn(playwright.request, baseURL!);
  const noCookie = await replay(anonymous, call, { origin: baseURL! });
  expect(noCookie.status()).toBe(307);
  expect(new URL(noCookie.headers()["location"]!, baseURL).pathname).toBe("/login");
  // a cookie that gets past the proxy but names no session: the action's own check answers
  const forged = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { cookie: `${COOKIE}=not-a-session` } });
  const forgedResponse = await replay(forged, call, { origin: baseURL! });
  expect(forgedResponse.status()).toBe(200);
  expect(actionResult(await forgedResponse.text())).toMatchObject({ ok: false, code: "unauthenticated" });

  // (b) a viewer's session: lib/verdicts refuses inside the transaction
  const viewer = await signedIn(playwright.request, baseURL!, ACCOUNTS.viewer);
  const byViewer = await replay(viewer, call, { origin: baseURL! });
  expect(byViewer.status()).toBe(200);
  expect(actionResult(await byViewer.text())).toMatchObject({
    ok: false,
    code: "forbidden",
    message: "This needs the reviewer role; your account is a viewer.",
  });

  // (c) the reviewer's own cookie from another origin: Next.js aborts before the action runs
  for (const origin of [EVIL, "null"]) {
    const crossSite = await replay(page.request, call, { origin });
    expect(crossSite.status(), origin).toBe(500);
    expect(actionResult(await crossSite.text())).toBeNull();
  }

  // (d) no Origin at all: Next.js lets such a call through with a warning (only a hand-made request lacks one,
  // and it carries no browser's ambient cookie), so the session and role checks are what refuse it
  const noOrigin = actionResult(await (await replay(viewer, call, { origin: null })).text());
  expect(noOrigin).toMatchObject({ ok: false, code: "forbidden" });

  expect(await readClaim<Claim>(admin, claim.id)).toEqual(before);

  // control: the same bytes with the reviewer's cookie from this site reach lib/ — as a stale-version conflict
  const stale = await replay(page.request, call, { origin: baseURL! });
  expect(stale.status()).toBe(200);
  expect(actionResult(await stale.text())).toMatchObject({ ok: false, code: "conflict" });
  // and on the current version the replay records a verdict, so the refusals above were refusals
  const args = JSON.parse(call.body.toString("utf8")) as Array<Record<string, unknown>>;
  const current = JSON.stringify([{ ...args[0], baseVersion: before.version, rationale: "Replay harness: the replayed verdict." }]);
  const replayed = await replay(page.request, call, { origin: baseURL!, body: current });
  expect(actionResult(await replayed.text())).toMatchObject({ ok: true, value: { status: "corroborated", version: 3 } });
  const after = await readClaim<Claim>(admin, claim.id);
  expect(after.verdicts).toHaveLength(2);
  expect(after.version).toBe(3);

  // unknown fields never ride along: the verdict's schema is strict, so nothing is recorded
  const adminId = (await readClaim<Claim>(admin, (await freshClaim(admin, { origin: baseURL! })).id)).createdById;
  expect(adminId).toEqual(expect.any(Number));
  expect(adminId).not.toBe(after.createdById);
  for (const [key, value] of [["role", "admin"], ["version", 99], ["createdBy", adminId], ["reviewerId", adminId]] as const) {
    const body = JSON.stringify([{ ...args[0], baseVersion: after.version, [key]: value }]);
    const result = actionResult(await (await replay(page.request, call, { origin: baseURL!, body })).text());
    expect(result, key).toMatchObject({ ok: false, code: "invalid" });
    expect(result!.fields?._, key).toContain(`"${key}"`);
  }
  const untouched = await readClaim<Claim>(admin, claim.id);
  expect(untouched).toEqual(after);
  // both verdicts are the reviewer's (who also created the claim), none the admin's
  expect(untouched.verdicts.map((v) => v.reviewer.id)).toEqual([after.createdById, after.createdById]);

  await Promise.all([anonymous.dispose(), forged.dispose(), viewer.dispose(), admin.dispose()]);
});

test("a form action (add alias) replayed without a session, by a viewer or from another site adds nothing; extra fields are ignored", async ({
  page,
  playwright,
  baseURL,
}) => {
  const stamp = `${Date.now()}${Math.floor(Math.random() * 1000)}`;
  await signInByApi(page.request, ACCOUNTS.reviewer);
  const admin = await signedIn(playwright.request, baseURL!, ACCOUNTS.admin);
  const speaker = await freshSpeaker(page.request, baseURL!, `Replay Speaker ${stamp}`);

  await page.goto(`/speakers/${speaker.id}`);
  const form = page.getByRole("form", { name: "Add an alias" });
  await form.getByLabel("New alias").fill(`First Alias ${stamp}`);
  const call = await captureAction(page, () => form.getByRole("button", { name: "Add alias" }).click());
  await expect(form.getByRole("status")).toHaveText(`Added “First Alias ${stamp}”.`);
  const body = (alias: string) => Buffer.from(call.body.toString("utf8").replace(`First Alias ${stamp}`, alias));
  expect(await aliasesOf(admin, speaker.id)).toEqual([`First Alias ${stamp}`]);

  const anonymous = await signedIn(playwright.request, baseURL!);
  const noCookie = await replay(anonymous, call, { origin: baseURL!, body: body(`Anonymous ${stamp}`) });
  expect(noCookie.status()).toBe(307);
  expect(new URL(noCookie.headers()["location"]!, baseURL).pathname).toBe("/login");

  const viewer = await signedIn(playwright.request, baseURL!, ACCOUNTS.viewer);
  const byViewer = await replay(viewer, call, { origin: baseURL!, body: body(`Viewer ${stamp}`) });
  expect(byViewer.status()).toBe(200);
  expect(actionResult(await byViewer.text())).toMatchObject({ ok: false, message: "This needs the reviewer role; your account is a viewer." });

  const crossSite = await replay(page.request, call, { origin: EVIL, body: body(`Cross-site ${stamp}`) });
  expect(crossSite.status()).toBe(500);
  expect(actionResult(await crossSite.text())).toBeNull();
  expect(await aliasesOf(admin, speaker.id)).toEqual([`First Alias ${stamp}`]);

  // the same form posted as a plain HTML form, as a cross-site page's <form> would post it: the form's own
  // fields (React's hidden $ACTION_* inputs among them) without the fetch call's prefix and argument list
  const fields = formParts(call);
  const asHtmlForm = (alias: string, origin: string) =>
    page.request.post(call.url, {
      headers: { accept: "text/html", origin },
      multipart: Object.fromEntries(
        Object.entries(fields)
          .filter(([name]) => /^_\d+_/.test(name))
          .map(([name, value]) => [name.replace(/^_\d+_/, ""), name.endsWith("_alias") ? alias : value]),
      ),
      maxRedirects: 0,
    });
  expect((await asHtmlForm(`Form post ${stamp}`, EVIL)).status()).toBe(500);
  expect(await aliasesOf(admin, speaker.id)).toEqual([`First Alias ${stamp}`]);
  // control: from this site the no-script form post works
  expect((await asHtmlForm(`Form post ${stamp}`, baseURL!)).status()).toBe(200);
  expect(await aliasesOf(admin, speaker.id)).toEqual([`First Alias ${stamp}`, `Form post ${stamp}`].sort());

  // control: the reviewer's own replay from this site adds the alias it names
  const replayed = await replay(page.request, call, { origin: baseURL!, body: body(`Replayed ${stamp}`) });
  expect(actionResult(await replayed.text())).toMatchObject({ ok: true, message: `Added “Replayed ${stamp}”.` });
  expect(await aliasesOf(admin, speaker.id)).toEqual([`First Alias ${stamp}`, `Form post ${stamp}`, `Replayed ${stamp}`].sort());

  // unknown fields appended to the form data: the adapter reads only speakerId and alias
  const text = body(`Extra ${stamp}`).toString("utf8");
  const boundary = /boundary=(.+)$/.exec(call.headers["content-type"]!)![1]!;
  const prefix = /name="([^"]*)speakerId"/.exec(text)![1]!;
  const extras: Record<string, string> = { role: "admin", createdBy: "1", version: "99", speakerId: "1" };
  const parts = Object.entries(extras)
    .map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${prefix}${name}"\r\n\r\n${value}\r\n`)
    .join("");
  const withExtras = text.replace(`--${boundary}--`, `${parts}--${boundary}--`);
  const extra = await replay(page.request, call, { origin: baseURL!, body: withExtras });
  expect(actionResult(await extra.text())).toMatchObject({ ok: true, message: `Added “Extra ${stamp}”.` });
  // the alias went to the speaker the form named first, and the reviewer is still a reviewer
  expect(await aliasesOf(admin, speaker.id)).toContain(`Extra ${stamp}`);
  expect(await aliasesOf(admin, 1)).not.toContain(`Extra ${stamp}`);
  await page.goto("/admin/users");
  await expect(page.getByRole("alert", { name: "Not allowed" })).toBeVisible();

  await Promise.all([anonymous.dispose(), viewer.dispose(), admin.dispose()]);
});

test("a claim captured in the reader: a replay with role, version or createdBy is rejected; a plain one is owned by the replaying reviewer", async ({
  page,
  playwright,
  baseURL,
}) => {
  const stamp = `${Date.now()}${Math.floor(Math.random() * 1000)}`;
  await signInByApi(page.request, ACCOUNTS.reviewer);
  const admin = await signedIn(playwright.request, baseURL!, ACCOUNTS.admin);
  const speaker = await freshSpeaker(page.request, baseURL!, `Capture Speaker ${stamp}`);
  const claimsOf = async () => ((await (await admin.get(`/api/v1/claims?speakerId=${speaker.id}&limit=200`)).json()).items as Array<{ id: number }>).length;

  await openSource(page, SOURCE);
  await (await selectForCapture(page, "Choe was seen off at Pyongyang International Airport")).click();
  const form = page.getByRole("form", { name: "New claim" });
  await form.getByRole("combobox", { name: "Speaker", exact: true }).pressSequentially(speaker.name);
  await form.getByRole("option", { name: new RegExp(`^${speaker.name}( ·|$)`) }).click();
  const call = await captureAction(page, () => form.getByRole("button", { name: "Save claim" }).click(), '"quote"');
  await expect(form).toHaveCount(0);
  const captured = await selectedClaimId(page);
  const original = await readClaim<Claim>(admin, captured);
  expect(await claimsOf()).toBe(1);

  const viewer = await signedIn(playwright.request, baseURL!, ACCOUNTS.viewer);
  const byViewer = await replay(viewer, call, { origin: baseURL! });
  expect(actionResult(await byViewer.text())).toMatchObject({ ok: false, code: "forbidden" });
  const crossSite = await replay(page.request, call, { origin: EVIL });
  expect(crossSite.status()).toBe(500);
  expect(await claimsOf()).toBe(1);

  const args = JSON.parse(call.body.toString("utf8")) as Array<Record<string, unknown>>;
  expect(args[0]).toMatchObject({ quote: "Choe was seen off at Pyongyang International Airport", speakerId: speaker.id });
  for (const [key, value] of [["role", "admin"], ["version", 7], ["createdBy", 1], ["status", "corroborated"], ["id", captured]] as const) {
    const response = await replay(page.request, call, { origin: baseURL!, body: JSON.stringify([{ ...args[0], [key]: value }]) });
    const result = actionResult(await response.text());
    // the schemas are strict: an unknown key refuses the whole write and names the key
    expect(result, key).toMatchObject({ ok: false, code: "invalid" });
    expect(result!.fields?._, key).toContain(`"${key}"`);
  }
  expect(await claimsOf()).toBe(1);
  expect(await readClaim<Claim>(admin, captured)).toEqual(original);

  // control: the same bytes from this site with the reviewer's cookie make a second claim, the reviewer's, at version 1
  const replayed = actionResult(await (await replay(page.request, call, { origin: baseURL! })).text());
  expect(replayed).toMatchObject({ ok: true });
  const second = await readClaim<Claim>(admin, (replayed!.value as { id: number }).id);
  expect(second).toMatchObject({ version: 1, status: "pending", createdById: original.createdById });
  expect(await claimsOf()).toBe(2);

  await Promise.all([viewer.dispose(), admin.dispose()]);
});

test("cookie writes to every /api/v1 route from another site, a cross-site fetch or without an Origin are refused and change nothing", async ({
  page,
  playwright,
  baseURL,
}) => {
  const stamp = `${Date.now()}${Math.floor(Math.random() * 1000)}`;
  await signInByApi(page.request, ACCOUNTS.reviewer);
  const admin = await signedIn(playwright.request, baseURL!, ACCOUNTS.admin);
  const claim = await freshClaim(page.request, { origin: baseURL! });
  const speaker = await freshSpeaker(page.request, baseURL!, `Origin Speaker ${stamp}`);
  const snapshot = async () => ({
    claim: await readClaim<Claim>(admin, claim.id),
    aliases: await aliasesOf(admin, speaker.id),
    speakers: ((await (await admin.get(`/api/v1/speakers?q=${encodeURIComponent(`Forged ${stamp}`)}`)).json()).items as unknown[]).length,
    claims: ((await (await admin.get(`/api/v1/claims?speakerId=${speaker.id}`)).json()).items as unknown[]).length,
  });
  const before = await snapshot();

  const { sourceId, start, end, quote } = before.claim as unknown as { sourceId: number; start: number; end: number; quote: string };
  const writes: Array<[string, string, unknown]> = [
    ["POST", "/api/v1/claims", { sourceId, start, end, quote, speakerId: speaker.id }],
    ["PATCH", `/api/v1/claims/${claim.id}`, { baseVersion: claim.version, proposition: `Forged ${stamp}` }],
    ["DELETE", `/api/v1/claims/${claim.id}`, undefined],
    ["POST", `/api/v1/claims/${claim.id}/verdicts`, { status: "contradicted", rationale: `Forged ${stamp}`, baseVersion: claim.version }],
    ["POST", `/api/v1/claims/${claim.id}/evidence`, { target: { kind: "url", url: "https://evil.example/" }, stance: "refutes" }],
    ["POST", "/api/v1/speakers", { name: `Forged ${stamp}`, kind: "person" }],
    ["POST", `/api/v1/speakers/${speaker.id}/aliases`, { alias: `Forged ${stamp}` }],
  ];
  const tricks: Array<[string, Record<string, string>]> = [
    ["another origin", { origin: EVIL }],
    ["an opaque origin", { origin: "null" }],
    ["a cross-site fetch naming this origin", { origin: baseURL!, "sec-fetch-site": "cross-site" }],
    ["a same-site fetch from a sibling", { origin: baseURL!, "sec-fetch-site": "same-site" }],
    ["no Origin", {}],
  ];
  for (const [method, path, data] of writes) {
    for (const [trick, headers] of tricks) {
      const response = await page.request.fetch(path, { method, data, headers, maxRedirects: 0 });
      expect(response.status(), `${method} ${path} with ${trick}`).toBe(403);
      expect((await response.json()).error.code, `${method} ${path} with ${trick}`).toBe("bad_origin");
    }
  }
  expect(await snapshot()).toEqual(before);

  // control: the same cookie from this site writes
  const genuine = await page.request.post(`/api/v1/speakers/${speaker.id}/aliases`, { headers: { origin: baseURL! }, data: { alias: `Genuine ${stamp}` } });
  expect(genuine.status()).toBe(201);
  expect(await aliasesOf(admin, speaker.id)).toEqual([`Genuine ${stamp}`]);
  await admin.dispose();
});
