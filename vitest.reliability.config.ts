import { defineConfig } from "vitest/config";
import { resolve } from "./vitest.config";

/**
 * `npm run test:reliability`: crashes, two servers on one file, rollbacks,
 * backup and restore, start-up refusal, against production servers; and on
 * PostgreSQL (pg-*.test.ts, each on a throwaway cluster, skipped where
 * PostgreSQL is not installed): two servers, crashes, a database restart. Kept
 * out of `test:unit` (vitest.config.ts only includes tests/unit): these start
 * real servers and take a minute or two.
 */
export default defineConfig({
  resolve,
  test: {
    include: ["tests/reliability/**/*.test.ts"],
    globalSetup: ["tests/reliability/support/global-setup.ts"],
    // one file at a time: each starts servers, and the machine may have two cores
    fileParallelism: false,
    pool: "forks",
    testTimeout: 180_000,
    hookTimeout: 60_000,
  },
});
