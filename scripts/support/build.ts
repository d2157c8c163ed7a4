import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

/**
 * A production build when there is none, or when a source changed after the
 * last one. `npm start`, the reliability suite and the benchmarks share it, so
 * each of them serves what is in the tree and none rebuilds without need.
 */
const BUILD_INPUTS = [
  "app",
  "lib",
  "db",
  "seed",
  "proxy.ts",
  "instrumentation.ts",
  "next.config.mjs",
  "package.json",
  "package-lock.json",
  "tsconfig.json",
];

function newestMtime(target: string): number {
  if (!fs.existsSync(target)) return 0;
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

/** Whether .next holds a build newer than every input. */
export function buildIsCurrent(root = process.cwd()): boolean {
  const buildId = path.join(root, ".next", "BUILD_ID");
  const builtAt = fs.existsSync(buildId) ? fs.statSync(buildId).mtimeMs : 0;
  const changedAt = Math.max(...BUILD_INPUTS.map((p) => newestMtime(path.join(root, p))));
  return builtAt > changedAt;
}

/** Builds when needed; exits the process with the build's status when the build fails. */
export function buildIfNeeded(env: NodeJS.ProcessEnv, root = process.cwd()): void {
  if (buildIsCurrent(root)) return;
  const hadBuild = fs.existsSync(path.join(root, ".next", "BUILD_ID"));
  console.log(hadBuild ? "Sources changed since the last build: building…" : "No build yet: building…");
  const result = spawnSync(path.join(root, "node_modules", ".bin", "next"), ["build"], { stdio: "inherit", env, cwd: root });
  if (result.status !== 0) {
    console.error("The build failed; see above.");
    process.exit(result.status ?? 1);
  }
}
