/**
 * Every test talks to a node:http server of its own on 127.0.0.1. Names such
 * as news.test never reach DNS: an injected lookup maps them. To exercise the
 * guard on redirects without lifting it wholesale, the redirect tests trust
 * exactly one address (allowAddresses: ["127.0.0.1"]) and let the server
 * redirect to targets that are still refused (10.0.0.5 via a name, 127.0.0.2,
 * 169.254.169.254). Nothing here leaves loopback: refused targets are never
 * connected to.
 */
import http from "node:http";
import zlib from "node:zlib";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { checkAddress, classifyAddress } from "@/lib/import/address-guard";
import { fetchArticle, type FetchOutcome, type LookupFn } from "@/lib/import/fetch-url";

type Seen = { path: string; host: string; userAgent: string; accept: string; cookie?: string };

let server: http.Server;
let port = 0;
let connections = 0;
let seen: Seen[] = [];
const huge = { closedEarly: false, ended: false, sent: 0 };

const MB = 1024 * 1024;
const ARTICLE = "<!doctype html><html><head><title>Port strike</title></head><body><p>Dockworkers walked out.</p></body></html>";
const EUC_KR = Buffer.from("c7d1b1b9beee20b1e2bbe7", "hex"); // 한국어 기사
const SHIFT_JIS = Buffer.from("93fa967b8cea82cc8b4c8e96", "hex"); // 日本語の記事

function handle(req: http.IncomingMessage, res: http.ServerResponse) {
  const url = new URL(req.url ?? "/", "http://local");
  seen.push({
    path: url.pathname + url.search,
    host: req.headers.host ?? "",
    userAgent: req.headers["user-agent"] ?? "",
    accept: req.headers.accept ?? "",
    cookie: req.headers.cookie,
  });
  const chain = /^\/chain\/(\d+)$/.exec(url.pathname);
  if (chain) {
    const left = Number(chain[1]);
    // relative Locations on purpose: the client must resolve them against the current URL
    if (left > 0) res.writeHead(302, { Location: `${left - 1}` }).end();
    else res.writeHead(200, { "Content-Type": "text/html" }).end(ARTICLE);
    return;
  }
  switch (url.pathname) {
    case "/article":
      res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" }).end(ARTICLE);
      return;
    case "/notes.md":
      res.writeHead(200, { "Content-Type": "text/markdown" }).end("# Notes\n\nPlain text.");
      return;
    case "/redirect":
      res.writeHead(Number(url.searchParams.get("status") ?? 302), { Location: url.searchParams.get("to") ?? "" }).end();
      return;
    case "/korean-header":
      res.writeHead(200, { "Content-Type": "text/html; charset=EUC-KR" });
      res.end(Buffer.concat([Buffer.from("<html><body><p>"), EUC_KR, Buffer.from("</p></body></html>")]));
      return;
    case "/korean-meta":
      res.writeHead(200, { "Content-Type": "text/html" });
      res.end(
        Buffer.concat([
          Buffer.from('<html><head><meta http-equiv="Content-Type" content="text/html; charset=euc-kr"></head><body><p>'),
          EUC_KR,
          Buffer.from("</p></body></html>"),
        ]),
      );
      return;
    case "/japanese":
      res.writeHead(200, { "Content-Type": "text/html" });
      res.end(Buffer.concat([Buffer.from('<html><head><meta charset="shift_jis"></head><body>'), SHIFT_JIS, Buffer.from("</body></html>")]));
      return;
    case "/latin":
      res.writeHead(200, { "Content-Type": "text/plain; charset=windows-1252" }).end(Buffer.from([0x93, 0x43, 0x61, 0x66, 0xe9, 0x94]));
      return;
    case "/gzip":
      // we ask for identity; a server that compresses anyway must still be read, and counted decoded
      res.writeHead(200, { "Content-Type": "text/html", "Content-Encoding": "gzip" }).end(zlib.gzipSync(ARTICLE));
      return;
    case "/gzip-bomb":
      res.writeHead(200, { "Content-Type": "text/plain", "Content-Encoding": "gzip" }).end(zlib.gzipSync(Buffer.alloc(6 * MB, "a")));
      return;
    case "/image":
      res.writeHead(200, { "Content-Type": "image/png" }).end(Buffer.alloc(1024));
      return;
    case "/missing":
      res.writeHead(404, { "Content-Type": "text/html" }).end("<p>Not found</p>");
      return;
    case "/broken":
      res.writeHead(503, { "Content-Type": "text/html" }).end("<p>Down</p>");
      return;
    case "/huge-declared":
      // claims 6 MB up front; the client must refuse on the header without reading
      res.writeHead(200, { "Content-Type": "text/plain", "Content-Length": String(6 * MB) });
      res.write("a".repeat(1024));
      return;
    case "/huge": {
      // chunked, so only counting while streaming can catch it
      res.writeHead(200, { "Content-Type": "text/plain" });
      const chunk = Buffer.alloc(64 * 1024, "a");
      res.on("close", () => {
        if (!huge.ended) huge.closedEarly = true;
      });
      const pump = () => {
        while (huge.sent < 6 * MB && !res.destroyed) {
          huge.sent += chunk.length;
          if (!res.write(chunk)) return void res.once("drain", pump);
        }
        // hold the response open a while, so "closed early" cannot mean "the kernel took it all"
        setTimeout(() => {
          if (res.destroyed) return;
          huge.ended = true;
          res.end();
        }, 1500);
      };
      pump();
      return;
    }
    case "/slow":
      res.writeHead(200, { "Content-Type": "text/html" });
      res.write("<html><body>");
      return; // never finishes
    case "/hang":
      return; // never answers
    default:
      res.writeHead(404).end();
  }
}

