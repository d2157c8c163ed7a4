import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeDesk, openForCheck, type Desk } from "./support/desk";
import { startServer, type Server } from "./support/server";

/**
 * What must be shared between app servers is in the database, so what one
 * server (or a script) ends, another refuses at once, whatever it keeps in
 * its own memory (issue 12, item 5): a session signed out on one server, a
 * token revoked by a script, and sign-in failures counted by the limiter
 * whichever server took them. Two servers on one database file here; the
 * same holds for servers sharing a PostgreSQL database.
 */
const PORTS = [3351, 3352];
const COOKIE = "authjs.session-token";
const REVIEWER = "reviewer@example.org";
const PASSWORD = "reliability-demo-password";

let desk: Desk;
const servers: Server[] = [];

beforeAll(async () => {
  desk = await makeDesk("shared-state");
  for (const port of PORTS) servers.push(await startServer(port, desk.file));
}, 120_000);

afterAll(async () => {
  for (const server of servers) await server.kill9();
  desk?.remove();
});

const jar = (response: Response) => response.headers.getSetCookie().map((c) => c.split(";")[0]!);

/** A sign-in through Auth.js's own endpoints; the session cookie, or null when refused. */
async function signIn(base: string, password: string): Promise<{ cookie: string | null; location: string }> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar(csrf).join("; ") },
    body: new URLSearchParams({ csrfToken, email: REVIEWER, password }).toString(),
  });
  const session = jar(response).find((c) => c.startsWith(`${COOKIE}=`) && c !== `${COOKIE}=`);
  return { cookie: session ?? null, location: response.headers.get("location") ?? "" };
}

async function signOut(base: string, cookie: string) {
  const csrf = await fetch(`${base}/api/auth/csrf`, { headers: { cookie } });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${base}/api/auth/signout`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: [cookie, ...jar(csrf)].join("; ") },
    body: new URLSearchParams({ csrfToken }).toString(),
  });
  expect(response.status, "sign-out answered").toBeLessThan(400);
}

const list = (base: string, headers: Record<string, string>) => fetch(`${base}/api/v1/claims?limit=1`, { headers }).then((r) => r.status);

describe("state two servers share", () => {
  it("a session signed out on one server is refused by the other at once, though the other had just accepted it", async () => {
    const [a, b] = servers as [Server, Server];
    const { cookie } = await signIn(a.url, PASSWORD);
    expect(cookie).not.toBeNull();
    expect(await list(b.url, { cookie: cookie! })).toBe(200);
    expect(await list(a.url, { cookie: cookie! })).toBe(200);
    await signOut(a.url, cookie!);
    expect(await list(b.url, { cookie: cookie! })).toBe(401);
    expect(await list(a.url, { cookie: cookie! })).toBe(401);
  });

  it("a token revoked outside both servers is refused by both at once", async () => {
    const [a, b] = servers as [Server, Server];
    const bearer = { authorization: `Bearer ${desk.token}` };
    expect(await list(a.url, bearer)).toBe(200);
    expect(await list(b.url, bearer)).toBe(200);
    const db = openForCheck(desk.file);
    try {
      db.prepare("update api_tokens set revoked_at = ? where name = 'reliability'").run(new Date().toISOString());
    } finally {
      db.close();
    }
    expect(await list(a.url, bearer)).toBe(401);
    expect(await list(b.url, bearer)).toBe(401);
  });

  it("sign-in failures count wherever they were made: ten wrong passwords split over both servers lock the account at this address on both", async () => {
    const [a, b] = servers as [Server, Server];
    for (let i = 0; i < 10; i++) {
      const tried = await signIn(i % 2 ? b.url : a.url, `wrong-${i}`);
      expect(tried.cookie).toBeNull();
    }
    for (const server of [a, b]) {
      const right = await signIn(server.url, PASSWORD);
      expect(right.cookie, `the right password on ${server.port}`).toBeNull();
      expect(right.location).toMatch(/code=locked/);
    }
  });
});
