/**
 * Measures the claim list query behind /claims and GET /api/v1/claims on a
 * synthetic desk (default 100 sources, 20,000 claims; BENCH_CLAIMS to change),
 * in a temporary database. It prints figures; it passes or fails nothing.
 *
 *   npm run bench:list
 */
import { openTempDesk } from "./support/temp-desk";

const CLAIMS = Number(process.env.BENCH_CLAIMS ?? 20_000);
const SOURCES = 100;
const SPEAKERS = 200;
const RUNS = 300;

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const desk = openTempDesk("list-bench");

async function main() {
  const { sqlite } = await desk;
  const { listClaims } = await import("@/db/queries/claims");
  const built = performance.now();
  const body = "Lorem ipsum dolor sit amet, consectetur adipiscing elit. ".repeat(70);
  const insertSource = sqlite.prepare(
    `insert into sources (title, outlet, published_at, body, created_by) values (?, 'Bench Daily', '2024-01-01T00:00:00+00:00', ?, 1)`,
  );
  const insertSpeaker = sqlite.prepare(`insert into speakers (name, name_key, kind) values (?, ?, 'person')`);
  const insertClaim = sqlite.prepare(
    `insert into claims (source_id, speaker_id, quote, start_offset, end_offset, prefix, suffix, type, status, created_by)
     values (?, ?, 'Lorem ipsum', 0, 11, '', ' dolor sit amet, consectetur adi', ?, ?, 1)`,
  );
  const statuses = ["pending", "corroborated", "contradicted"];
  const types = ["statement", "prediction", "statistic", "attribution"];
  sqlite.transaction(() => {
    for (let i = 1; i <= SOURCES; i++) insertSource.run(`Source ${i}`, body);
    for (let i = 1; i <= SPEAKERS; i++) insertSpeaker.run(`Speaker ${i}`, `speaker${i}`);
    for (let i = 0; i < CLAIMS; i++) insertClaim.run((i % SOURCES) + 1, (i % SPEAKERS) + 1, types[i % 4], statuses[i % 3]);
  })();
  const buildMs = performance.now() - built;

  const cases: Array<[string, Parameters<typeof listClaims>[0]]> = [
    ["first page, no filter", { limit: 50 }],
    ["status=pending", { status: "pending", limit: 50 }],
    ["speaker + status", { speakerId: 7, status: "pending", limit: 50 }],
    ["source, limit 200", { sourceId: 3, limit: 200 }],
  ];
  console.log(`Synthetic desk: ${SOURCES} sources, ${SPEAKERS} speakers, ${CLAIMS} claims (built in ${buildMs.toFixed(0)} ms)`);
  console.log(`${"query".padEnd(24)} ${"p50 ms".padStart(8)} ${"p95 ms".padStart(8)} ${"pages/s".padStart(9)}`);
  for (const [name, filters] of cases) {
    const times: number[] = [];
    let cursor: number | undefined;
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      const page = await listClaims({ ...filters, cursor });
      times.push(performance.now() - t);
      cursor = page.nextCursor ?? undefined; // walk forward, as a client paging through would
    }
    times.sort((a, b) => a - b);
    const mean = times.reduce((a, b) => a + b, 0) / times.length;
    console.log(
      `${name.padEnd(24)} ${percentile(times, 50).toFixed(2).padStart(8)} ${percentile(times, 95).toFixed(2).padStart(8)} ${(1000 / mean).toFixed(0).padStart(9)}`,
    );
  }
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(async () => (await desk).remove());