beforeAll(async () => {
  server = http.createServer(handle);
  server.on("connection", () => connections++);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  seen = [];
  connections = 0;
});

/** A lookup that answers from a table and counts its calls; unknown names fail like DNS does. */
function lookupFrom(table: Record<string, string[] | (() => string[])>): LookupFn & { calls: string[] } {
  const calls: string[] = [];
  const fn = async (hostname: string) => {
    calls.push(hostname);
    const entry = table[hostname];
    if (!entry) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: "ENOTFOUND" });
    return (typeof entry === "function" ? entry() : entry).map((address) => ({ address, family: address.includes(":") ? (6 as const) : (4 as const) }));
  };
  return Object.assign(fn, { calls });
}

function failure(outcome: FetchOutcome) {
  if (outcome.ok) throw new Error(`expected a refusal, got ${outcome.url}`);
  return outcome.error;
}

function success(outcome: FetchOutcome) {
  if (!outcome.ok) throw new Error(`expected success, got ${outcome.error.code}: ${outcome.error.message}`);
  return outcome;
}

const local = (path: string) => `http://127.0.0.1:${port}${path}`;

describe("fetchArticle: the local server, with and without allowPrivate", () => {
  it("fetches with allowPrivate, sending our User-Agent and Accept and no cookie", async () => {
    const page = success(await fetchArticle(local("/article"), { allowPrivate: true }));
    expect(page).toMatchObject({ url: local("/article"), contentType: "text/html", format: "html", charset: "utf-8", text: ARTICLE });
    expect(page.bytes).toBe(Buffer.byteLength(ARTICLE));
    expect(seen).toEqual([
      { path: "/article", host: `127.0.0.1:${port}`, userAgent: "Claimdesk/0.1 (+article import)", accept: "text/html,application/xhtml+xml,text/plain;q=0.9", cookie: undefined },
    ]);
  });

  it("takes markdown and plain text as text", async () => {
    expect(success(await fetchArticle(local("/notes.md"), { allowPrivate: true }))).toMatchObject({ format: "text", contentType: "text/markdown" });
  });

  it("refuses loopback without allowPrivate, naming the address and why, and never connects", async () => {
    const error = failure(await fetchArticle(local("/article")));
    expect(error).toMatchObject({ code: "blocked_address", status: 403, address: "127.0.0.1" });
    expect(error.message).toContain("127.0.0.1 is a loopback address");
    expect(connections).toBe(0);
  });

  it("connects to a name through the injected lookup, and asks it only once per hop", async () => {
    const lookup = lookupFrom({ "news.test": ["127.0.0.1"] });
    success(await fetchArticle(`http://news.test:${port}/article`, { allowPrivate: true, lookup }));
    expect(lookup.calls).toEqual(["news.test"]);
    expect(seen[0]?.host).toBe(`news.test:${port}`);
  });
});

