import { createHash } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { contentSecurityPolicy, newNonce } from "@/lib/http/csp";
import { writeHtml } from "@/lib/reports/formats/html";
import { REPORT_STYLE } from "@/lib/reports/formats/html-style";
import type { ReportContext } from "@/lib/reports/context";
import { joined } from "./support/pieces";

const directive = (policy: string, name: string) =>
  policy
    .split("; ")
    .find((d) => d.startsWith(`${name} `))
    ?.split(" ")
    .slice(1);

describe("the page policy", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("allows scripts and styles by this request's nonce only, in production", () => {
    vi.stubEnv("NODE_ENV", "production");
    const policy = contentSecurityPolicy("abc123", "/claims");
    expect(policy).not.toMatch(/unsafe-(inline|eval)/);
    expect(directive(policy, "script-src")).toEqual(["'self'", "'nonce-abc123'", "'strict-dynamic'"]);
    expect(directive(policy, "style-src")).toEqual(["'self'", "'nonce-abc123'"]);
    expect(directive(policy, "frame-ancestors")).toEqual(["'none'"]);
    expect(directive(policy, "object-src")).toEqual(["'none'"]);
  });

  it("allows the printable report's stylesheet by the hash of what the report writes", async () => {
    vi.stubEnv("NODE_ENV", "production");
    const ctx: ReportContext = { generatedAt: "2025-01-01T00:00:00.000Z", filters: {}, publicUrl: "http://x", orgName: "x", filterLabels: {} };
    const html = await joined(writeHtml([], ctx));
    const inline = html.match(/<style>([\s\S]*?)<\/style>/)![1]!;
    expect(inline).toBe(REPORT_STYLE);
    const hash = `'sha256-${createHash("sha256").update(inline, "utf8").digest("base64")}'`;
    expect(directive(contentSecurityPolicy("n", "/reports/print"), "style-src")).toEqual(["'self'", "'nonce-n'", hash]);
    expect(contentSecurityPolicy("n", "/reports")).not.toContain("sha256-");
  });

  it("loosens only what next dev needs", () => {
    vi.stubEnv("NODE_ENV", "development");
    const policy = contentSecurityPolicy("abc123", "/claims");
    expect(directive(policy, "script-src")).toEqual(["'self'", "'nonce-abc123'", "'strict-dynamic'", "'unsafe-eval'"]);
    expect(directive(policy, "style-src")).toEqual(["'self'", "'unsafe-inline'"]);
  });

  it("makes a new nonce each time, in the form Next.js reads", () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{24}$/);
  });
});
