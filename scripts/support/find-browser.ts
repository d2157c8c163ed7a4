import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

/**
 * Finds a Chromium for the Playwright suite, so that `npm test` works on a
 * machine that has only Node and npm. In this order:
 *
 * 1. `CHROMIUM_PATH`, when set (a path that does not exist is an error, not a
 *    reason to look elsewhere: someone chose it);
 * 2. a system Chromium or Chrome (Debian's /usr/bin/chromium, Chrome, …);
 * 3. Playwright's own browser, when it was downloaded before;
 * 4. `playwright install chromium` (works on a laptop with internet);
 * 5. on Debian or Ubuntu, as root or with password-less sudo,
 *    `apt-get install -y chromium`.
 *
 * When none works it stops before any test, with one message that says
 * exactly what to run. Every probe is injected, so the order and the message
 * are unit-tested without touching the machine.
 */
export type Probe = {
  env: Record<string, string | undefined>;
  exists: (file: string) => boolean;
  /** a command's full path on PATH, or null */
  which: (command: string) => string | null;
  /** where Playwright keeps (or would keep) its own Chromium */
  playwrightChromium: () => string | null;
  /** runs a command to completion, its output shown to the person waiting */
  run: (command: string, args: string[]) => boolean;
  isRoot: () => boolean;
  /** /etc/os-release, or "" */
  osRelease: () => string;
  log: (line: string) => void;
};

export type Found = { ok: true; path: string; how: string } | { ok: false; message: string };

export const SYSTEM_BROWSERS = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
  "/usr/bin/google-chrome-stable",
  "/snap/bin/chromium",
  "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
  "/Applications/Chromium.app/Contents/MacOS/Chromium",
];
const SYSTEM_COMMANDS = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];

export const NO_BROWSER_MESSAGE =
  "No browser for the Playwright suite, and none could be installed. Install one, then run `npm test` again:\n" +
  "  Debian or Ubuntu:      sudo apt-get update && sudo apt-get install -y chromium\n" +
  "  with internet access:  npx playwright install chromium\n" +
  "  or point CHROMIUM_PATH at a Chrome or Chromium you have: CHROMIUM_PATH=/path/to/chrome npm test";

function systemBrowser(probe: Probe): string | null {
  for (const candidate of SYSTEM_BROWSERS) if (probe.exists(candidate)) return candidate;
  for (const command of SYSTEM_COMMANDS) {
    const found = probe.which(command);
    if (found) return found;
  }
  return null;
}

function playwrightBrowser(probe: Probe): string | null {
  const own = probe.playwrightChromium();
  return own && probe.exists(own) ? own : null;
}

const debianLike = (osRelease: string) => /^(ID|ID_LIKE)=.*\b(debian|ubuntu)\b/m.test(osRelease);

export function findBrowser(probe: Probe): Found {
  const chosen = probe.env.CHROMIUM_PATH;
  if (chosen) {
    if (probe.exists(chosen)) return { ok: true, path: chosen, how: "CHROMIUM_PATH" };
    return { ok: false, message: `CHROMIUM_PATH is ${chosen}, which does not exist. Point it at a Chrome or Chromium binary, or unset it.` };
  }
  const system = systemBrowser(probe);
  if (system) return { ok: true, path: system, how: "the system's browser" };
  const own = playwrightBrowser(probe);
  if (own) return { ok: true, path: own, how: "Playwright's browser" };

  probe.log("No browser found: trying `playwright install chromium` (needs internet)…");
  if (probe.run(path.join("node_modules", ".bin", "playwright"), ["install", "chromium"])) {
    const downloaded = playwrightBrowser(probe);
    if (downloaded) return { ok: true, path: downloaded, how: "playwright install chromium" };
  }

  if (debianLike(probe.osRelease())) {
    const sudo = probe.isRoot() ? null : probe.run("sudo", ["-n", "true"]) ? "sudo" : undefined;
    if (sudo !== undefined) {
      probe.log("Trying Debian's chromium package (apt-get install -y chromium)…");
      const apt = (args: string[]) => (sudo ? probe.run(sudo, ["-n", "apt-get", ...args]) : probe.run("apt-get", args));
      if (apt(["update", "-qq"]) && apt(["install", "-y", "-qq", "chromium"])) {
        const installed = systemBrowser(probe);
        if (installed) return { ok: true, path: installed, how: "apt-get install chromium" };
      }
    } else {
      probe.log("Debian or Ubuntu, but neither root nor password-less sudo: cannot install chromium from here.");
    }
  }
  return { ok: false, message: NO_BROWSER_MESSAGE };
}

/** The probes of this machine. */
export function machineProbe(): Probe {
  return {
    env: process.env,
    exists: (file) => fs.existsSync(file),
    which: (command) => {
      for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
        const candidate = path.join(dir, command);
        if (dir && fs.existsSync(candidate)) return candidate;
      }
      return null;
    },
    playwrightChromium: () => {
      try {
        // playwright-core knows where its download lives, whether or not it is there
        const fromProject = createRequire(path.join(process.cwd(), "package.json"));
        return (fromProject("playwright-core") as typeof import("playwright-core")).chromium.executablePath();
      } catch {
        return null;
      }
    },
    run: (command, args) => {
      const result = spawnSync(command, args, {
        stdio: ["ignore", "inherit", "inherit"],
        env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
        timeout: 15 * 60_000,
      });
      return result.status === 0;
    },
    isRoot: () => typeof process.getuid === "function" && process.getuid() === 0,
    osRelease: () => {
      try {
        return fs.readFileSync("/etc/os-release", "utf8");
      } catch {
        return "";
      }
    },
    log: (line) => console.log(line),
  };
}
