/**
 * The server fetches an article page on a reviewer's behalf. Every URL a
 * reviewer pastes is attacker-controlled input aimed at our network, so:
 * - only http(s), no credentials in the URL, no cookies, no proxy (node:http
 *   ignores HTTP(S)_PROXY; agent:false so no pooled socket is ever reused);
 * - the host is resolved once per hop, *every* address must be public, and the
 *   socket is opened through a lookup that returns exactly those addresses, so
 *   a DNS rebind between check and connect has nothing to act on;
 * - each redirect is a new hop with the same checks;
 * - the type is checked before the body is read, the size while it streams,
 *   and one deadline covers DNS, connect, redirects and body together.
 *
 * Status for our API per code (FETCH_ERROR_STATUS): the reviewer's input is
 * wrong -> 400; the target is forbidden -> 403; too big -> 413; not an
 * article type -> 415; the name does not resolve or the page is a 4xx -> 422;
 * the upstream misbehaves or cannot be reached -> 502; out of time -> 504.
 */
import dns from "node:dns";
import http from "node:http";
import https from "node:https";
import zlib from "node:zlib";
import type { LookupFunction } from "node:net";
import type { Readable, Transform } from "node:stream";
import { checkAddress, checkHostname, type GuardOptions } from "./address-guard";
import { decodeArticleBytes } from "./decode";

export type ResolvedAddress = { address: string; family: 4 | 6 };
/** Resolves a host name to every address it has; injectable so tests need no DNS. */
export type LookupFn = (hostname: string) => Promise<ResolvedAddress[]>;

export type FetchErrorCode =
  | "bad_url"
  | "unsupported_scheme"
  | "blocked_address"
  | "dns_failed"
  | "bad_redirect"
  | "too_many_redirects"
  | "timeout"
  | "too_large"
  | "unsupported_type"
  | "http_error"
  | "unreachable";

export type FetchError = {
  code: FetchErrorCode;
  message: string;
  status: number;
  /** blocked_address: the address that was refused */
  address?: string;
  /** http_error: what the upstream answered */
  upstreamStatus?: number;
};

export type FetchOutcome =
  | { ok: true; url: string; contentType: string; charset: string; format: "html" | "text"; text: string; bytes: number }
  | { ok: false; error: FetchError };

export type FetchArticleOptions = GuardOptions & {
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
  lookup?: LookupFn;
};

export const FETCH_ERROR_STATUS: Record<FetchErrorCode, number> = {
  bad_url: 400,
  unsupported_scheme: 400,
  blocked_address: 403,
  dns_failed: 422,
  bad_redirect: 502,
  too_many_redirects: 502,
  timeout: 504,
  too_large: 413,
  unsupported_type: 415,
  http_error: 502, // 422 when the upstream answered 4xx: the page the reviewer named is not there
  unreachable: 502,
};

export const FETCH_DEFAULTS = { timeoutMs: 10_000, maxBytes: 5 * 1024 * 1024, maxRedirects: 5 } as const;

const USER_AGENT = "Claimdesk/0.1 (+article import)";
const ACCEPT = "text/html,application/xhtml+xml,text/plain;q=0.9";
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const FORMATS: Record<string, "html" | "text"> = {
  "text/html": "html",
  "application/xhtml+xml": "html",
  "text/plain": "text",
  "text/markdown": "text",
};

class FetchFailure extends Error {
  constructor(
    readonly code: FetchErrorCode,
    message: string,
    readonly extra: Partial<Pick<FetchError, "address" | "upstreamStatus" | "status">> = {},
  ) {
    super(message);
  }
}

const megabytes = (n: number) => `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;

const defaultLookup: LookupFn = async (hostname) => {
  // getaddrinfo, like a plain connect would use: /etc/hosts included
  const found = await dns.promises.lookup(hostname, { all: true, verbatim: true });
  return found.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
};

type Target = { url: URL; host: string };

/** After "The page redirected to …; " a clause continues the sentence; on its own it starts one. */
const lead = (via: string, clause: string) => (via ? `${via}${clause}` : `${clause.charAt(0).toUpperCase()}${clause.slice(1)}`);

function parseTarget(raw: string, base: URL | undefined, via: string): Target {
  let url: URL;
  try {
    url = new URL(raw.trim(), base);
  } catch {
    throw new FetchFailure(base ? "bad_redirect" : "bad_url", `${via}"${raw}" is not a valid web address.`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new FetchFailure("unsupported_scheme", `${via}${url.protocol} addresses cannot be imported; use an http:// or https:// link.`);
  }
  if (url.username || url.password) {
    throw new FetchFailure(base ? "bad_redirect" : "bad_url", lead(via, "the address contains a user name or password; remove it and try again."));
  }
  // URL has already turned 0x7f000001, 2130706433, 0177.0.0.1, 127.1 and fullwidth dots into 127.0.0.1
  const host = url.hostname.replace(/^\[|\]$/g, "").replace(/\.+$/, "");
  if (!host) throw new FetchFailure("bad_url", lead(via, "the address has no host name."));
  url.hash = "";
  return { url, host };
}

