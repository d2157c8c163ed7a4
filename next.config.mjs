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
];

/**
 * Pages get their Content-Security-Policy, with a fresh nonce, from proxy.ts.
 * What the proxy leaves out (the JSON API, Auth.js's endpoints, static files)
 * gets this static one: nothing in those responses may run or load anything.
 * The two sets of paths do not overlap, so no response carries two policies
 * (a browser would enforce both).
 */
const staticPolicy = [{ key: "Content-Security-Policy", value: "default-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'" }];
const outsideProxy = ["/api/:path+", "/_next/static/:path+", "/_next/image", "/favicon.ico", "/robots.txt"];

/** @type {(phase: string) => import('next').NextConfig} */
export default function config(phase) {
  if (phase === PHASE_PRODUCTION_SERVER && process.env.NODE_ENV === "production") assertProductionSecret();
  return {
    poweredByHeader: false,
    experimental: {
      // the import page sends an article of up to 5 MB to its server action; bodies through the
      // proxy are held to the same size (Next.js's default there is 10 MB)
      serverActions: { bodySizeLimit: "6mb" },
      proxyClientMaxBodySize: "6mb",
    },
    serverExternalPackages: ["better-sqlite3", "@node-rs/argon2"],
    async headers() {
      return [
        { source: "/:path*", headers: securityHeaders },
        ...outsideProxy.map((source) => ({ source, headers: staticPolicy })),
      ];
    },
  };
}
