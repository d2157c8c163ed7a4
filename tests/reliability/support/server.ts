/**
 * A production server as one process (scripts/serve.mjs, what `npm start`
 * runs, without npm start's migrate-and-seed wrapper), so that a
 * SIGKILL really kills the server and nothing else gets a chance to tidy up.
 * Its output is kept for the assertions (start-up log, errors).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";

const SERVE = path.join(process.cwd(), "scripts", "serve.mjs");
/** one secret for every server of the run: two servers on one desk accept each other's cookies */
const AUTH_SECRET = randomBytes(32).toString("base64url");

export type Server = {
  url: string;
  port: number;
  process: ChildProcess;
  /** milliseconds from spawn to the first answer */
  startMs: number;
  output: () => string;
  kill9: () => Promise<void>;
  stop: () => Promise<void>;
};

export type Exit = { code: number | null; signal: NodeJS.Signals | null; output: string };

/** DATABASE_URL for a database given as a URL (postgres://…, file:…) or as an SQLite file's path. */
export const databaseUrl = (database: string) => (/^[a-z][a-z0-9+.-]*:/i.test(database) ? database : `file:${database}`);

/** `database`: a DATABASE_URL (a PostgreSQL desk's url) or an SQLite file's path. */
export function spawnServer(port: number, database: string, extraEnv: Record<string, string> = {}) {
  const child = spawn(process.execPath, [SERVE, "-H", "127.0.0.1", "-p", String(port)], {
    env: {
      ...process.env,
      ...extraEnv,
      NODE_ENV: "production",
      AUTH_SECRET,
      AUTH_TRUST_HOST: "true",
      DATABASE_URL: databaseUrl(database),
      NEXT_TELEMETRY_DISABLED: "1",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<Exit>((resolve) => child.on("exit", (code, signal) => resolve({ code, signal, output })));
  return { child, exited, output: () => output };
}

export async function startServer(port: number, database: string, extraEnv: Record<string, string> = {}): Promise<Server> {
  const started = performance.now();
  const { child, exited, output } = spawnServer(port, database, extraEnv);
  let gone: Exit | null = null;
  void exited.then((exit) => (gone = exit));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (gone) throw new Error(`the server on ${port} exited before it answered:\n${output()}`);
    try {
      await fetch(`${url}/login`, { redirect: "manual" });
      break;
    } catch {
      if (Date.now() > deadline) {
        child.kill("SIGKILL");
        throw new Error(`the server on ${port} did not answer within a minute:\n${output()}`);
      }
      await sleep(25);
    }
  }
  const startMs = performance.now() - started;
  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  return { url, port, process: child, startMs, output, kill9: () => end("SIGKILL"), stop: () => end("SIGTERM") };
}

/**
 * The lines of a server's output that report a problem (an error, a 500, an
 * unhandled rejection), leaving out those `expected` allows (say, the 503s
 * logged while the database was down on purpose).
 */
export function problemLines(output: string, expected: RegExp[] = []): string[] {
  return output
    .split("\n")
    .filter((line) => /error|exception|unhandled|warn|\[api\]|\[db\].*lost/i.test(line))
    .filter((line) => !expected.some((allowed) => allowed.test(line)));
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
