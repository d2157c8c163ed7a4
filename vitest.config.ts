import path from "node:path";
import { defineConfig } from "vitest/config";

/** Shared with vitest.reliability.config.ts. */
export const resolve = {
  alias: {
    "@": path.resolve(__dirname),
    // server-only throws outside React Server Components; tests are server code too
    "server-only": path.resolve(__dirname, "tests/unit/support/empty.ts"),
  },
};

export default defineConfig({
  resolve,
  test: {
    include: ["tests/unit/**/*.test.ts"],
    setupFiles: ["tests/unit/support/setup.ts"],
    testTimeout: 20_000,
    pool: "forks",
  },
});
