/**
 * `npm run test:e2e`: finds (or installs) a browser first, then runs the
 * Playwright suite with it; arguments go on to `playwright test`. Without a
 * browser it stops before any test, saying exactly what to run.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { findBrowser, machineProbe } from "./support/find-browser";

const found = findBrowser(machineProbe());
if (!found.ok) {
  console.error(`\n${found.message}\n`);
  process.exit(1);
}
console.log(`Playwright suite in ${found.path} (${found.how})`);
const child = spawn(path.join(process.cwd(), "node_modules", ".bin", "playwright"), ["test", ...process.argv.slice(2)], {
  stdio: "inherit",
  env: { ...process.env, CHROMIUM_PATH: found.path },
});
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
