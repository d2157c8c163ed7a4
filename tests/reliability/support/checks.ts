import { Client } from "pg";
import { expect } from "vitest";
import { openForCheck } from "./desk";
import type { Ack } from "./writers";

const TABLE_OF: Record<Ack["kind"], string> = { verdict: "verdicts", claim: "claims", speaker: "speakers", alias: "speaker_aliases" };

/**
 * What must hold of the database after anything (a crash, two writers, a
 * restore): SQLite finds no damage, no foreign key dangles, every write that
 * was acknowledged is there, each claim's version is 1 + its verdicts (only
 * verdicts move a version in these runs), and every verdict has its audit row.
 */
export function expectConsistent(file: string, acks: Ack[], label = "") {
  const db = openForCheck(file);
  try {
    expect(db.pragma("integrity_check", { simple: true }), `${label} integrity_check`).toBe("ok");
    expect(db.pragma("foreign_key_check"), `${label} foreign_key_check`).toEqual([]);
    for (const kind of Object.keys(TABLE_OF) as Array<Ack["kind"]>) {
      const wanted = acks.filter((a) => a.kind === kind);
      if (wanted.length === 0) continue;
      const present = new Set((db.prepare(`select id from ${TABLE_OF[kind]}`).all() as Array<{ id: number }>).map((r) => r.id));
      const lost = wanted.filter((a) => !present.has(a.id)).map((a) => a.id);
      expect(lost, `${label} acknowledged ${kind} writes missing`).toEqual([]);
    }
    const wrongClaim = acks
      .filter((a) => a.kind === "verdict")
      .filter((a) => (db.prepare("select claim_id as c from verdicts where id = ?").get(a.id) as { c: number }).c !== a.claimId);
    expect(wrongClaim, `${label} verdicts on another claim than acknowledged`).toEqual([]);
    expect(versionMismatches(db), `${label} claims whose version is not 1 + their verdicts`).toEqual([]);
    const unaudited = db
      .prepare(
        `select count(*) as n from verdicts v where not exists (select 1 from audit_log a where a.action like 'verdict.record%'
           and a.entity = 'claim' and a.entity_id = v.claim_id and json_extract(a.after, '$.verdictId') = v.id)`,
      )
      .get() as { n: number };
    expect(unaudited.n, `${label} verdicts without their audit row`).toBe(0);
  } finally {
    db.close();
  }
}

export function versionMismatches(db: ReturnType<typeof openForCheck>) {
  return db
    .prepare(
      `select c.id, c.version, (select count(*) from verdicts v where v.claim_id = c.id) as verdicts
         from claims c where c.version != 1 + (select count(*) from verdicts v where v.claim_id = c.id)`,
    )
    .all();
}

export const verdictIds = (file: string): Set<number> => {
  const db = openForCheck(file);
  try {
    return new Set((db.prepare("select id from verdicts").all() as Array<{ id: number }>).map((r) => r.id));
  } finally {
    db.close();
  }
};

/**
 * expectConsistent for a PostgreSQL desk, read through `pg` directly (not the
 * app's code): every acknowledged write is there, each acknowledged verdict
 * on its claim, each claim's version is 1 + its verdicts, and every verdict,
 * claim, speaker and alias acknowledged has its audit row. Foreign keys and
 * checks are PostgreSQL's own to enforce: it never holds a row that breaks them.
 */
export async function expectConsistentPg(url: string, acks: Ack[], label = "") {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const ids = async (query: string) => new Set((await client.query<{ id: number }>(query)).rows.map((r) => Number(r.id)));
    for (const kind of Object.keys(TABLE_OF) as Array<Ack["kind"]>) {
      const wanted = acks.filter((a) => a.kind === kind);
      if (wanted.length === 0) continue;
      const present = await ids(`select id from ${TABLE_OF[kind]}`);
      expect(wanted.filter((a) => !present.has(a.id)).map((a) => a.id), `${label} acknowledged ${kind} writes missing`).toEqual([]);
      const audited = await ids(AUDITED_IDS[kind]);
      expect(wanted.filter((a) => !audited.has(a.id)).map((a) => a.id), `${label} acknowledged ${kind} writes without their audit row`).toEqual([]);
    }
    const claimOf = new Map((await client.query<{ id: number; c: number }>("select id, claim_id as c from verdicts")).rows.map((r) => [r.id, r.c]));
    const wrongClaim = acks.filter((a) => a.kind === "verdict" && claimOf.get(a.id) !== a.claimId);
    expect(wrongClaim, `${label} verdicts on another claim than acknowledged`).toEqual([]);
    const mismatched = await client.query(
      `select c.id, c.version, (select count(*) from verdicts v where v.claim_id = c.id)::int as verdicts
         from claims c where c.version != 1 + (select count(*) from verdicts v where v.claim_id = c.id)`,
    );
    expect(mismatched.rows, `${label} claims whose version is not 1 + their verdicts`).toEqual([]);
    const unaudited = await client.query<{ n: number }>(
      `select count(*)::int as n from verdicts v where not exists (select 1 from audit_log a where a.action like 'verdict.record%'
         and a.entity = 'claim' and a.entity_id = v.claim_id and (a.after::json ->> 'verdictId')::int = v.id)`,
    );
    expect(unaudited.rows[0]!.n, `${label} verdicts without their audit row`).toBe(0);
  } finally {
    await client.end();
  }
}

/** The ids each kind of write names in its audit rows. */
const AUDITED_IDS: Record<Ack["kind"], string> = {
  verdict: "select (after::json ->> 'verdictId')::int as id from audit_log where action like 'verdict.record%'",
  claim: "select entity_id as id from audit_log where action = 'claim.create'",
  speaker: "select entity_id as id from audit_log where action = 'speaker.create'",
  alias: "select (after::json ->> 'id')::int as id from audit_log where action = 'speaker.add_alias'",
};

/** The verdict ids in a PostgreSQL desk. */
export async function verdictIdsPg(url: string): Promise<Set<number>> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return new Set((await client.query<{ id: number }>("select id from verdicts")).rows.map((r) => r.id));
  } finally {
    await client.end();
  }
}
