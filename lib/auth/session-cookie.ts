import "server-only";
import { decode } from "next-auth/jwt";

/**
 * The user id a session cookie names, read the way Auth.js reads it, without
 * the rest of Auth.js's session endpoint. Profiling `npm run bench` showed
 * `auth()` costing more per API request than the route's query and JSON
 * together: for every call it builds a Request, runs the whole session
 * action, decrypts the JWE (key derivation, AES, HMAC), then derives,
 * thumbprints and encrypts a fresh cookie that a server component or a route
 * handler then throws away.
 *
 * Here the cookie is decrypted by Auth.js's own `decode` (same secret, same
 * salt, same algorithms, same 15 s clock tolerance), and a decrypted cookie is
 * remembered by its exact value until its `exp`: the value is authenticated
 * ciphertext, so only that very cookie can find the entry again. Whatever
 * this cannot decide alone (no cookie secret in the environment, a cookie
 * split into chunks, a cookie that fails to decrypt) returns `undefined`,
 * and the caller asks `auth()`, which also logs the rejected cookie.
 */
const CLOCK_TOLERANCE_S = 15;
const MAX_REMEMBERED = 1_000;
export type SessionClaims = { sub: string | null; authAt: number; sid: string | null };

const remembered = new Map<string, SessionClaims & { exp: number }>();

/** As Auth.js picks it: https (from AUTH_URL, or the forwarded protocol) means the __Secure- cookie. */
function sessionCookieName(headers: Headers): string {
  const envUrl = process.env.AUTH_URL ?? process.env.NEXTAUTH_URL;
  let https: boolean;
  try {
    https = envUrl ? new URL(envUrl).protocol === "https:" : (headers.get("x-forwarded-proto") ?? "https").replace(/:$/, "") === "https";
  } catch {
    https = false;
  }
  return `${https ? "__Secure-" : ""}authjs.session-token`;
}

function cookieValues(header: string): Map<string, string> {
  const values = new Map<string, string>();
  for (const part of header.split(";")) {
    const at = part.indexOf("=");
    if (at > 0) values.set(part.slice(0, at).trim(), part.slice(at + 1).trim());
  }
  return values;
}

/** Who a valid session cookie names (sub null: nobody) and when they signed in; `undefined`: ask Auth.js. */
export async function sessionClaims(headers: Headers): Promise<SessionClaims | undefined> {
  const secret = process.env.AUTH_SECRET ?? process.env.NEXTAUTH_SECRET;
  if (!secret) return undefined;
  const name = sessionCookieName(headers);
  const cookies = cookieValues(headers.get("cookie") ?? "");
  if ([...cookies.keys()].some((key) => key.startsWith(`${name}.`))) return undefined; // chunked: Auth.js joins them
  const raw = cookies.get(name);
  if (!raw) return undefined; // nothing to decrypt: Auth.js answers that cheaply
  let value: string;
  try {
    value = decodeURIComponent(raw);
  } catch {
    return undefined;
  }
  const key = `${name}\n${value}`;
  const now = Date.now() / 1000;
  const known = remembered.get(key);
  if (known && known.exp + CLOCK_TOLERANCE_S > now) return { sub: known.sub, authAt: known.authAt, sid: known.sid };
  if (known) remembered.delete(key);
  let payload: { sub?: unknown; exp?: unknown; authAt?: unknown; sid?: unknown } | null;
  try {
    payload = await decode({ token: value, secret, salt: name });
  } catch {
    return undefined;
  }
  if (!payload) return undefined;
  const claims = {
    sub: typeof payload.sub === "string" ? payload.sub : null,
    authAt: typeof payload.authAt === "number" ? payload.authAt : 0,
    sid: typeof payload.sid === "string" ? payload.sid : null,
  };
  if (typeof payload.exp === "number") {
    if (remembered.size >= MAX_REMEMBERED) remembered.delete(remembered.keys().next().value!);
    remembered.set(key, { ...claims, exp: payload.exp });
  }
  return claims;
}
