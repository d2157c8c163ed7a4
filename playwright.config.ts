import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

/**
 * The suite runs against a production build (`npm start` builds when needed)
 * on its own temporary database: an SQLite file, or with E2E_DATABASE_URL an
 * empty PostgreSQL database (`npm run test:e2e:pg` starts a throwaway cluster
 * for it). Never DATABASE_URL: the suite must not write into a real desk.
 * Values go through process.env so that the worker processes, which load this
 * file again, see the same ones.
 */
const port = process.env.E2E_PORT ?? "3100";
process.env.E2E_DATABASE_FILE ??= path.join(os.tmpdir(), `claimdesk-e2e-${Date.now()}-${process.pid}.db`);
process.env.E2E_AUTH_SECRET ??= randomBytes(32).toString("base64url");
process.env.E2E_DEMO_PASSWORD ??= "e2e-demo-password";

// `npm run test:e2e` finds a browser first (scripts/support/find-browser.ts) and passes it as
// CHROMIUM_PATH; `playwright test` run by hand takes Debian's Chromium, else Playwright's own
const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const executablePath = fs.existsSync(chromiumPath) ? chromiumPath : undefined;

export default defineConfig({
  testDir: "tests",
  testMatch: ["e2e/**/*.spec.ts", "security/**/*.spec.ts"],
  globalTeardown: "./tests/e2e/support/global-teardown.ts",
  fullyParallel: true,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: [["list"]],
  timeout: 30_000,
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: "retain-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath,
          args: ["--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        },
      },
    },
  ],
  webServer: {
    command: "./node_modules/.bin/tsx --conditions=react-server scripts/start.ts",
    url: `http://127.0.0.1:${port}/login`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: {
      PORT: port,
      HOST: "127.0.0.1",
      DATABASE_URL: process.env.E2E_DATABASE_URL || `file:${process.env.E2E_DATABASE_FILE}`,
      DEMO_PASSWORD: process.env.E2E_DEMO_PASSWORD,
      AUTH_SECRET: process.env.E2E_AUTH_SECRET,
      NEXT_TELEMETRY_DISABLED: "1",
      // the suite stands in for a proxy: a test may send X-Forwarded-For to sign in from an address of its own
      TRUST_PROXY_HOPS: "1",
      // URL imports fetch from a page the test serves on loopback
      IMPORT_ALLOW_PRIVATE_HOSTS: "true",
    },
  },
});
