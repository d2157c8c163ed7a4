import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client } from "pg";
import { makeDesk, makePgDesk, openForCheck } from "./desk";
import { startServer, type Server } from "./server";

/**
 * The shared-state suite (shared-state.test.ts on SQLite, pg-shared-state.test.ts
 * on PostgreSQL: one engine per test file, as the engine is chosen once per
 * process). What must be shared between app servers is in the database, so what one
 * server (or a script) ends, another refuses at once, whatever it keeps in
 * its own memory (issue 12, item 5): a session signed out on one server, a
 * token revoked by a script, and sign-in failures counted by the limiter
 * whichever server took them. Two servers on one database file, and two on
 * one PostgreSQL database (a throwaway cluster).
 */
const COOKIE = "authjs.session-token";
const REVIEWER = "reviewer@example.org";
const PASSWORD = "reliability-demo-password";

/** One engine's desk: where the servers point, its token, and a way to revoke that token from outside the servers. */
export type SharedDesk = { database: string; token: string; revokeToken: () => Promise<void>; remove: () => void | Promise<void> };

export async function sqliteDesk(): Promise<SharedDesk> {
  const desk = await makeDesk("shared-state");
  return {
    database: desk.file,
    token: desk.token,
    remove: desk.remove,
    revokeToken: async () => {
      const db = openForCheck(desk.file);
      try {
        db.prepare("update api_tokens set revoked_at = ? where name = 'reliability'").run(new Date().toISOString());
      } finally {
        db.close();
      }
    },
  };
}

export async function postgresDesk(): Promise<SharedDesk> {
  const desk = await makePgDesk();
  return {
    database: desk.url,
    token: desk.token,
    remove: desk.remove,
    revokeToken: async () => {
      const client = new Client({ connectionString: desk.url });
      await client.connect();
      try {
        await client.query("update api_tokens set revoked_at = $1 where name = 'reliability'", [new Date().toISOString()]);
      } finally {
        await client.end();
      }
    },
  };
}

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

export function sharedState(title: string, ports: [number, number], make: () => Promise<SharedDesk>, skip = false) {
  describe.skipIf(skip)(title, () => {
    let desk: SharedDesk;
    const servers: Server[] = [];

    beforeAll(async () => {
      desk = await make();
      for (const port of ports) servers.push(await startServer(port, desk.database));
    }, 120_000);

    afterAll(async () => {
      for (const server of servers) await server.kill9();
      await desk?.remove();
    });

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
      await desk.revokeToken();
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
}
