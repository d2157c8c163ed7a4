import { buildIfNeeded } from "@/scripts/support/build";

/** The servers under test are production builds: reuse .next when it is current (npm test has just built it), else build. */
export default function setup() {
  // vitest sets NODE_ENV=test, which `next build` must not see
  buildIfNeeded({ ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" });
}
