/**
 * Throwaway PostgreSQL clusters for tests and CI: initdb in a fresh folder,
 * a server on a free port of 127.0.0.1, a `claimdesk` database with the
 * `unaccent` and `pg_trgm` extensions, and a URL to reach it. Nothing here
 * touches the machine's own clusters (/etc/postgresql, port 5432): each
 * cluster lives in its own folder and is stopped by its own `pg_ctl -D`.
 *
 * PostgreSQL refuses to run as root, so when we are root (CI containers) the
 * server programs run as the `postgres` user through `runuser` and the folder
 * is handed to that user.
 */
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const exec = promisify(execFile);

export type ClusterOptions = {
  /** the TCP port on 127.0.0.1; by default a free one */
  port?: number;
  /** the data folder; must be missing or empty. By default a fresh folder under os.tmpdir() */
  dir?: string;
  /** the server's log file; by default postgres.log inside the data folder */
  log?: string;
};

export type Cluster = {
  /** postgres://postgres:<password>@127.0.0.1:<port>/claimdesk */
  url: string;
  port: number;
  /** the data folder, as `pg_ctl -D` takes it */
  dir: string;
  /** stops the server and removes the data folder; safe to call twice */
  stop(): Promise<void>;
  /** stopServer, then startServer */
  restart(): Promise<void>;
  /** stops the server, keeping the data (connections fail until startServer) */
  stopServer(): Promise<void>;
  /** starts the same cluster again and waits until it answers */
  startServer(): Promise<void>;
};

export const DATABASE = "claimdesk";
const SUPERUSER = "postgres";

export const NO_POSTGRES_MESSAGE =
  "PostgreSQL's server programs (initdb, pg_ctl, postgres, psql) were not found in /usr/lib/postgresql/<version>/bin or on PATH. Install them:\n" +
  "  Debian or Ubuntu:  sudo apt-get update && sudo apt-get install -y postgresql\n" +
  "  or set PG_BIN to the folder that holds them: PG_BIN=/path/to/postgresql/bin";

const TOOLS = ["initdb", "pg_ctl", "postgres", "psql"];
const missingTools = (dir: string) => TOOLS.filter((tool) => !fs.existsSync(path.join(dir, tool)));

export type PgBinFound = { ok: true; bin: string } | { ok: false; message: string };

/**
 * Where PostgreSQL's programs are, in this order: PG_BIN when set (a wrong
 * PG_BIN is an error, not a reason to look elsewhere: someone chose it);
 * Debian's /usr/lib/postgresql/15/bin, else the newest other version there;
 * else an `initdb` on PATH, followed through symlinks to its real folder
 * (Homebrew, source builds). /usr/local/bin/initdb on this kind of machine is
 * only a symlink into the Debian folder, which is why that folder comes first.
 */
export function locatePgBin(probe: { env?: Record<string, string | undefined>; root?: string } = {}): PgBinFound {
  const env = probe.env ?? process.env;
  const root = probe.root ?? "/usr/lib/postgresql";
  if (env.PG_BIN) {
    const missing = missingTools(env.PG_BIN);
    if (missing.length === 0) return { ok: true, bin: env.PG_BIN };
    return { ok: false, message: `PG_BIN is ${env.PG_BIN}, which has no ${missing.join(", ")}. Point it at the folder holding PostgreSQL's initdb and pg_ctl, or unset it.` };
  }
  const versions = fs.existsSync(root) ? fs.readdirSync(root).filter((name) => /^\d+$/.test(name)) : [];
  // 15 is the version CI installs and tests; any other is better than none
  versions.sort((a, b) => (a === "15" ? -1 : b === "15" ? 1 : Number(b) - Number(a)));
  for (const version of versions) {
    const bin = path.join(root, version, "bin");
    if (missingTools(bin).length === 0) return { ok: true, bin };
  }
  for (const dir of (env.PATH ?? "").split(path.delimiter)) {
    const initdb = dir && path.join(dir, "initdb");
    if (!initdb || !fs.existsSync(initdb)) continue;
    const bin = path.dirname(fs.realpathSync(initdb));
    if (missingTools(bin).length === 0) return { ok: true, bin };
  }
  return { ok: false, message: NO_POSTGRES_MESSAGE };
}

/** PostgreSQL's bin folder, or an Error whose message says what to install. */
export function findPgBin(probe?: Parameters<typeof locatePgBin>[0]): string {
  const found = locatePgBin(probe);
  if (!found.ok) throw new Error(found.message);
  return found.bin;
}

type Owner = { uid: number; gid: number };

