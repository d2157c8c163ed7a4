import { afterEach, describe, expect, it, vi } from "vitest";
import { PHASE_PRODUCTION_BUILD, PHASE_PRODUCTION_SERVER } from "next/constants";
import nextConfig from "@/next.config.mjs";

afterEach(() => vi.unstubAllEnvs());

describe("next.config under a production server", () => {
  it("refuses to start without AUTH_SECRET", () => {
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("AUTH_SECRET", "");
    expect(() => nextConfig(PHASE_PRODUCTION_SERVER)).toThrow(/AUTH_SECRET is missing/);
  });

  it("refuses a secret shorter than 32 characters", () => {
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("AUTH_SECRET", "changeme");
    expect(() => nextConfig(PHASE_PRODUCTION_SERVER)).toThrow(/shorter than 32/);
  });

  it("starts with a real secret, and builds need none", () => {
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("AUTH_SECRET", "x".repeat(43));
    expect(nextConfig(PHASE_PRODUCTION_SERVER).poweredByHeader).toBe(false);
    vi.stubEnv("AUTH_SECRET", "");
    expect(() => nextConfig(PHASE_PRODUCTION_BUILD)).not.toThrow();
  });
});