describe("fetchArticle: numeric and spelling tricks are refused before any connection", () => {
  const tricks = [
    ["hex", "http://0x7f000001:PORT/article"],
    ["decimal", "http://2130706433:PORT/article"],
    ["octal", "http://0177.0.0.1:PORT/article"],
    ["short form", "http://127.1:PORT/article"],
    ["IPv6 loopback", "http://[::1]:PORT/article"],
    ["IPv4-mapped dotted", "http://[::ffff:127.0.0.1]:PORT/article"],
    ["IPv4-mapped hex", "http://[::ffff:7f00:1]:PORT/article"],
    ["IPv4-compatible", "http://[::127.0.0.1]:PORT/article"],
    ["zero", "http://0:PORT/article"],
    ["unspecified", "http://0.0.0.0:PORT/article"],
    ["trailing dot", "http://localhost.:PORT/article"],
    ["upper case", "http://LOCALHOST:PORT/article"],
    ["subdomain of localhost", "http://news.localhost:PORT/article"],
    ["ideographic dots", "http://127\u30020\u30020\u30021:PORT/article"],
    ["fullwidth digits and dots", "http://\uff11\uff12\uff17\uff0e\uff10\uff0e\uff10\uff0e\uff11:PORT/article"],
    ["NAT64 of loopback", "http://[64:ff9b::7f00:1]:PORT/article"],
    ["6to4 of loopback", "http://[2002:7f00:1::1]:PORT/article"],
    ["metadata address", "http://169.254.169.254/latest/meta-data/"],
    ["metadata name", "http://metadata.google.internal/computeMetadata/v1/"],
    ["bare metadata name", "http://metadata/"],
    ["instance-data", "http://instance-data/latest/"],
  ] as const;

  it.each(tricks)("%s: %s", async (_label, template) => {
    const lookup = lookupFrom({});
    const error = failure(await fetchArticle(template.replace("PORT", String(port)), { lookup }));
    expect(error.code).toBe("blocked_address");
    expect(error.status).toBe(403);
    expect(lookup.calls).toEqual([]);
    expect(connections).toBe(0);
    expect(seen).toEqual([]);
  });

  it("keeps the metadata service refused even with allowPrivate", async () => {
    for (const url of ["http://169.254.169.254/latest/meta-data/", "http://metadata.google.internal/", "http://[fd00:ec2::254]/"]) {
      expect(failure(await fetchArticle(url, { allowPrivate: true })).code).toBe("blocked_address");
    }
  });
});

describe("fetchArticle: refused schemes and malformed URLs", () => {
  it.each(["ftp://example.org/a.html", "file:///etc/passwd", "data:text/html,<p>hi</p>", "javascript:alert(1)", "gopher://example.org/"])(
    "%s is unsupported_scheme",
    async (url) => {
      expect(failure(await fetchArticle(url))).toMatchObject({ code: "unsupported_scheme", status: 400 });
    },
  );

  it("refuses credentials in the URL and things that are not URLs", async () => {
    expect(failure(await fetchArticle(`http://user:pw@127.0.0.1:${port}/article`, { allowPrivate: true }))).toMatchObject({ code: "bad_url", status: 400 });
    expect(failure(await fetchArticle("not a url"))).toMatchObject({ code: "bad_url", status: 400 });
    expect(connections).toBe(0);
  });
});

