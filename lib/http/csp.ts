import { REPORT_STYLE_SOURCE } from "@/lib/reports/formats/html-style";

/** 18 random bytes: a nonce no one can guess, new for every page request. */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString("base64");
}

/**
 * The Content-Security-Policy of every page. Scripts run only when they carry
 * this request's nonce (Next.js puts it on its own) or are loaded by one that
 * does ('strict-dynamic'); no inline script, event handler attribute, style
 * attribute or javascript: URL runs, so markup that slipped past escaping
 * stays inert. The printable report has one inline stylesheet, allowed by its
 * hash. `next dev` also needs 'unsafe-eval' (React's debugging tools) and
 * inline styles without a nonce (its error overlay); a production server
 * sends neither.
 */
export function contentSecurityPolicy(nonce: string, pathname: string): string {
  const dev = process.env.NODE_ENV === "development";
  const styles = pathname === "/reports/print" ? ` ${REPORT_STYLE_SOURCE}` : "";
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // a nonce in style-src would make browsers ignore 'unsafe-inline'
    dev ? "style-src 'self' 'unsafe-inline'" : `style-src 'self' 'nonce-${nonce}'${styles}`,
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}
