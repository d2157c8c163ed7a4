/**
 * The production server: Next.js's own request handling (what `next start`
 * runs) behind a plain node:http server that first rebuilds the forwarding
 * headers from the socket (support/forwarded.mjs), so that no client can
 * choose the address the sign-in limiter counts it under.
 *
 *   node scripts/serve.mjs [-H host] [-p port]    (defaults: HOST/127.0.0.1, PORT/3000)
 *
 * `npm start` runs it after migrating, seeding and building; the reliability
 * suite and the benchmark run it directly. It is one process: a SIGKILL stops
 * the server itself, with no wrapper left to tidy up.
 */
import http from "node:http";
import { parseArgs } from "node:util";
import { rewriteForwarded, trustedHops } from "./support/forwarded.mjs";

process.env.NODE_ENV = "production";
process.env.NEXT_PRIVATE_START_TIME ??= String(Date.now());

const { values } = parseArgs({ options: { hostname: { type: "string", short: "H" }, port: { type: "string", short: "p" } } });
const hostname = values.hostname ?? process.env.HOST ?? "127.0.0.1";
const port = Number(values.port ?? process.env.PORT ?? 3000);

let hops;
try {
  hops = trustedHops(process.env.TRUST_PROXY_HOPS);
} catch (error) {
  console.error(`Refusing to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

const { default: next } = await import("next");
const app = next({ dev: false, hostname, port, dir: process.cwd() });
const handle = app.getRequestHandler();
await app.prepare();

const server = http.createServer((request, response) => {
  rewriteForwarded(request, hops);
  handle(request, response).catch((error) => {
    console.error("[serve]", error);
    if (!response.headersSent) response.writeHead(500, { "Content-Type": "text/plain" });
    response.end("Internal Server Error");
  });
});
server.on("error", (error) => {
  console.error(`The server could not listen on ${hostname}:${port}: ${error.message}`);
  process.exit(1);
});
server.listen(port, hostname, () => {
  console.log(`[serve] listening on http://${hostname}:${port}${hops ? ` (trusting ${hops} proxy hop${hops === 1 ? "" : "s"})` : ""}`);
});

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    server.close();
    void app.close().finally(() => process.exit(0));
    // a keep-alive connection must not hold the process open
    setTimeout(() => process.exit(0), 2000).unref();
  });
}