describe("fetchArticle: DNS answers are checked, all of them, once", () => {
  it.each([["10.0.0.5", "a private address"], ["127.0.0.1", "a loopback address"], ["fd12::1", "a unique-local address"]])(
    "a name resolving to %s is refused",
    async (address, reason) => {
      const error = failure(await fetchArticle(`http://news.test:${port}/article`, { lookup: lookupFrom({ "news.test": [address] }) }));
      expect(error).toMatchObject({ code: "blocked_address", address });
      expect(error.message).toContain(`news.test resolves to ${address}, ${reason}`);
      expect(connections).toBe(0);
    },
  );

  it("refuses a name when any one of its addresses is private", async () => {
    const lookup = lookupFrom({ "mixed.test": ["93.184.216.34", "10.0.0.5"] });
    expect(failure(await fetchArticle("http://mixed.test/", { lookup }))).toMatchObject({ code: "blocked_address", address: "10.0.0.5" });
  });

  it("a rebinding name cannot switch the address after the check: the socket uses the checked one", async () => {
    let answers = 0;
    // first answer passes the guard; any later one would be private
    const lookup = lookupFrom({ "rebind.test": () => (answers++ === 0 ? ["127.0.0.1"] : ["10.0.0.5"]) });
    success(await fetchArticle(`http://rebind.test:${port}/article`, { allowAddresses: ["127.0.0.1"], lookup }));
    expect(lookup.calls).toEqual(["rebind.test"]);
    expect(seen).toHaveLength(1);
  });

  it("a name that does not resolve is dns_failed", async () => {
    expect(failure(await fetchArticle("http://nowhere.test/", { lookup: lookupFrom({}) }))).toMatchObject({ code: "dns_failed", status: 422 });
  });
});

describe("fetchArticle: redirects", () => {
  // the one trusted address is the test server; every redirect target below is still refused
  const trusted = () => ({ allowAddresses: ["127.0.0.1"], lookup: lookupFrom({ "news.test": ["127.0.0.1"], "intranet.test": ["10.0.0.5"] }) });
  const from = (to: string, status = 302) => `http://news.test:${port}/redirect?to=${encodeURIComponent(to)}&status=${status}`;

  it.each([301, 302, 303, 307, 308])("follows %i to an allowed host", async (status) => {
    const page = success(await fetchArticle(from(`http://news.test:${port}/article`, status), trusted()));
    expect(page.url).toBe(`http://news.test:${port}/article`);
    expect(seen.map((s) => s.path)).toEqual([expect.stringMatching(/^\/redirect/), "/article"]);
  });

  it("refuses at the redirect when the new name resolves to a private address", async () => {
    const error = failure(await fetchArticle(from("http://intranet.test/admin"), trusted()));
    expect(error).toMatchObject({ code: "blocked_address", status: 403, address: "10.0.0.5" });
    expect(error.message).toContain("redirected to http://intranet.test/admin");
    expect(error.message).toContain("intranet.test resolves to 10.0.0.5, a private address");
    expect(seen).toHaveLength(1);
  });

  it.each([
    ["a loopback literal that is not the trusted one", "http://127.0.0.2:PORT/article"],
    ["the metadata address", "http://169.254.169.254/latest/meta-data/iam/"],
    ["a hex literal", "http://0x7f000002:PORT/"],
    ["localhost", "http://localhost:PORT/article"],
  ])("refuses a redirect to %s", async (_label, target) => {
    const error = failure(await fetchArticle(from(target.replace("PORT", String(port))), trusted()));
    expect(error.code).toBe("blocked_address");
    expect(seen).toHaveLength(1);
    expect(connections).toBe(1);
  });

  it("refuses a redirect to another scheme", async () => {
    expect(failure(await fetchArticle(from("file:///etc/passwd"), trusted()))).toMatchObject({ code: "unsupported_scheme" });
  });

  it("follows five relative redirects and refuses the sixth without requesting it", async () => {
    success(await fetchArticle(`http://news.test:${port}/chain/5`, trusted()));
    seen = [];
    const error = failure(await fetchArticle(`http://news.test:${port}/chain/6`, trusted()));
    expect(error).toMatchObject({ code: "too_many_redirects", status: 502 });
    expect(seen.map((s) => s.path)).toEqual(["/chain/6", "/chain/5", "/chain/4", "/chain/3", "/chain/2", "/chain/1"]);
  });
});