/** The postgres user when we are root (the server must run as someone else), else null. */
function serverOwner(): Owner | null {
  if (typeof process.getuid !== "function" || process.getuid() !== 0) return null;
  let fields: string[] = [];
  try {
    fields = fs.readFileSync("/etc/passwd", "utf8").split("\n").find((line) => line.startsWith(`${SUPERUSER}:`))?.split(":") ?? [];
  } catch {
    // no /etc/passwd: reported below
  }
  if (fields.length < 4) {
    throw new Error("Running as root, and PostgreSQL refuses to run as root, but there is no `postgres` user to run it as. Debian's package creates one: apt-get install -y postgresql. Or run as an ordinary user.");
  }
  return { uid: Number(fields[2]), gid: Number(fields[3]) };
}

/** PG* variables of the caller (PGHOST, PGSSLMODE, …) must not redirect our tools to another server. */
function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of Object.keys(env)) if (/^PG[A-Z]/.test(name)) delete env[name];
  return Object.assign(env, extra);
}

/** Runs one of PostgreSQL's server programs, as the postgres user when we are root. */
async function serverTool(bin: string, owner: Owner | null, tool: string, args: string[]): Promise<string> {
  const file = path.join(bin, tool);
  const [command, argv] = owner ? ["runuser", ["-u", SUPERUSER, "--", file, ...args]] : [file, args];
  try {
    // cwd "/": the postgres user may not enter ours (say /root), and initdb warns when it cannot
    const { stdout } = await exec(command, argv, { cwd: "/", env: cleanEnv(), timeout: 120_000 });
    return stdout;
  } catch (error) {
    const { stderr, message } = error as { stderr?: string; message: string };
    throw new Error(`${tool} ${args.join(" ")} failed: ${stderr?.trim() || message}`, { cause: error });
  }
}

/**
 * Runs SQL through psql over TCP. The password goes in PGPASSWORD rather than
 * on the command line, where any local user could read it in `ps`.
 */
