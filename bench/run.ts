/**
 * `npm run bench`: Claimdesk at newsroom scale, side by side with two
 * references, in one bounded run (each load ≤ 15 s; a few minutes in all, not
 * counting a production build when there is none yet).
 *
 * 1. builds a synthetic desk with a seeded generator in a temporary database
 *    (bench/support/synthetic-desk.ts) plus the three demo accounts;
 * 2. builds the app when needed and starts the production server
 *    (scripts/serve.mjs, as `npm start` does) on it, with the
 *    framework floor (app/api/floor, app/floor) switched on, and the bare
 *    baseline (bench/support/bare-server.ts) on the same file;
 * 3. measures the list API, the reader and /claims pages, verdict writes,
 *    the CSV export, search, importing an article over the API and, once
 *    the servers stopped, `npm run import` of 1,000 files twice; prints one
 *    table (and the same in Markdown), writes bench/results/latest.json.
 *
 * It reports figures against the targets; it fails only when it
 * cannot measure (a server that does not start, an answer other than 2xx) or
 * when an acknowledged verdict is missing afterwards.
 *
 *   npm run bench   (BENCH_PORT=3200: the app there, the bare baseline on the next port)
 *
 * With DATABASE_URL=postgres://… (an empty database) the synthetic desk is
 * copied into PostgreSQL (npm run db:copy's code) and the app runs on it; the
 * bare baseline stays on the SQLite file, the same reference as in an SQLite
 * run. Then a second app server starts on BENCH_PORT + 2 on the same database,
 * and the list and verdict writes are measured over both at once.
 */
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildIfNeeded } from "../scripts/support/build";
import { load, percentile, type Load } from "./support/load";
import { machine, markdownTable, textTable, writeResults, type Row } from "./support/results";
import { processMemory, signIn, startBare, startNext, stopAll, type Served } from "./support/servers";
import { buildSyntheticDesk, DESK } from "./support/synthetic-desk";
import { openTempDesk } from "./support/temp-desk";
import { benchArticle } from "./support/articles";
import { backfillFingerprints } from "@/db/backfill";
import { isPostgresUrl } from "@/db/engine";
import { checkInPostgres, checkInSqlite, runVerdictWrites } from "./support/verdict-writes";

/** The app's database when it is PostgreSQL; read before openTempDesk points DATABASE_URL at the SQLite desk. */
const PG_URL = isPostgresUrl(process.env.DATABASE_URL) ? process.env.DATABASE_URL : null;

const PORT = Number(process.env.BENCH_PORT ?? 3200);
const LIST_SECONDS = Number(process.env.BENCH_LIST_SECONDS ?? 5);
const PAGE_SECONDS = Number(process.env.BENCH_PAGE_SECONDS ?? 8);
const WRITE_SECONDS = 10;
const WRITERS = 8;