function refuse(via: string, subject: string, address: string, reason: string): FetchFailure {
  return new FetchFailure(
    "blocked_address",
    `${via}${subject}${reason}; articles can only be fetched from public internet addresses.`,
    { address },
  );
}

async function resolveTarget(target: Target, options: FetchArticleOptions, via: string, signal: AbortSignal): Promise<ResolvedAddress[]> {
  const family = target.host.includes(":") ? 6 : /^\d+\.\d+\.\d+\.\d+$/.test(target.host) ? 4 : 0;
  if (family) {
    const verdict = checkAddress(target.host, options);
    if (!verdict.allowed) throw refuse(via, `${target.host} is `, target.host, verdict.reason);
    return [{ address: target.host, family }];
  }
  const byName = checkHostname(target.host, options);
  if (!byName.allowed) throw refuse(via, `${target.host} is `, target.host, byName.reason);

  let addresses: ResolvedAddress[];
  try {
    addresses = await untilAborted((options.lookup ?? defaultLookup)(target.host), signal);
  } catch (error) {
    if (signal.aborted) throw error;
    throw new FetchFailure("dns_failed", lead(via, `the name ${target.host} could not be found (${(error as NodeJS.ErrnoException).code ?? "no answer"}).`));
  }
  if (addresses.length === 0) throw new FetchFailure("dns_failed", lead(via, `the name ${target.host} has no addresses.`));
  // one private answer among public ones is enough: the connect could pick it
  for (const { address } of addresses) {
    const verdict = checkAddress(address, options);
    if (!verdict.allowed) throw refuse(via, `${target.host} resolves to ${address}, `, address, verdict.reason);
  }
  return addresses;
}

function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    if (signal.aborted) return onAbort();
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}

/** The socket may only go to addresses we already checked; no second DNS query happens. */
function pinnedLookup(hostname: string, addresses: ResolvedAddress[]): LookupFunction {
  return (name, options, callback) => {
    const wanted = options.family === 6 || options.family === "IPv6" ? 6 : options.family === 4 || options.family === "IPv4" ? 4 : 0;
    const usable = addresses.filter((a) => name === hostname && (wanted === 0 || a.family === wanted));
    const first = usable[0];
    if (!first) {
      const error: NodeJS.ErrnoException = new Error(`no checked address for ${name}`);
      error.code = "ENOTFOUND";
      return callback(error, "", 0);
    }
    if (options.all) callback(null, usable.map((a) => ({ address: a.address, family: a.family })));
    else callback(null, first.address, first.family);
  };
}

function openRequest(target: Target, addresses: ResolvedAddress[], signal: AbortSignal): Promise<http.IncomingMessage> {
  return new Promise((resolve, reject) => {
    const request = (target.url.protocol === "https:" ? https : http).request({
      protocol: target.url.protocol,
      hostname: target.host,
      port: target.url.port || undefined,
      path: `${target.url.pathname}${target.url.search}`,
      method: "GET",
      headers: { "User-Agent": USER_AGENT, Accept: ACCEPT, "Accept-Encoding": "identity" },
      agent: false,
      lookup: pinnedLookup(target.host, addresses),
      signal,
    });
    request.once("response", resolve);
    request.on("error", (error: NodeJS.ErrnoException) => {
      if (signal.aborted) return reject(signal.reason);
      reject(new FetchFailure("unreachable", `Could not connect to ${target.url.host} (${error.code ?? error.message}).`));
    });
    request.end();
  });
}

