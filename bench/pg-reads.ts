/**
 * `npm run bench:pg-reads`: the desk's search and related claims on SQLite
 * and on PostgreSQL side by side, in process, on the same 100,000-claim
 * synthetic desk (issue 12). It builds the desk as `npm run bench` does,
 * copies it into a throwaway PostgreSQL cluster on loopback with db:copy
 * (db/pg/copy.ts), then asks both engines the bench's twelve search terms and
 * the related claims of 24 claims spread over the desk, alternating engines
 * query by query. It measures the two engines' read code without HTTP:
 * compare it with itself; `DATABASE_URL=postgres://… npm run bench` measures
 * the app over HTTP on PostgreSQL.
 *
 * Needs PostgreSQL's server programs (Debian's `postgresql` package).
 */
import { openTempDesk } from "./support/temp-desk";
import { buildSyntheticDesk } from "./support/synthetic-desk";
import { percentile } from "./support/load";
import { machine, markdownTable, textTable, type Row } from "./support/results";

const ROUNDS = 7;
const WARM_ROUNDS = 2;

const log = (line: string) => console.log(`[bench:pg-reads ${new Date().toISOString().slice(11, 19)}] ${line}`);

async function main() {
  const { locatePgBin, startCluster } = await import("@/scripts/support/pg-cluster");
  const found = locatePgBin();
  if (!found.ok) {
    console.error(found.message);
    process.exit(1);
  }
  const desk = await openTempDesk("pg-reads");
  let t = performance.now();
  const built = buildSyntheticDesk(desk.sqlite);
  log(`synthetic desk: ${built.counts.claims} claims in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  const { Pool } = await import("pg");
  const { copySqliteToPg } = await import("@/db/pg/copy");
  const { searchEverythingPg } = await import("@/db/pg/search");
  const { searchEverything } = await import("@/lib/search");
  const { relatedClaims, relatedClaimsPg } = await import("@/lib/claims/related");
  const cluster = await startCluster();
  const pool = new Pool({ connectionString: cluster.url, max: 4 });
  try {
    t = performance.now();
    const copied = await copySqliteToPg(desk.sqlite, pool);
    const copySeconds = (performance.now() - t) / 1000;
    log(`copied ${copied.rows} rows into PostgreSQL in ${copySeconds.toFixed(1)} s`);
    await pool.query("analyze");
    const version = (await pool.query<{ server_version: string }>("show server_version")).rows[0]!.server_version.split(" ")[0];

    const time = async (run: () => unknown) => {
      const started = performance.now();
      await run();
      return performance.now() - started;
    };
    const search = { sqlite: [] as number[], pg: [] as number[] };
    for (let round = 0; round < ROUNDS; round++) {
      for (const term of built.searchTerms) {
        const a = await time(() => searchEverything(term, { limit: 5 }));
        const b = await time(() => searchEverythingPg(pool, term, { limit: 5 }));
        if (round >= WARM_ROUNDS) {
          search.sqlite.push(a);
          search.pg.push(b);
        }
      }
    }
    const ids = built.writableClaims.filter((_, i) => i % Math.max(1, Math.floor(built.writableClaims.length / 24)) === 0).slice(0, 24).map((c) => c.id);
    const related = { sqlite: [] as number[], pg: [] as number[] };
    for (let round = 0; round < ROUNDS - 2; round++) {
      for (const id of ids) {
        const a = await time(() => relatedClaims(id));
        const b = await time(() => relatedClaimsPg(pool, id));
        if (round >= 1) {
          related.sqlite.push(a);
          related.pg.push(b);
        }
      }
    }
    const row = (name: string, unit: string, sqlite: number, pg: number): Row => ({ name, unit, app: pg, baseline: sqlite, floor: null, target: null, met: null });
    const rows: Row[] = [
      row("search_p50_ms", "ms", percentile(search.sqlite, 50), percentile(search.pg, 50)),
      row("search_p95_ms", "ms", percentile(search.sqlite, 95), percentile(search.pg, 95)),
      row("related_p50_ms", "ms", percentile(related.sqlite, 50), percentile(related.pg, 50)),
      row("related_p95_ms", "ms", percentile(related.sqlite, 95), percentile(related.pg, 95)),
      { name: "db_copy_s", unit: "s", app: copySeconds, baseline: null, floor: null, target: null, met: null },
    ];
    const m = machine(desk.sqlite.prepare("select sqlite_version()").pluck().get() as string);
    console.log(`\nIn the tables, "app" is PostgreSQL ${version} and "baseline" SQLite, both in this process.\n`);
    console.log(textTable(rows));
    console.log(`\n${markdownTable(rows, m)}`);
  } finally {
    await pool.end();
    await cluster.stop();
    desk.remove();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