const log = (line: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`);
const logDir = fs.mkdtempSync(path.join(os.tmpdir(), "claimdesk-bench-logs-"));
let cleanup: () => void = () => {};

async function main() {
  const began = performance.now();
  // first: a failed build exits before anything else exists
  buildIfNeeded({ ...process.env, NEXT_TELEMETRY_DISABLED: "1" });
  const desk = await openTempDesk("bench");
  cleanup = desk.remove;
  const password = randomBytes(12).toString("base64url");
  process.env.DEMO_PASSWORD = password;
  let t = performance.now();
  const built = buildSyntheticDesk(desk.sqlite);
  // as a desk that grew through imports has them: every source's duplicate fingerprint
  backfillFingerprints(desk.sqlite);
  const { seedDemoAccounts } = await import("@/seed/seed-desk");
  await seedDemoAccounts({ create: true });
  const sqliteVersion = (desk.sqlite.prepare("select sqlite_version()").pluck().get() as string) ?? "?";
  desk.sqlite.pragma("wal_checkpoint(TRUNCATE)");
  desk.sqlite.close();
  const c = built.counts;
  log(`synthetic desk: ${c.sources} sources, ${c.speakers} speakers, ${c.claims} claims, ${c.verdicts} verdicts, ${c.evidence} evidence in ${((performance.now() - t) / 1000).toFixed(1)} s (${(fs.statSync(desk.file).size / 2 ** 20).toFixed(0)} MB)`);
  const pg = PG_URL ? await copyIntoPostgres(PG_URL, desk.file) : null;
  const databaseUrl = PG_URL ?? `file:${desk.file}`;
  const authSecret = randomBytes(33).toString("base64url");

  t = performance.now();
  // BENCH_CPU_PROF=<dir>: the server writes a V8 CPU profile there when it stops (open it in Chrome's DevTools)
  const profile = process.env.BENCH_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(process.env.BENCH_CPU_PROF)}`] : [];
  const app = await startNext({ port: PORT, databaseUrl, authSecret, logFile: path.join(logDir, "next.log"), nodeArgs: profile });
  const bare = await startBare({ port: PORT + 1, databaseFile: desk.file, logFile: path.join(logDir, "bare.log") });
  const cookie = await signIn(app.url, "reviewer@example.org", password);
  const headers = { cookie };
  log(`servers up in ${((performance.now() - t) / 1000).toFixed(1)} s (next-server pid ${app.pid}, bare pid ${bare.pid}); logs in ${logDir}`);
  await expectOk(`${app.url}/api/floor`, headers);
  await expectOk(`${app.url}/floor`, headers);

  const rows: Row[] = [];
  const list = `/api/v1/claims?status=pending&limit=50`;
  for (const connections of [1, 8, 32]) {
    const seconds = LIST_SECONDS;
    const a = await load({ url: app.url + list, connections, seconds, headers });
    const b = await load({ url: bare.url + list, connections, seconds });
    const f = await load({ url: `${app.url}/api/floor`, connections, seconds, headers });
    log(`list c${connections}: app ${a.rps.toFixed(0)} req/s p99 ${a.p99} ms · bare ${b.rps.toFixed(0)} · floor ${f.rps.toFixed(0)}`);
    const last = connections === 32;
    rows.push(
      { name: `list_rps_c${connections}`, unit: "req/s", app: a.rps, baseline: b.rps, floor: f.rps, target: last ? "≥ 60% of floor" : null, met: last ? a.rps >= 0.6 * f.rps : null },
      { name: `list_p50_ms_c${connections}`, unit: "ms", app: a.p50, baseline: b.p50, floor: f.p50, target: null, met: null },
      { name: `list_p99_ms_c${connections}`, unit: "ms", app: a.p99, baseline: b.p99, floor: f.p99, target: last ? "≤ 100" : null, met: last ? a.p99 <= 100 : null },
    );
  }

  // not a target: the empty route answering a body as large as the list's page, which shows how much
  // of the gap between the list and the floor is Next.js carrying 28 KB rather than the list's own code
  const pageBytes = (await (await fetch(app.url + list, { headers })).arrayBuffer()).byteLength;
  const floorBody = await load({ url: `${app.url}/api/floor?bytes=${pageBytes}`, connections: 32, seconds: LIST_SECONDS, headers });
  log(`floor route with a ${pageBytes}-byte body, c32: ${floorBody.rps.toFixed(0)} req/s`);
  const listC32 = rows.find((r) => r.name === "list_rps_c32")!;
  rows.push({ name: "list_rps_c32_vs_same_body", unit: "req/s", app: listC32.app, baseline: null, floor: floorBody.rps, target: null, met: null });

  const floorPage = await load({ url: `${app.url}/floor`, connections: 1, seconds: PAGE_SECONDS, headers });
  const reader = await load({ url: `${app.url}/sources/${built.readerSourceId}`, connections: 1, seconds: PAGE_SECONDS, headers });
  const claimsPage = await load({ url: `${app.url}/claims`, connections: 1, seconds: PAGE_SECONDS, headers });
  log(`pages c1 p50: reader ${reader.p50} ms · /claims ${claimsPage.p50} ms · floor ${floorPage.p50} ms`);
  rows.push(
    { name: "reader_p50_ms", unit: "ms", app: reader.p50, baseline: null, floor: floorPage.p50, target: "≤ 150", met: reader.p50 <= 150 },
    { name: "reader_p99_ms", unit: "ms", app: reader.p99, baseline: null, floor: floorPage.p99, target: null, met: null },
    { name: "claims_page_p50_ms", unit: "ms", app: claimsPage.p50, baseline: null, floor: floorPage.p50, target: null, met: null },
    { name: "claims_page_p99_ms", unit: "ms", app: claimsPage.p99, baseline: null, floor: floorPage.p99, target: null, met: null },
  );

  const search = await measureSearch(app, built.searchTerms, headers, (term) => `/api/v1/search?q=${encodeURIComponent(term)}&limit=5`);
  const evidenceSearch = await measureSearch(app, built.searchTerms, headers, (term) => `/api/v1/claims/search?q=${encodeURIComponent(term)}&limit=10`);
  log(`search over ${search.requests} requests: p50 ${search.p50.toFixed(1)} ms, p95 ${search.p95!.toFixed(1)} ms · evidence picker's claim search p95 ${evidenceSearch.p95!.toFixed(1)} ms`);
  // related claims of 24 claims spread over the desk (the scorer over BM25 and same-speaker candidates)
  const relatedIds = built.writableClaims.filter((_, i) => i % Math.max(1, Math.floor(built.writableClaims.length / 24)) === 0).slice(0, 24);
  const related = await measureSearch(app, relatedIds.map((c) => String(c.id)), headers, (id) => `/api/v1/claims/${id}/related`);
  log(`related claims over ${related.requests} requests: p50 ${related.p50.toFixed(1)} ms, p95 ${related.p95!.toFixed(1)} ms`);
  const dashboardPage = await load({ url: `${app.url}/`, connections: 1, seconds: PAGE_SECONDS, headers });
  log(`dashboard c1: p50 ${dashboardPage.p50} ms, p99 ${dashboardPage.p99} ms`);
  rows.push(
    { name: "search_p50_ms", unit: "ms", app: search.p50, baseline: null, floor: null, target: null, met: null },
    { name: "search_p95_ms", unit: "ms", app: search.p95!, baseline: null, floor: null, target: "≤ 10", met: search.p95! <= 10 },
    { name: "evidence_search_p95_ms", unit: "ms", app: evidenceSearch.p95!, baseline: null, floor: null, target: null, met: null },
    { name: "related_p50_ms", unit: "ms", app: related.p50, baseline: null, floor: null, target: null, met: null },
    { name: "related_p95_ms", unit: "ms", app: related.p95!, baseline: null, floor: null, target: "≤ 30", met: related.p95! <= 30 },
    { name: "dashboard_p50_ms", unit: "ms", app: dashboardPage.p50, baseline: null, floor: floorPage.p50, target: "≤ 50", met: dashboardPage.p50 <= 50 },
    { name: "dashboard_p99_ms", unit: "ms", app: dashboardPage.p99, baseline: null, floor: floorPage.p99, target: null, met: null },
    {
      name: "claims_page_vs_reader",
      unit: "×",
      app: claimsPage.p50 / reader.p50,
      baseline: null,
      floor: null,
      target: "≤ 3× reader",
      met: claimsPage.p50 <= 3 * reader.p50,
    },
  );

  // each side writes its own half of the claims, so neither meets the other's versions
  const half = Math.floor(built.writableClaims.length / 2);
  const appCheck = pg ? checkInPostgres(pg.pool) : checkInSqlite(desk.file);
  const writeRun = (server: Served, claims: typeof built.writableClaims, cookie?: string, clients = WRITERS) =>
    runVerdictWrites({ url: server.url, cookie, claims, clients, seconds: WRITE_SECONDS, check: server === bare ? checkInSqlite(desk.file) : appCheck });
  const writes = await writeRun(app, built.writableClaims.slice(0, half), cookie);
  const bareWrites = await writeRun(bare, built.writableClaims.slice(half));
  for (const [label, w] of [["app", writes], ["bare", bareWrites]] as const) {
    log(`verdict writes (${label}): ${w.acknowledged} acknowledged in ${WRITE_SECONDS} s (${w.writesPerS.toFixed(0)}/s), ${w.conflicts} conflicts, ${w.failures} other failures, ${w.lost} lost, ${w.versionMismatches} version mismatches`);
  }
  rows.push(
    { name: "verdict_writes_per_s", unit: "writes/s", app: writes.writesPerS, baseline: bareWrites.writesPerS, floor: null, target: "≥ 500", met: writes.writesPerS >= 500 },
    { name: "verdict_p99_ms", unit: "ms", app: writes.p99, baseline: bareWrites.p99, floor: null, target: null, met: null },
    { name: "verdict_lost", unit: "verdicts", app: writes.lost, baseline: bareWrites.lost, floor: null, target: "= 0", met: writes.lost === 0 },
    { name: "verdict_version_mismatch", unit: "claims", app: writes.versionMismatches, baseline: bareWrites.versionMismatches, floor: null, target: "= 0", met: writes.versionMismatches === 0 },
    { name: "verdict_failures", unit: "requests", app: writes.failures + writes.conflicts, baseline: bareWrites.failures + bareWrites.conflicts, floor: null, target: "= 0", met: writes.failures + writes.conflicts === 0 },
  );

  // uncompressed on both sides: fetch asks for gzip by default, which `next start` would then spend
  // the export's time on while the baseline sends plain bytes (a proxy in front usually compresses)
  const identity = { "accept-encoding": "identity" };
  const bareCsv = await measureExport(bare, "/report.csv", identity);
  const appCsv = await measureExport(app, "/api/v1/reports?format=csv", { ...headers, ...identity });
  log(`CSV export: app ${appCsv.seconds.toFixed(2)} s, +${appCsv.peakMb.toFixed(0)} MB, ${appCsv.mb.toFixed(1)} MB out · bare ${bareCsv.seconds.toFixed(2)} s, +${bareCsv.peakMb.toFixed(0)} MB, ${bareCsv.mb.toFixed(1)} MB out`);
  rows.push(
    { name: "csv_export_s", unit: "s", app: appCsv.seconds, baseline: bareCsv.seconds, floor: null, target: "≤ 2× baseline", met: appCsv.seconds <= 2 * bareCsv.seconds },
    { name: "csv_export_mem_mb", unit: "MB", app: appCsv.peakMb, baseline: bareCsv.peakMb, floor: null, target: "< 100", met: appCsv.peakMb < 100 },
    { name: "csv_export_size_mb", unit: "MB", app: appCsv.mb, baseline: bareCsv.mb, floor: null, target: null, met: null },
  );

  const imports = await measureImports(app, headers);
  log(`import with suggestions of a ${(imports.bytes / 1024).toFixed(1)} KB article, ${imports.requests} in a row: p50 ${imports.p50.toFixed(1)} ms, p95 ${imports.p95!.toFixed(1)} ms`);
  rows.push(
    { name: "import_p50_ms", unit: "ms", app: imports.p50, baseline: null, floor: null, target: "≤ 50", met: imports.p50 <= 50 },
    { name: "import_p95_ms", unit: "ms", app: imports.p95!, baseline: null, floor: null, target: null, met: null },
  );

  if (pg) {
    // a second app server on the same PostgreSQL database: one cookie for both (the session is in the database)
    const second = await startNext({ port: PORT + 2, databaseUrl, authSecret, logFile: path.join(logDir, "next-2.log") });
    const both = [app, second];
    const lists = await Promise.all(both.map((server) => load({ url: server.url + list, connections: 16, seconds: LIST_SECONDS, headers })));
    const listRps = lists.reduce((sum, l) => sum + l.rps, 0);
    const quarter = Math.floor(half / 2);
    const twoWrites = await Promise.all(both.map((server, i) => writeRun(server, built.writableClaims.slice(i * quarter, (i + 1) * quarter), cookie, WRITERS / 2)));
    const twoRate = twoWrites.reduce((sum, w) => sum + w.writesPerS, 0);
    const twoLost = twoWrites.reduce((sum, w) => sum + w.lost + w.versionMismatches, 0);
    log(`two app servers: list c16+16 ${listRps.toFixed(0)} req/s · verdict writes ${twoRate.toFixed(0)}/s, ${twoLost} lost or mismatched`);
    rows.push(
      { name: "two_servers_list_rps_c32", unit: "req/s", app: listRps, baseline: rows.find((r) => r.name === "list_rps_c32")!.app, floor: null, target: null, met: null },
      { name: "two_servers_verdict_writes_per_s", unit: "writes/s", app: twoRate, baseline: writes.writesPerS, floor: null, target: null, met: null },
      { name: "two_servers_verdict_lost", unit: "verdicts", app: twoLost, baseline: null, floor: null, target: "= 0", met: twoLost === 0 },
    );
    if (twoLost > 0) writes.lost += twoLost;
  }

  await stopAll();
  const bulk = measureBulkImport(databaseUrl);
  log(`npm run import of ${BULK_FILES} files: ${bulk.first.toFixed(1)} s (${bulk.firstLine}); again: ${bulk.second.toFixed(1)} s (${bulk.secondLine})`);
  rows.push(
    { name: "bulk_import_1000_s", unit: "s", app: bulk.first, baseline: null, floor: null, target: "< 60", met: bulk.first < 60 },
    { name: "bulk_import_rerun_s", unit: "s", app: bulk.second, baseline: null, floor: null, target: "< 15", met: bulk.second < 15 },
  );
  const m = { ...machine(sqliteVersion), ...(pg ? { postgres: pg.version } : {}) };
  await pg?.pool.end();
  console.log(`\nClaimdesk bench: ${DESK.claims.toLocaleString("en")} claims, ${DESK.verdicts.toLocaleString("en")} verdicts · ${m.cpus}, ${m.memory}, Node ${m.node}, SQLite ${m.sqlite}\n`);
  console.log(textTable(rows));
  console.log(`\nMarkdown (README, "Benchmarks"):\n\n${markdownTable(rows, m)}\n`);
  log(`wrote ${path.relative(process.cwd(), writeResults(rows, m))} · whole run ${((performance.now() - began) / 1000).toFixed(0)} s`);
  fs.rmSync(logDir, { recursive: true, force: true }); // kept only when something went wrong
  if (writes.lost > 0 || writes.versionMismatches > 0) {
    console.error("An acknowledged verdict is missing or a claim's version disagrees with its verdicts: see above.");
    process.exitCode = 1;
  }
}

