import type { NextConfig } from "next";

/** Types for next.config.mjs, which tests import. */
declare function config(phase: string): NextConfig;
export default config;
