import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeDesk, type Desk } from "./support/desk";
import { startServer, type Server } from "./support/server";

/**
 * Hardening that needs a real server process: the client's address as the
 * sign-in limiter counts it (TRUST_PROXY_HOPS), and a sign-in body that must
 * not make the server's memory grow.
 */
const PORT = 3341;
const COOKIE = "authjs.session-token";
const REVIEWER = "reviewer@example.org";
const PASSWORD = "reliability-demo-password";

let desk: Desk;
let server: Server | null = null;
const made: Desk[] = [];

beforeAll(async () => {
  desk = await makeDesk("hardening");
});

afterAll(async () => {
  await server?.kill9();
  desk?.remove();
  for (const d of made) d.remove();
});

/** One sign-in attempt through Auth.js's endpoint, claiming to come from `forwardedFor`. */
async function attempt(base: string, password: string, forwardedFor: string) {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie, "x-forwarded-for": forwardedFor },
    body: new URLSearchParams({ csrfToken, email: REVIEWER, password }).toString(),
  });
  const signedIn = response.headers.getSetCookie().some((c) => c.startsWith(`${COOKIE}=`) && !c.startsWith(`${COOKIE}=;`));
  return { location: response.headers.get("location") ?? "", signedIn };
}

const spoofed = (i: number) => `203.0.113.${i + 1}`;

function rssKb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
}

describe("the client's address, as the sign-in limiter sees it", () => {
  it("behind npm start's server, X-Forwarded-For from the client is ignored: ten spoofed addresses are one address", async () => {
    server = await startServer(PORT, desk.file);
    for (let i = 0; i < 10; i++) await attempt(server.url, `wrong-${i}`, spoofed(i));
    // an eleventh "address" is still the same socket: locked, the right password too
    const right = await attempt(server.url, PASSWORD, spoofed(50));
    expect(right.signedIn).toBe(false);
    expect(right.location).toMatch(/code=locked-1[45]/);
    await server.stop();
    server = null;
  });

  it("with TRUST_PROXY_HOPS=1 the proxy's entry is believed, and only it", async () => {
    const reset = await makeDesk("hardening-hops");
    made.push(reset);
    server = await startServer(PORT, reset.file, { TRUST_PROXY_HOPS: "1" });
    for (let i = 0; i < 10; i++) await attempt(server.url, `wrong-${i}`, "198.51.100.66");
    expect((await attempt(server.url, PASSWORD, "198.51.100.66")).location).toMatch(/code=locked/);
    // the owner, at another address the proxy reports, is not shut out
    expect((await attempt(server.url, PASSWORD, "198.51.100.77")).signedIn).toBe(true);
    // a client forging an entry before the proxy's does not change its address
    for (let i = 0; i < 10; i++) await attempt(server.url, `wrong-again-${i}`, `${spoofed(i)}, 198.51.100.88`);
    expect((await attempt(server.url, PASSWORD, `${spoofed(99)}, 198.51.100.88`)).location).toMatch(/code=locked/);
    await server.stop();
    server = null;
  });
});

describe("a sign-in body", () => {
  it("of 50 MB sent in chunks is cut off at 64 KB with 413, and the server's memory does not grow with it", async () => {
    // a desk of its own: the first test left the reviewer locked out at this machine's address
    const fresh = await makeDesk("hardening-body");
    made.push(fresh);
    server = await startServer(PORT, fresh.file);
    const before = rssKb(server.process.pid!);
    let sent = 0;
    const chunk = new TextEncoder().encode("p".repeat(64 * 1024));
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 50 * 1024 * 1024) return controller.close();
        sent += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    const response = await fetch(`${server.url}/api/auth/callback/credentials`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body,
      duplex: "half",
    } as RequestInit & { duplex: "half" }).catch((error: unknown) => error);
    const after = rssKb(server.process.pid!);
    if (response instanceof Response) expect(response.status).toBe(413);
    expect(sent, "the client stopped being read long before 50 MB").toBeLessThan(50 * 1024 * 1024);
    expect(after - before, "RSS growth in KB").toBeLessThan(20 * 1024);
    // the server still signs people in
    expect((await attempt(server.url, PASSWORD, "192.0.2.1")).signedIn).toBe(true);
    console.log(`[auth body] ${(sent / 1024 / 1024).toFixed(1)} MB sent before the cut-off; RSS ${before} -> ${after} KB`);
    await server.stop();
    server = null;
  });
});