describe("fetchArticle: limits", () => {
  it("refuses a 6 MB chunked body at 5 MB and closes the socket early", async () => {
    Object.assign(huge, { closedEarly: false, ended: false, sent: 0 });
    const error = failure(await fetchArticle(local("/huge"), { allowPrivate: true }));
    expect(error).toMatchObject({ code: "too_large", status: 413 });
    await expect.poll(() => huge.closedEarly, { timeout: 3000 }).toBe(true);
    expect(huge.ended).toBe(false);
  });

  it("refuses a declared 6 MB body on its Content-Length", async () => {
    expect(failure(await fetchArticle(local("/huge-declared"), { allowPrivate: true }))).toMatchObject({ code: "too_large", status: 413 });
  });

  it("times out a server that stops sending, and one that never answers", async () => {
    for (const path of ["/slow", "/hang"]) {
      const started = performance.now();
      const error = failure(await fetchArticle(local(path), { allowPrivate: true, timeoutMs: 300 }));
      expect(error).toMatchObject({ code: "timeout", status: 504 });
      expect(performance.now() - started).toBeLessThan(2000);
    }
  });

  it("decodes a gzip body sent unasked, and counts the limit on decoded bytes (no gzip bomb)", async () => {
    expect(success(await fetchArticle(local("/gzip"), { allowPrivate: true })).text).toBe(ARTICLE);
    expect(failure(await fetchArticle(local("/gzip-bomb"), { allowPrivate: true }))).toMatchObject({ code: "too_large" });
  });

  it("refuses image/png before reading the body", async () => {
    const error = failure(await fetchArticle(local("/image"), { allowPrivate: true }));
    expect(error).toMatchObject({ code: "unsupported_type", status: 415 });
    expect(error.message).toContain("image/png");
  });

  it("reports upstream errors with their status", async () => {
    expect(failure(await fetchArticle(local("/missing"), { allowPrivate: true }))).toMatchObject({ code: "http_error", status: 422, upstreamStatus: 404 });
    expect(failure(await fetchArticle(local("/broken"), { allowPrivate: true }))).toMatchObject({ code: "http_error", status: 502, upstreamStatus: 503 });
  });

  it("reports a closed port as unreachable", async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    expect(failure(await fetchArticle(`http://127.0.0.1:${closedPort}/`, { allowPrivate: true }))).toMatchObject({ code: "unreachable", status: 502 });
  });
});

describe("fetchArticle: decoding", () => {
  it("decodes EUC-KR named in the header", async () => {
    const page = success(await fetchArticle(local("/korean-header"), { allowPrivate: true }));
    expect(page.charset).toBe("euc-kr");
    expect(page.text).toContain("한국어 기사");
  });

  it("decodes EUC-KR named by http-equiv, Shift_JIS by meta charset, windows-1252 by header", async () => {
    expect(success(await fetchArticle(local("/korean-meta"), { allowPrivate: true })).text).toContain("한국어 기사");
    expect(success(await fetchArticle(local("/japanese"), { allowPrivate: true })).text).toContain("日本語の記事");
    expect(success(await fetchArticle(local("/latin"), { allowPrivate: true })).text).toBe("\u201cCafé\u201d");
  });
});

describe("address guard", () => {
  it.each([
    ["172.31.255.255", false],
    ["172.32.0.1", true],
    ["100.64.0.1", false],
    ["100.128.0.1", true],
    ["192.0.2.10", false],
    ["224.0.0.1", false],
    ["240.0.0.1", false],
    ["255.255.255.255", false],
    ["93.184.216.34", true],
    ["::", false],
    ["fe80::1", false],
    ["fc00::1", false],
    ["ff02::1", false],
    ["2001:db8::1", false],
    ["64:ff9b::a00:5", false],
    ["64:ff9b::5db8:d822", true],
    ["2002:0a00:0005::1", false],
    ["2002:5db8:d822::1", true],
    ["::ffff:10.0.0.5", false],
    ["2606:4700::1111", true],
  ] as const)("%s allowed: %s", (address, allowed) => {
    expect(classifyAddress(address).allowed).toBe(allowed);
  });

  it("allowAddresses trusts exactly the listed address, in any spelling", () => {
    expect(checkAddress("127.0.0.1", { allowAddresses: ["127.0.0.1"] }).allowed).toBe(true);
    expect(checkAddress("127.0.0.2", { allowAddresses: ["127.0.0.1"] }).allowed).toBe(false);
    expect(checkAddress("fd00:0:0::1", { allowAddresses: ["fd00::1"] }).allowed).toBe(true);
    expect(checkAddress("169.254.169.254", { allowAddresses: ["169.254.169.254"] }).allowed).toBe(false);
  });
});