function readBody(response: http.IncomingMessage, maxBytes: number, signal: AbortSignal): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    let stream: Readable = response;
    const finish = (error: unknown, body?: Buffer) => {
      if (settled) return;
      settled = true;
      signal.removeEventListener("abort", onAbort);
      if (error) {
        // destroying the response closes the socket: the rest of the body is never read
        response.destroy();
        if (stream !== response) stream.destroy();
        reject(error);
      } else resolve(body!);
    };
    const onAbort = () => finish(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });

    // we asked for identity; a server that compresses anyway is decoded, and the limit counts decoded bytes
    const encoding = (response.headers["content-encoding"] ?? "identity").toLowerCase().trim();
    const decoders: Record<string, () => Transform> = {
      gzip: () => zlib.createGunzip(),
      "x-gzip": () => zlib.createGunzip(),
      deflate: () => zlib.createInflate(),
      br: () => zlib.createBrotliDecompress(),
    };
    const decoder = decoders[encoding];
    if (encoding !== "identity" && !decoder) {
      return finish(new FetchFailure("unsupported_type", `The page uses an unsupported content encoding (${encoding}).`));
    }
    if (decoder) stream = response.pipe(decoder());

    stream.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) return finish(new FetchFailure("too_large", `The page is larger than the ${megabytes(maxBytes)} import limit.`));
      chunks.push(chunk);
    });
    stream.once("end", () => finish(null, Buffer.concat(chunks, size)));
    stream.on("error", (error: NodeJS.ErrnoException) => {
      if (signal.aborted) return finish(signal.reason);
      finish(new FetchFailure("unreachable", `The connection broke while reading the page (${error.code ?? error.message}).`));
    });
    response.once("close", () => {
      if (!response.complete) finish(new FetchFailure("unreachable", "The connection closed before the page was complete."));
    });
  });
}

async function fetchHops(input: string, options: FetchArticleOptions, signal: AbortSignal): Promise<FetchOutcome> {
  const maxBytes = options.maxBytes ?? FETCH_DEFAULTS.maxBytes;
  const maxRedirects = options.maxRedirects ?? FETCH_DEFAULTS.maxRedirects;
  let target = parseTarget(input, undefined, "");
  let via = "";
  for (let redirects = 0; ; redirects++) {
    const addresses = await resolveTarget(target, options, via, signal);
    const response = await openRequest(target, addresses, signal);
    const status = response.statusCode ?? 0;

    if (REDIRECTS.has(status)) {
      response.destroy();
      if (redirects >= maxRedirects) {
        throw new FetchFailure("too_many_redirects", `The page redirected more than ${maxRedirects} times; open it in a browser and paste the final address.`);
      }
      const location = response.headers.location;
      if (!location) throw new FetchFailure("bad_redirect", `${target.url.host} answered ${status} (a redirect) without saying where to.`);
      via = `The page redirected to ${location}; `;
      target = parseTarget(location, target.url, via);
      continue;
    }
    if (status < 200 || status > 299) {
      response.destroy();
      throw new FetchFailure("http_error", `${target.url.host} answered ${status} ${response.statusMessage ?? ""}`.trimEnd() + ".", {
        upstreamStatus: status,
        status: status >= 400 && status < 500 ? 422 : 502,
      });
    }

    const headerType = response.headers["content-type"] ?? "";
    const contentType = headerType.split(";")[0]!.trim().toLowerCase();
    const format = FORMATS[contentType];
    if (!format) {
      response.destroy();
      throw new FetchFailure("unsupported_type", `The address serves ${contentType || "an unlabelled file"}, not a web page or text; only HTML and plain text can be imported.`);
    }
    const declared = Number(response.headers["content-length"]);
    if (Number.isFinite(declared) && declared > maxBytes) {
      response.destroy();
      throw new FetchFailure("too_large", `The page is ${megabytes(declared)}, more than the ${megabytes(maxBytes)} import limit.`);
    }

    const body = await readBody(response, maxBytes, signal);
    const { text, charset } = decodeArticleBytes(body, { contentType: headerType, format });
    return { ok: true, url: target.url.href, contentType, charset, format, text, bytes: body.length };
  }
}

/** Fetches an article page safely; every expected failure comes back as a typed error, never a throw. */
export async function fetchArticle(url: string, options: FetchArticleOptions = {}): Promise<FetchOutcome> {
  const timeoutMs = options.timeoutMs ?? FETCH_DEFAULTS.timeoutMs;
  const controller = new AbortController();
  const timer = setTimeout(
    () => controller.abort(new FetchFailure("timeout", `The site did not deliver the page within ${timeoutMs / 1000} seconds.`)),
    timeoutMs,
  );
  try {
    return await fetchHops(url, options, controller.signal);
  } catch (error) {
    const failure =
      error instanceof FetchFailure
        ? error
        : new FetchFailure("unreachable", `The page could not be fetched (${error instanceof Error ? error.message : String(error)}).`);
    const { status, ...extra } = failure.extra;
    return { ok: false, error: { code: failure.code, message: failure.message, status: status ?? FETCH_ERROR_STATUS[failure.code], ...extra } };
  } finally {
    clearTimeout(timer);
  }
}
