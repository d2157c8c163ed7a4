/**
 * PostgreSQL's own tools for the desk's operations on a PostgreSQL database
 * (issue 12): `db:backup` wraps `pg_dump --format=custom`, `db:restore` wraps
 * `pg_restore`, `db:migrate` runs the migrations under the advisory lock.
 * The password never goes on a command line (where `ps` shows it): the tools
 * get it in PGPASSWORD, and the URL's other parts as options.
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";

const exec = promisify(execFile);

/** DATABASE_URL names PostgreSQL: postgres:// or postgresql://. */
export { isPostgresUrl } from "../engine";

export type PgTarget = { args: string[]; env: NodeJS.ProcessEnv; database: string; display: string };

/** Connection options for the command-line tools, and the password in their environment. */
export function pgTarget(url: string): PgTarget {
  const u = new URL(url);
  const database = decodeURIComponent(u.pathname.replace(/^\//, "")) || "postgres";
  const args = ["--host", u.hostname.replace(/^\[|\]$/g, "") || "127.0.0.1", "--port", u.port || "5432", "--dbname", database];
  if (u.username) args.push("--username", decodeURIComponent(u.username));
  const env: NodeJS.ProcessEnv = { ...process.env, PGCONNECT_TIMEOUT: "10" };
  if (u.password) env.PGPASSWORD = decodeURIComponent(u.password);
  const sslmode = u.searchParams.get("sslmode");
  if (sslmode) env.PGSSLMODE = sslmode;
  // shown in messages: never the password
  return { args, env, database, display: `postgres://${u.username ? `${decodeURIComponent(u.username)}@` : ""}${u.host}/${database}` };
}

/** A PostgreSQL client program: on PATH, else in Debian's /usr/lib/postgresql/<version>/bin (newest first). */
export function pgTool(name: "pg_dump" | "pg_restore" | "psql"): string | null {
  const fromEnv = process.env.PG_BIN ? path.join(process.env.PG_BIN, name) : null;
  if (fromEnv && fs.existsSync(fromEnv)) return fromEnv;
  const onPath = (process.env.PATH ?? "")
    .split(path.delimiter)
    .filter(Boolean)
    .map((dir) => path.join(dir, name))
    .find((file) => fs.existsSync(file));
  if (onPath) return onPath;
  const root = "/usr/lib/postgresql";
  const versions = fs.existsSync(root) ? fs.readdirSync(root).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a)) : [];
  for (const v of versions) {
    const file = path.join(root, v, "bin", name);
    if (fs.existsSync(file)) return file;
  }
  return null;
}

export const missingToolMessage = (name: string) =>
  `${name} was not found (on PATH or in /usr/lib/postgresql/<version>/bin). It comes with PostgreSQL's client tools: ` +
  `on Debian or Ubuntu, apt-get install -y postgresql-client (the same major version as the server, or newer), or set PG_BIN.`;

/** Runs a tool; its stderr becomes the error's message. */
export async function runTool(file: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  try {
    const { stdout } = await exec(file, args, { env, maxBuffer: 64 * 1024 * 1024 });
    return stdout;
  } catch (error) {
    const e = error as { stderr?: string; message: string };
    throw new Error((e.stderr ?? "").trim() || e.message);
  }
}