async function psql(bin: string, target: { port: number; password: string; database: string }, sql: string): Promise<string> {
  const { stdout } = await exec(
    path.join(bin, "psql"),
    ["--no-psqlrc", "--no-align", "--tuples-only", "--no-password", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-p", String(target.port), "-U", SUPERUSER, "-d", target.database, "-c", sql],
    { env: cleanEnv({ PGPASSWORD: target.password, PGCONNECT_TIMEOUT: "5" }), timeout: 30_000 },
  );
  return stdout.trim();
}

/** A port nobody listens on now: the kernel picks one for a throwaway server on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** A data folder of ours: missing or empty, so that removing it later destroys nothing else. */
function prepareDir(dir: string | undefined): string {
  if (!dir) return fs.mkdtempSync(path.join(os.tmpdir(), "claimdesk-pg-"));
  const resolved = path.resolve(dir);
  if (fs.existsSync(resolved) && fs.readdirSync(resolved).length > 0) throw new Error(`${resolved} is not empty; a throwaway cluster needs an empty or missing folder.`);
  // parents with the usual mode, so that the postgres user can pass through them; initdb makes the folder itself 0700
  fs.mkdirSync(resolved, { recursive: true });
  return resolved;
}

/** Hands the folder to the postgres user and checks it can reach it (every parent must let it through). */
async function handOver(dir: string, owner: Owner): Promise<void> {
  fs.chownSync(dir, owner.uid, owner.gid);
  try {
    await exec("runuser", ["-u", SUPERUSER, "--", "test", "-w", dir], { cwd: "/" });
  } catch {
    throw new Error(`The postgres user cannot write ${dir} (a parent folder is closed to it). Use a folder it can reach, such as one under /tmp (for the default folder, set TMPDIR).`);
  }
}

async function initdb(bin: string, owner: Owner | null, dir: string, password: string): Promise<void> {
  // initdb wants an empty data folder, so the password file waits in a folder of its own
  const pwDir = fs.mkdtempSync(path.join(os.tmpdir(), "claimdesk-pgpw-"));
  const pwFile = path.join(pwDir, "password");
  try {
    fs.writeFileSync(pwFile, `${password}\n`, { mode: 0o600 });
    if (owner) for (const file of [pwDir, pwFile]) fs.chownSync(file, owner.uid, owner.gid);
    await serverTool(bin, owner, "initdb", [
      "-D", dir,
      "-U", SUPERUSER,
      // a password, not trust: with trust any local user (or process) could be superuser on it
      "--auth=scram-sha-256",
      `--pwfile=${pwFile}`,
      // UTF-8 with a UTF-8 locale, so that lower() and pg_trgm fold accented letters; C.UTF-8 is in glibc
      "--encoding=UTF8",
      "--locale=C.UTF-8",
      // the cluster is thrown away, so a crash during initdb costs nothing; the server itself keeps fsync
      "--no-sync",
    ]);
  } finally {
    fs.rmSync(pwDir, { recursive: true, force: true });
  }
}

/** Whether the cluster in `dir` runs (`pg_ctl status` exits 3 when not, a stale postmaster.pid included). */
async function isRunning(bin: string, owner: Owner | null, dir: string): Promise<boolean> {
  if (!fs.existsSync(path.join(dir, "PG_VERSION"))) return false;
  try {
    await serverTool(bin, owner, "pg_ctl", ["-D", dir, "status"]);
    return true;
  } catch {
    return false;
  }
}

/** Stops the cluster by its own pg_ctl (fast: open connections are cut, nothing else is touched). */
async function stopServerIn(bin: string, owner: Owner | null, dir: string): Promise<void> {
  if (await isRunning(bin, owner, dir)) await serverTool(bin, owner, "pg_ctl", ["-D", dir, "stop", "-m", "fast", "-w", "-t", "60"]);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The last lines of the server's log, for error messages. */
function logTail(log: string): string {
  try {
    return fs.readFileSync(log, "utf8").trim().split("\n").slice(-15).join("\n");
  } catch {
    return "(no log)";
  }
}

/**
 * Starts a throwaway cluster and returns its URL. The caller must call stop()
 * (the server outlives this process on purpose, for `pg-cluster.ts start`).
 */
export async function startCluster(options: ClusterOptions = {}): Promise<Cluster> {
  const bin = findPgBin();
  const owner = serverOwner();
  const dir = prepareDir(options.dir);
  const log = path.resolve(options.log ?? path.join(dir, "postgres.log"));
  const password = randomBytes(16).toString("hex");
  let port = options.port ?? 0;

  const stopServer = () => stopServerIn(bin, owner, dir);

  const startServer = async () => {
    try {
      await serverTool(bin, owner, "pg_ctl", ["-D", dir, "-l", log, "start", "-w", "-t", "60"]);
    } catch (error) {
      throw new Error(`${(error as Error).message}\nServer log (${log}):\n${logTail(log)}`, { cause: error });
    }
    // pg_ctl -w waits for "ready" in postmaster.pid; a real query proves the port and the password
    for (let attempt = 0; ; attempt++) {
      try {
        await psql(bin, { port, password, database: "postgres" }, "select 1");
        return;
      } catch (error) {
        if (attempt >= 50) throw new Error(`The cluster in ${dir} started but does not answer on 127.0.0.1:${port}.\n${logTail(log)}`, { cause: error });
        await sleep(200);
      }
    }
  };

  const stop = async () => {
    if (!fs.existsSync(dir)) return;
    await stopServer();
    fs.rmSync(dir, { recursive: true, force: true });
  };

  try {
    if (owner) await handOver(dir, owner);
    await initdb(bin, owner, dir, password);
    // the port is picked right before the server binds it, to keep the window for a clash small
    if (!port) port = await freePort();
    fs.appendFileSync(
      path.join(dir, "postgresql.conf"),
      [
        "",
        "# a throwaway cluster of scripts/support/pg-cluster.ts",
        "listen_addresses = '127.0.0.1'  # loopback only",
        `port = ${port}`,
        "unix_socket_directories = ''  # TCP on loopback only: no socket file, no socket path-length limit",
        "",
      ].join("\n"),
    );
    if (owner && options.log) {
      // pg_ctl opens the log as the postgres user
      fs.appendFileSync(log, "");
      fs.chownSync(log, owner.uid, owner.gid);
    }
    await startServer();
    await psql(bin, { port, password, database: "postgres" }, `create database ${DATABASE}`);
    try {
      await psql(bin, { port, password, database: DATABASE }, "create extension if not exists unaccent; create extension if not exists pg_trgm");
    } catch (error) {
      const detail = (error as { stderr?: string }).stderr?.trim() ?? "";
      throw new Error(`Cannot enable unaccent and pg_trgm (they ship with Debian's postgresql package, as postgresql-contrib elsewhere): ${detail}`, { cause: error });
    }
  } catch (error) {
    await stop().catch(() => {}); // the first error is the one worth reporting
    throw error;
  }

  return {
    url: `postgres://${SUPERUSER}:${password}@127.0.0.1:${port}/${DATABASE}`,
    port,
    dir,
    stop,
    restart: async () => {
      await stopServer();
      await startServer();
    },
    stopServer,
    startServer,
  };
}

/**
 * Stops the cluster in `dir` (one started by `pg-cluster.ts start`) and
 * removes the folder. Refuses a folder that is not a PostgreSQL data folder,
 * so a wrong argument cannot delete anything else.
 */
export async function stopCluster(dir: string): Promise<void> {
  const resolved = path.resolve(dir);
  if (!fs.existsSync(path.join(resolved, "PG_VERSION"))) throw new Error(`${resolved} is not a PostgreSQL data folder (no PG_VERSION); leaving it alone.`);
  const bin = findPgBin();
  await stopServerIn(bin, serverOwner(), resolved);
  fs.rmSync(resolved, { recursive: true, force: true });
}
