/**
 * Where to go after sign-in: only ever a path on this site. Anything else
 * (another origin, protocol-relative "//x", "/\x", javascript:, control
 * characters) falls back to the desk's home.
 */
export const HOME_PATH = "/";

export function safeCallbackPath(value: unknown, baseUrl?: string): string {
  if (typeof value !== "string" || value.length === 0 || value.length > 2000) return HOME_PATH;
  let candidate = value;
  if (!candidate.startsWith("/")) {
    if (!baseUrl) return HOME_PATH;
    try {
      const url = new URL(candidate);
      if (url.origin !== new URL(baseUrl).origin) return HOME_PATH;
      candidate = url.pathname + url.search + url.hash;
    } catch {
      return HOME_PATH;
    }
  }
  if (candidate.startsWith("//") || [...candidate].some(isRefusedCharacter)) return HOME_PATH;
  // the URL parser must agree that this stays on our origin
  const resolved = new URL(candidate, "http://claimdesk.invalid");
  if (resolved.origin !== "http://claimdesk.invalid") return HOME_PATH;
  if (resolved.pathname === "/login") return HOME_PATH;
  return resolved.pathname + resolved.search + resolved.hash;
}

function isRefusedCharacter(c: string): boolean {
  const code = c.charCodeAt(0);
  return c === "\\" || code < 0x20 || code === 0x7f;
}
