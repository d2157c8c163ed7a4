/**
 * The 100,000-claim CSV export: seconds and peak memory growth (RSS), for
 * Claimdesk's report path (the same generator the API streams) and for a bare
 * baseline (one SQL statement iterated by better-sqlite3 into csv-stringify).
 * A synthetic desk is built in a temporary database. It prints figures; it
 * passes or fails nothing.
 *
 *   npm run bench:report            (BENCH_CLAIMS=100000 by default)
 */
import { stringify } from "csv-stringify/sync";
import { openTempDesk } from "./support/temp-desk";

const desk = openTempDesk("report-bench");
const CLAIMS = Number(process.env.BENCH_CLAIMS ?? 100_000);
const SOURCES = 1_000;
const SPEAKERS = 2_000;

type Measured = { seconds: number; peakMb: number; bytes: number };

/** Runs a producer of text pieces, yielding to the event loop so RSS can be sampled. */
async function measure(pieces: Iterable<string> | AsyncIterable<string>): Promise<Measured> {
  global.gc?.();
  const base = process.memoryUsage().rss;
  let peak = base;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  const started = performance.now();
  let bytes = 0;
  let n = 0;
  for await (const piece of pieces) {
    bytes += Buffer.byteLength(piece);
    if (++n % 2 === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  const seconds = (performance.now() - started) / 1000;
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  return { seconds, peakMb: (peak - base) / 2 ** 20, bytes };
}

async function main() {
  const { sqlite } = await desk;
  const { reportPieces } = await import("@/lib/reports");
  const built = performance.now();
  const body = "Lorem ipsum dolor sit amet, consectetur adipiscing elit. 북한 외무상이 말했다. ".repeat(60);
  const statuses = ["pending", "corroborated", "contradicted"] as const;
  const types = ["statement", "prediction", "statistic", "attribution"];
  sqlite.transaction(() => {
    const source = sqlite.prepare(`insert into sources (title, outlet, published_at, body, created_by) values (?, 'Bench Daily', ?, ?, 1)`);
    for (let i = 1; i <= SOURCES; i++) source.run(`Source ${i}`, `2024-01-${String((i % 28) + 1).padStart(2, "0")}T09:00:00+09:00`, body);
    const speaker = sqlite.prepare(`insert into speakers (name, name_key, kind) values (?, ?, ?)`);
    for (let i = 1; i <= SPEAKERS; i++) speaker.run(`Speaker ${i}`, `speaker${i}`, i % 5 ? "person" : "organization");
    const claim = sqlite.prepare(
      `insert into claims (source_id, speaker_id, quote, start_offset, end_offset, prefix, suffix, type, status, version, proposition, created_by)
       values (?, ?, 'Lorem ipsum dolor sit amet', 0, 26, '', ', consectetur adipiscing elit. ', ?, ?, ?, ?, 1)`,
    );
    const verdict = sqlite.prepare(`insert into verdicts (claim_id, reviewer_id, status, rationale) values (?, 1, ?, ?)`);
    const evidence = sqlite.prepare(`insert into evidence (claim_id, verdict_id, url, stance, note, created_by) values (?, ?, ?, 'supports', 'bench', 1)`);
    for (let i = 0; i < CLAIMS; i++) {
      const status = statuses[i % 3]!;
      const id = Number(claim.run((i % SOURCES) + 1, (i % SPEAKERS) + 1, types[i % 4], status, status === "pending" ? 1 : 2, `Proposition ${i} =SUM(A1)`).lastInsertRowid);
      if (status !== "pending") {
        const v = Number(verdict.run(id, status, `Rationale for claim ${i}, with "quotes" and a comma`).lastInsertRowid);
        evidence.run(id, v, `https://example.org/evidence/${i}`);
      }
    }
  })();
  console.log(`Synthetic desk: ${SOURCES} sources, ${SPEAKERS} speakers, ${CLAIMS.toLocaleString("en")} claims (built in ${((performance.now() - built) / 1000).toFixed(1)} s)`);

  const bare = function* (): Generator<string> {
    yield "\uFEFF";
    const rows = sqlite
      .prepare(
        `select c.id, c.status, c.quote, c.proposition, c.type, sp.name, s.title, s.outlet, s.published_at, c.resolves_on
         from claims c join sources s on s.id = c.source_id join speakers sp on sp.id = c.speaker_id
         where c.deleted_at is null order by s.published_at desc, s.id, c.start_offset, c.id`,
      )
      .raw()
      .iterate() as Iterable<unknown[]>;
    let batch: unknown[][] = [];
    for (const row of rows) {
      batch.push(row);
      if (batch.length === 500) {
        yield stringify(batch);
        batch = [];
      }
    }
    yield stringify(batch);
  };

  const baseline = await measure(bare());
  const app = await measure(reportPieces("csv", {}));
  const fmt = (m: Measured) => `${m.seconds.toFixed(2).padStart(7)} s  ${m.peakMb.toFixed(1).padStart(6)} MB  ${(m.bytes / 2 ** 20).toFixed(1).padStart(6)} MB out`;
  console.log(`bare baseline (one SELECT → csv-stringify): ${fmt(baseline)}`);
  console.log(`Claimdesk CSV report (GET /api/v1/reports):  ${fmt(app)}`);
  console.log(`ratio app / baseline: ${(app.seconds / baseline.seconds).toFixed(2)}× time`);
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(async () => (await desk).remove());
