import { PHASE_PRODUCTION_SERVER } from "next/constants.js";

/**
 * A production server refuses to start without a real AUTH_SECRET. `npm start`
 * makes and keeps a local one (data/auth-secret) and passes it in; anyone who
 * runs `next start` some other way must provide their own.
 */
function assertProductionSecret() {
  const secret = process.env.AUTH_SECRET ?? "";
  if (secret.length < 32) {
    throw new Error(
      "AUTH_SECRET is missing or shorter than 32 characters. Set it (e.g. `openssl rand -base64 33`) " +
        "or start with `npm start`, which creates and keeps a local one.",
    );
  }
}

const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Content-Security-Policy", value: "frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'" },
];

/** @type {(phase: string) => import('next').NextConfig} */
export default function config(phase) {
  if (phase === PHASE_PRODUCTION_SERVER && process.env.NODE_ENV === "production") assertProductionSecret();
  return {
    poweredByHeader: false,
    serverExternalPackages: ["better-sqlite3", "@node-rs/argon2"],
    async headers() {
      return [{ source: "/:path*", headers: securityHeaders }];
    },
  };
}
