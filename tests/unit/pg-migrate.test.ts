/**
 * The PostgreSQL migrations on a real throwaway cluster (initdb on loopback):
 * two servers migrating at once apply each migration once, under the
 * advisory lock; the append-only rule for verdicts and audit rows is the
 * database's own. Skipped, with the reason, where PostgreSQL is not
 * installed (`apt-get install -y postgresql`).
 */
import { Pool } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migratePg } from "@/db/pg/migrate";
import { locatePgBin, startCluster, type Cluster } from "@/scripts/support/pg-cluster";

const found = locatePgBin();
if (!found.ok) console.warn(`PostgreSQL tests skipped: ${found.message}`);

describe.skipIf(!found.ok)("PostgreSQL migrations", () => {
  let cluster: Cluster;
  const pools: Pool[] = [];
  const pool = () => {
    const p = new Pool({ connectionString: cluster.url, max: 2 });
    pools.push(p);
    return p;
  };

  beforeAll(async () => {
    cluster = await startCluster();
  }, 60_000);

  afterAll(async () => {
    await Promise.all(pools.map((p) => p.end()));
    await cluster?.stop();
  }, 60_000);

  it("two servers migrating at once apply each migration once", async () => {
    const [a, b] = await Promise.all([migratePg(pool()), migratePg(pool())]);
    const files = (await import("node:fs")).readdirSync("db/migrations/pg").filter((f) => f.endsWith(".sql")).length;
    expect(a).toBe(files);
    expect(b).toBe(files);
    const { rows } = await pool().query<{ n: string }>("select count(*) as n from drizzle.__drizzle_migrations");
    expect(Number(rows[0]!.n)).toBe(files);
    // and again later: nothing to do
    expect(await migratePg(pool())).toBe(files);
  }, 60_000);

  it("stems English words as SQLite's porter index does, keeps Hangul words whole, and every table's stored word vector and index are built on it", async () => {
    const db = pool();
    const vector = async (text: string) =>
      (await db.query<{ v: string }>("select to_tsvector('public.claimdesk_words', public.f_unaccent($1))::text as v", [text])).rows[0]!.v;
    expect(await vector("Missiles launched; Chóe arrived")).toBe("'arriv':4 'choe':3 'launch':2 'missil':1");
    expect(await vector("북한의 외무상은 the")).toBe("'the':3 '북한의':1 '외무상은':2");
    const indexes = (await db.query<{ indexdef: string }>("select indexdef from pg_indexes where indexname like '%\\_fts'")).rows.map((r) => r.indexdef);
    expect(indexes).toHaveLength(6);
    for (const def of indexes) expect(def).toMatch(/USING gin \(search_words\)/);
    const vectors = (await db.query<{ table_name: string; generation_expression: string }>(
      "select table_name, generation_expression from information_schema.columns where column_name = 'search_words'",
    )).rows;
    expect(vectors.map((v) => v.table_name).sort()).toEqual(["claims", "evidence", "sources", "speaker_aliases", "speakers", "verdicts"]);
    for (const v of vectors) expect(v.generation_expression).toContain("claimdesk_words");
  }, 60_000);

  it("refuses to change or remove a verdict or an audit row", async () => {
    const db = pool();
    const user = await db.query<{ id: number }>(
      "insert into users (email, name, password_hash, role) values ('pg@example.org', 'PG Reviewer', 'x', 'reviewer') returning id",
    );
    const userId = user.rows[0]!.id;
    const source = await db.query<{ id: number }>(
      "insert into sources (title, outlet, published_at, body, created_by) values ('T', 'O', '2024-11-04T18:35:00+09:00', 'The minister said the harvest grew.', $1) returning id",
      [userId],
    );
    const speaker = await db.query<{ id: number }>("insert into speakers (name, name_key, kind) values ('Minister', 'minister', 'person') returning id");
    const claim = await db.query<{ id: number }>(
      "insert into claims (source_id, speaker_id, quote, start_offset, end_offset, prefix, suffix, type, created_by) values ($1, $2, 'the harvest grew', 18, 34, '', '', 'statement', $3) returning id",
      [source.rows[0]!.id, speaker.rows[0]!.id, userId],
    ).catch(async (error) => {
      // column names differ from this guess: read them from the schema rather than fail obscurely
      throw new Error(`${error.message}; claims columns: ${(await db.query<{ column_name: string }>("select column_name from information_schema.columns where table_name = 'claims'")).rows.map((r) => r.column_name).join(", ")}`);
    });
    const verdict = await db.query<{ id: number }>("insert into verdicts (claim_id, reviewer_id, status, rationale) values ($1, $2, 'corroborated', 'Checked.') returning id", [
      claim.rows[0]!.id,
      userId,
    ]);
    await expect(db.query("update verdicts set rationale = 'changed' where id = $1", [verdict.rows[0]!.id])).rejects.toThrow(/append-only/);
    await expect(db.query("delete from verdicts where id = $1", [verdict.rows[0]!.id])).rejects.toThrow(/append-only/);
    await db.query("insert into audit_log (actor_id, action, entity, entity_id) values ($1, 'test', 'test', null)", [userId]);
    await expect(db.query("update audit_log set action = 'changed'")).rejects.toThrow(/append-only/);
    await expect(db.query("delete from audit_log")).rejects.toThrow(/append-only/);
  }, 60_000);
});
