import { spawn } from "node:child_process";

export type ScriptRun = { code: number | null; stdout: string; stderr: string; startedAt: number; endedAt: number };

/** `npm run -s <script> -- <args>` against the given database file, as an operator types it. */
export function runScript(script: string, args: string[], file: string): Promise<ScriptRun> {
  const startedAt = performance.now();
  const child = spawn("npm", ["run", "-s", script, "--", ...args], {
    env: { ...process.env, DATABASE_URL: `file:${file}` },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on("close", (code) => resolve({ code, stdout, stderr, startedAt, endedAt: performance.now() })));
}
