import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/**
 * The two servers the bench talks to: the production build under scripts/serve.mjs
 * and the bare baseline (bench/support/bare-server.ts). Each is one process
 * whose PID the bench knows, so it can sample that process's memory and stop
 * exactly it (also on an error or Ctrl-C), never anything else.
 */
export type Served = { url: string; pid: number; stop: () => Promise<void> };

const running = new Set<ChildProcess>();

/** Stops every server this process started; safe to call twice. */
export async function stopAll(): Promise<void> {
  await Promise.all([...running].map((child) => stopChild(child)));
}

function stopChild(child: ChildProcess): Promise<void> {
  running.delete(child);
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill("SIGKILL"), 5_000);
    child.once("exit", () => {
      clearTimeout(force);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

function launch(command: string, args: string[], env: NodeJS.ProcessEnv, logFile: string): ChildProcess {
  const log = fs.openSync(logFile, "a");
  const child = spawn(command, args, { env, stdio: ["ignore", log, log] });
  fs.closeSync(log);
  running.add(child);
  return child;
}

/** Refuses a port something already answers on: the bench would measure that server instead. */
async function assertFree(url: string): Promise<void> {
  const answered = await fetch(url, { redirect: "manual", signal: AbortSignal.timeout(2_000) }).then(
    () => true,
    () => false,
  );
  if (answered) throw new Error(`Something already answers on ${url}: stop it or set BENCH_PORT to a free port.`);
}

async function waitFor(url: string, child: ChildProcess, logFile: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The server exited (${child.exitCode}); see ${logFile}`);
    try {
      await fetch(url, { redirect: "manual" });
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 150));
    }
  }
  throw new Error(`No answer from ${url} within ${timeoutMs / 1000} s; see ${logFile}`);
}

/** The production server (scripts/serve.mjs, what `npm start` runs) on the built app, with the floor routes switched on. */
export async function startNext(options: {
  port: number;
  /** file:… or postgres://… */
  databaseUrl: string;
  logFile: string;
  /** shared by servers that must accept one session cookie; random by default */
  authSecret?: string;
  /** e.g. ["--cpu-prof", "--cpu-prof-dir=…"] (Node refuses those in NODE_OPTIONS) */
  nodeArgs?: string[];
}): Promise<Served> {
  const root = process.cwd();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    AUTH_SECRET: options.authSecret ?? randomBytes(33).toString("base64url"),
    AUTH_TRUST_HOST: "true",
    DATABASE_URL: options.databaseUrl,
    CLAIMDESK_BENCH_FLOOR: "1",
    PORT: String(options.port),
  };
  const url = `http://127.0.0.1:${options.port}`;
  await assertFree(url);
  const args = [path.join(root, "scripts", "serve.mjs"), "-H", "127.0.0.1", "-p", String(options.port)];
  const child = launch(process.execPath, [...(options.nodeArgs ?? []), ...args], env, options.logFile);
  await waitFor(`${url}/login`, child, options.logFile);
  return { url, pid: child.pid!, stop: () => stopChild(child) };
}

/** The bare node:http + better-sqlite3 server, in its own Node process like the app. */
export async function startBare(options: { port: number; databaseFile: string; logFile: string }): Promise<Served> {
  const url = `http://127.0.0.1:${options.port}`;
  await assertFree(url);
  const child = launch(
    process.execPath,
    ["--import", "tsx", path.join(process.cwd(), "bench", "support", "bare-server.ts")],
    { ...process.env, NODE_ENV: "production", BARE_PORT: String(options.port), BARE_DB: options.databaseFile },
    options.logFile,
  );
  await waitFor(`${url}/health`, child, options.logFile);
  return { url, pid: child.pid!, stop: () => stopChild(child) };
}

/** Signs in through Auth.js's own endpoints, as a script would; returns the Cookie header. */
export async function signIn(url: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${url}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookie = csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const response = await fetch(`${url}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie },
    body: new URLSearchParams({ csrfToken, email, password }),
  });
  const session = response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0]!)
    .find((c) => c.startsWith("authjs.session-token="));
  if (!session) throw new Error(`Sign-in as ${email} failed (${response.status} → ${response.headers.get("location")})`);
  return session;
}

/** Resident set size and its high-water mark of a process, in bytes (Linux). */
export function processMemory(pid: number): { rss: number; hwm: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? 0) * 1024;
  return { rss: kb("VmRSS"), hwm: kb("VmHWM") };
}
