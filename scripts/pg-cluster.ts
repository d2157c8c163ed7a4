/**
 * Throwaway PostgreSQL clusters from the shell (see scripts/support/pg-cluster.ts):
 *
 *   tsx scripts/pg-cluster.ts start [--port N]   prints DATABASE_URL=… and PG_CLUSTER_DIR=…, leaves the server running
 *   tsx scripts/pg-cluster.ts stop <dir>          stops that cluster and removes its folder
 *   tsx scripts/pg-cluster.ts run [--as NAME] -- <command…>
 *                                                 runs the command with DATABASE_URL (or NAME) set to a fresh
 *                                                 cluster's URL, removes the cluster whatever happens, exits
 *                                                 with the command's code
 *
 * `start` prints only the two KEY=value lines on stdout, so that
 * `set -a; eval "$(npx tsx scripts/pg-cluster.ts start)"; set +a` works.
 */
import { spawn } from "node:child_process";
import os from "node:os";
import { startCluster, stopCluster } from "./support/pg-cluster";

const USAGE = `Usage:
  tsx scripts/pg-cluster.ts start [--port N]
  tsx scripts/pg-cluster.ts stop <dir>
  tsx scripts/pg-cluster.ts run [--as NAME] -- <command> [args…]`;

function usage(): never {
  console.error(USAGE);
  process.exit(2);
}

async function start(args: string[]): Promise<number> {
  let port: number | undefined;
  if (args[0] === "--port" && args.length === 2) port = Number(args[1]);
  else if (args.length > 0) usage();
  if (port !== undefined && !(Number.isInteger(port) && port > 0 && port < 65536)) usage();
  const cluster = await startCluster({ port });
  console.log(`DATABASE_URL=${cluster.url}`);
  console.log(`PG_CLUSTER_DIR=${cluster.dir}`);
  console.error(`PostgreSQL runs on 127.0.0.1:${cluster.port}; stop it with: npx tsx scripts/pg-cluster.ts stop ${cluster.dir}`);
  return 0;
}

async function run(args: string[]): Promise<number> {
  let name = "DATABASE_URL";
  if (args[0] === "--as") {
    if (!args[1] || !/^[A-Z_][A-Z0-9_]*$/.test(args[1])) usage();
    name = args[1];
    args = args.slice(2);
  }
  const [command, ...rest] = args[0] === "--" ? args.slice(1) : args;
  if (!command) usage();
  const cluster = await startCluster();
  try {
    return await new Promise<number>((resolve) => {
      const child = spawn(command, rest, { stdio: "inherit", env: { ...process.env, [name]: cluster.url, PG_CLUSTER_DIR: cluster.dir } });
      // handled here, so that Ctrl-C ends the command but not us before the cleanup below
      for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => child.kill(signal));
      child.on("error", (error) => {
        console.error(`Cannot run ${command}: ${error.message}`);
        resolve(127);
      });
      child.on("exit", (code, signal) => resolve(code ?? 128 + (signal ? os.constants.signals[signal] : 0)));
    });
  } finally {
    await cluster.stop();
  }
}

async function main(): Promise<number> {
  const [verb, ...args] = process.argv.slice(2);
  if (verb === "start") return start(args);
  if (verb === "run") return run(args);
  if (verb === "stop" && args.length === 1 && args[0]) {
    await stopCluster(args[0]);
    return 0;
  }
  usage();
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
