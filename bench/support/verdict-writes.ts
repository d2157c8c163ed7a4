import Database from "better-sqlite3";

type Claim = { id: number; version: number };

export type WriteRun = { writesPerS: number; acknowledged: number; conflicts: number; failures: number; lost: number; versionMismatches: number; p99: number };

/**
 * `clients` concurrent writers POST verdicts for `seconds` through the app's
 * door (POST /api/v1/claims/{id}/verdicts, as a signed-in reviewer). Each
 * writer owns its own claims and keeps each claim's current version from the
 * answers, so every write is a real append rather than a 409. Then, from the
 * database file: every verdict answered with 201 must be there, on its claim,
 * and each touched claim's version must be 1 + its verdict count.
 */
export async function runVerdictWrites(options: {
  url: string;
  /** the session cookie for the app; the bare baseline takes none */
  cookie?: string;
  claims: Claim[];
  clients: number;
  seconds: number;
  databaseFile: string;
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

  const db = new Database(options.databaseFile, { readonly: true });
  try {
    const found = db.prepare(`select claim_id from verdicts where id = ?`).pluck();
    const lost = acked.filter((a) => found.get(a.verdictId) !== a.claimId).length;
    const check = db.prepare(`select c.version - 1 = (select count(*) from verdicts v where v.claim_id = c.id) from claims c where c.id = ?`).pluck();
    const versionMismatches = [...touched].filter((id) => check.get(id) !== 1).length;
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
  } finally {
    db.close();
  }
}
