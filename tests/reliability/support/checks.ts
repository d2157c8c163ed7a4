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