/** The synthetic desk copied into the empty PostgreSQL database the app will run on (migrated first). */
async function copyIntoPostgres(url: string, file: string) {
  const [{ Pool }, { copySqliteToPg }, { default: Database }] = await Promise.all([import("pg"), import("@/db/pg/copy"), import("better-sqlite3")]);
  const pool = new Pool({ connectionString: url, max: 4 });
  const sqlite = new Database(file, { readonly: true });
  const t = performance.now();
  try {
    const report = await copySqliteToPg(sqlite, pool);
    const version = (await pool.query<{ v: string }>("select current_setting('server_version') as v")).rows[0]!.v;
    log(`copied into PostgreSQL ${version}: ${report.rows.toLocaleString("en")} rows in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    return { pool, version };
  } finally {
    sqlite.close();
  }
}

async function expectOk(url: string, headers: Record<string, string>) {
  const response = await fetch(url, { headers, redirect: "manual" });
  await response.body?.cancel();
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}: is CLAIMDESK_BENCH_FLOOR reaching the server, is the cookie accepted?`);
}

/** Search p50/p95, one request at a time (a reviewer typing), over the terms, several rounds. */
async function measureSearch(app: Served, terms: string[], headers: Record<string, string>, pathFor: (term: string) => string): Promise<Load> {
  const times: number[] = [];
  const started = performance.now();
  for (let round = 0; round < 6; round++) {
    for (const term of terms) {
      const t = performance.now();
      const response = await fetch(`${app.url}${pathFor(term)}`, { headers });
      if (response.status !== 200) throw new Error(`search "${term}" answered ${response.status}`);
      await response.arrayBuffer();
      if (round > 0) times.push(performance.now() - t); // round 0 warms up
    }
  }
  return { rps: times.length / ((performance.now() - started) / 1000), p50: percentile(times, 50), p95: percentile(times, 95), p99: percentile(times, 99), requests: times.length };
}

/**
 * Imports through the API, one after another, as a reviewer saving article
 * after article: each a different 5 KB article with quotations, predictions
 * and page furniture, cleaned, checked for duplicates against the whole desk,
 * given its suggested claims and saved. The first few warm up.
 */
async function measureImports(app: Served, headers: Record<string, string>): Promise<Load & { bytes: number }> {
  const times: number[] = [];
  let bytes = 0;
  const started = performance.now();
  for (let i = 0; i < 45; i++) {
    const { text } = benchArticle(100_000 + i);
    const t = performance.now();
    const response = await fetch(`${app.url}/api/v1/sources`, {
      method: "POST",
      headers: { ...headers, origin: app.url, "content-type": "application/json" },
      body: JSON.stringify({ raw: text, format: "text" }),
    });
    if (response.status !== 201) throw new Error(`import answered ${response.status}: ${await response.text()}`);
    await response.arrayBuffer();
    if (i >= 5) {
      times.push(performance.now() - t);
      bytes = Math.max(bytes, Buffer.byteLength(text));
    }
  }
  return { rps: times.length / ((performance.now() - started) / 1000), p50: percentile(times, 50), p95: percentile(times, 95), p99: percentile(times, 99), requests: times.length, bytes };
}

const BULK_FILES = 1000;

/** `npm run import` of 1,000 generated article files into the desk, then the same command again. */
function measureBulkImport(databaseUrl: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "claimdesk-bench-import-"));
  for (let n = 0; n < BULK_FILES; n++) {
    const { name, text } = benchArticle(n);
    fs.writeFileSync(path.join(dir, name), text);
  }
  const run = () => {
    const t = performance.now();
    const result = spawnSync("npm", ["run", "-s", "import", "--", dir, "--quiet"], {
      env: { ...process.env, DATABASE_URL: databaseUrl },
      encoding: "utf8",
    });
    const seconds = (performance.now() - t) / 1000;
    const line = result.stdout.split("\n").find((l) => l.startsWith("imported")) ?? `no summary (exit ${result.status}): ${result.stderr.slice(0, 300)}`;
    return { seconds, line };
  };
  const first = run();
  const second = run();
  fs.rmSync(dir, { recursive: true, force: true });
  return { first: first.seconds, firstLine: first.line, second: second.seconds, secondLine: second.line };
}

/** One export over HTTP, read to the end as fast as possible: seconds, the server's peak RSS growth, size. */
async function measureExport(server: Served, pathname: string, headers: Record<string, string>) {
  const before = processMemory(server.pid).rss;
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, processMemory(server.pid).rss)), 10);
  const t = performance.now();
  const response = await fetch(server.url + pathname, { headers });
  if (response.status !== 200 || !response.body) throw new Error(`${pathname} answered ${response.status}`);
  let bytes = 0;
  const reader = response.body.getReader();
  for (let part = await reader.read(); !part.done; part = await reader.read()) bytes += part.value.byteLength;
  const seconds = (performance.now() - t) / 1000;
  clearInterval(timer);
  peak = Math.max(peak, processMemory(server.pid).rss);
  return { seconds, peakMb: (peak - before) / 2 ** 20, mb: bytes / 2 ** 20 };
}

async function shutdown(code: number) {
  await stopAll();
  cleanup();
  process.exit(code);
}
process.on("SIGINT", () => void shutdown(130));
process.on("SIGTERM", () => void shutdown(143));

main()
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    console.error(`Server logs: ${logDir}`);
    process.exitCode = 1;
  })
  .finally(async () => {
    await stopAll();
    cleanup();
  });
