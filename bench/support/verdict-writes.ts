import Database from "better-sqlite3";
import type { Pool } from "pg";

type Claim = { id: number; version: number };

export type WriteRun = { writesPerS: number; acknowledged: number; conflicts: number; failures: number; lost: number; versionMismatches: number; p99: number };

/**
 * `clients` concurrent writers POST verdicts for `seconds` through the app's
 * door (POST /api/v1/claims/{id}/verdicts, as a signed-in reviewer). Each
 * writer owns its own claims and keeps each claim's current version from the
 * answers, so every write is a real append rather than a 409. Then, from the
 * database (`check`): every verdict answered with 201 must be there, on its
 * claim, and each touched claim's version must be 1 + its verdict count.
 */
export async function runVerdictWrites(options: {
  url: string;
  /** the session cookie for the app; the bare baseline takes none */
  cookie?: string;
  claims: Claim[];
  clients: number;
  seconds: number;
  check: Checker;
}): Promise<WriteRun> {
  const acked: Array<{ verdictId: number; claimId: number }> = [];
  const latencies: number[] = [];
  let conflicts = 0;
  let failures = 0;
  const touched = new Set<number>();
  const deadline = Date.now() + options.seconds * 1000;
  const started = performance.now();

  const writer = async (mine: Claim[]) => {
    for (let i = 0; Date.now() < deadline; i++) {
      const claim = mine[i % mine.length]!;
      const status = i % 2 ? "corroborated" : "contradicted";
      const t = performance.now();
      const response = await fetch(`${options.url}/api/v1/claims/${claim.id}/verdicts`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: options.url, ...(options.cookie ? { cookie: options.cookie } : {}) },
        body: JSON.stringify({ status, rationale: `Bench verdict ${i} on claim ${claim.id}`, baseVersion: claim.version }),
      });
      latencies.push(performance.now() - t);
      touched.add(claim.id);
      if (response.status === 201) {
        // both the app and the bare baseline answer with the claim's new version and the verdict
        const body = (await response.json()) as { version: number; verdict: { id: number } };
        acked.push({ verdictId: body.verdict.id, claimId: claim.id });
        claim.version = body.version;
      } else if (response.status === 409) {
        conflicts++;
        const body = (await response.json()) as { error: { current?: { version: number } } };
        if (body.error.current) claim.version = body.error.current.version;
      } else {
        failures++;
        await response.body?.cancel();
      }
    }
  };
  const share = Math.floor(options.claims.length / options.clients);
  await Promise.all(Array.from({ length: options.clients }, (_, c) => writer(options.claims.slice(c * share, (c + 1) * share))));
  const seconds = (performance.now() - started) / 1000;

  const { lost, versionMismatches } = await options.check(acked, [...touched]);
  latencies.sort((a, b) => a - b);
  return {
    writesPerS: acked.length / seconds,
    acknowledged: acked.length,
    conflicts,
    failures,
    lost,
    versionMismatches,
    p99: latencies[Math.ceil(latencies.length * 0.99) - 1] ?? NaN,
  };
}

type Acked = Array<{ verdictId: number; claimId: number }>;
/** How many acknowledged verdicts are missing, and how many touched claims' versions disagree with their verdicts. */
export type Checker = (acked: Acked, touched: number[]) => Promise<{ lost: number; versionMismatches: number }>;

/** The check read from an SQLite file, on a read-only connection of its own. */
export function checkInSqlite(file: string): Checker {
  return async (acked, touched) => {
    const db = new Database(file, { readonly: true });
    try {
      const found = db.prepare(`select claim_id from verdicts where id = ?`).pluck();
      const check = db.prepare(`select c.version - 1 = (select count(*) from verdicts v where v.claim_id = c.id) from claims c where c.id = ?`).pluck();
      return { lost: acked.filter((a) => found.get(a.verdictId) !== a.claimId).length, versionMismatches: touched.filter((id) => check.get(id) !== 1).length };
    } finally {
      db.close();
    }
  };
}

/** The same check read from PostgreSQL, in two statements over all the ids. */
export function checkInPostgres(pool: Pool): Checker {
  return async (acked, touched) => {
    const found = await pool.query<{ id: number; claim_id: number }>("select id, claim_id from verdicts where id = any($1::int[])", [acked.map((a) => a.verdictId)]);
    const claimOf = new Map(found.rows.map((r) => [r.id, r.claim_id]));
    const bad = await pool.query<{ n: number }>(
      "select cast(count(*) as integer) as n from claims c where c.id = any($1::int[]) and c.version - 1 <> (select count(*) from verdicts v where v.claim_id = c.id)",
      [touched],
    );
    return { lost: acked.filter((a) => claimOf.get(a.verdictId) !== a.claimId).length, versionMismatches: bad.rows[0]!.n };
  };
}
