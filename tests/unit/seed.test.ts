import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { verifyPassword } from "@/lib/auth/password";
import { CONTEXT_LENGTH } from "@/lib/anchoring/anchor";
import { seedDesk, type SeedReport } from "@/seed/seed-desk";

const sqlite = () => getDb().$client;
const TABLES = ["users", "sources", "speakers", "speaker_aliases", "claims", "verdicts", "evidence", "audit_log"] as const;

function tableCounts(): Record<string, number> {
  return Object.fromEntries(
    TABLES.map((t) => [t, (sqlite().prepare(`select count(*) as n from ${t}`).get() as { n: number }).n]),
  );
}

type ClaimRow = {
  id: number;
  quote: string;
  start_offset: number;
  end_offset: number;
  prefix: string;
  suffix: string;
  type: string;
  status: string;
  version: number;
  resolves_on: string | null;
  body: string;
  speaker: string;
};

function allClaims(): ClaimRow[] {
  return sqlite()
    .prepare(
      `select c.*, s.body, sp.name as speaker from claims c
       join sources s on s.id = c.source_id join speakers sp on sp.id = c.speaker_id order by c.id`,
    )
    .all() as ClaimRow[];
}

/** The one claim whose quote contains the text: found by meaning, never by id. */
function claimQuoting(text: string): ClaimRow {
  const found = allClaims().filter((c) => c.quote.includes(text));
  expect(found, `claims quoting "${text}"`).toHaveLength(1);
  return found[0]!;
}

let first: SeedReport;
let second: SeedReport;
let countsAfterFirst: Record<string, number>;

beforeAll(async () => {
  first = await seedDesk();
  countsAfterFirst = tableCounts();
  second = await seedDesk();
});

describe("seedDesk", () => {
  it("creates the desk once and leaves it alone the second time", () => {
    expect(first.created.sources).toBe(3);
    expect(first.created.speakers).toBeGreaterThan(0);
    expect(first.created.claims).toBeGreaterThanOrEqual(15);
    expect(first.created.verdicts).toBeGreaterThan(0);
    expect(second.created).toEqual({ sources: 0, speakers: 0, claims: 0, verdicts: 0 });
    expect(tableCounts()).toEqual(countsAfterFirst);
  });

  it("reports the demo password as coming from DEMO_PASSWORD", () => {
    expect(first.credentials.origin).toBe("DEMO_PASSWORD");
    expect(first.credentials.password).toBe(process.env.DEMO_PASSWORD);
    expect(first.credentials.file).toBeNull();
    expect(second.credentials.origin).toBe("DEMO_PASSWORD");
  });

  it("anchors every claim exactly in its source body", () => {
    const claims = allClaims();
    expect(claims.length).toBeGreaterThanOrEqual(15);
    for (const c of claims) {
      expect(c.body.slice(c.start_offset, c.end_offset)).toBe(c.quote);
      expect(c.prefix).toBe(c.body.slice(Math.max(0, c.start_offset - CONTEXT_LENGTH), c.start_offset));
      expect(c.suffix).toBe(c.body.slice(c.end_offset, c.end_offset + CONTEXT_LENGTH));
    }
  });

  it("attributes the 23 February prediction to Doo Jin-ho", () => {
    const c = claimQuoting("visit Russia on Feb. 23 next year");
    expect(c.speaker).toBe("Doo Jin-ho");
    expect(c.type).toBe("prediction");
    expect(c.resolves_on).toBe("2025-02-23");
  });

  it("attributes the 11th Army Corps claim to Kyunghyang Shinmun", () => {
    expect(claimQuoting("11th Army Corps").speaker).toBe("Kyunghyang Shinmun");
  });

  it("corroborates the scheduled Moscow arrival with the reported arrival", () => {
    const scheduled = claimQuoting("scheduled to arrive in Moscow on Wednesday");
    const arrived = claimQuoting("Choi arrived in Moscow on October 30");
    expect(scheduled.status).toBe("corroborated");
    // by the passage of the Kyunghyang article that reports the arrival
    const links = sqlite()
      .prepare("select e.stance, substr(s.body, e.target_start + 1, e.target_end - e.target_start) as passage from evidence e join sources s on s.id = e.target_source_id where e.claim_id = ?")
      .all(scheduled.id) as Array<{ stance: string; passage: string }>;
    expect(links).toEqual([{ stance: "supports", passage: "Choi arrived in Moscow on October 30" }]);
    // the claim on that passage is not cited yet: linking the two claims is a reviewer's first task on the desk
    expect(sqlite().prepare("select count(*) as n from evidence where claim_id = ? and target_claim_id = ?").get(scheduled.id, arrived.id)).toEqual({ n: 0 });
  });

  it("gives each claim version 1 plus its number of verdicts", () => {
    const verdictCount = sqlite().prepare("select count(*) as n from verdicts where claim_id = ?");
    const claims = allClaims();
    for (const c of claims) {
      const { n } = verdictCount.get(c.id) as { n: number };
      expect(c.version, c.quote).toBe(1 + n);
    }
    // the scheduled arrival went pending, then corroborated
    expect(claimQuoting("scheduled to arrive in Moscow on Wednesday").version).toBe(3);
  });

  it("writes an audit row for every seeded row", () => {
    const audited = (entity: string, action: string, table: string) => {
      const missing = sqlite()
        .prepare(
          `select t.id from ${table} t where not exists (
             select 1 from audit_log a where a.entity = ? and a.entity_id = t.id and (a.action = ? or a.action like ? || ' (%')
           )`,
        )
        .all(entity, action, action);
      expect(missing, `${table} rows without a ${action} audit row`).toEqual([]);
    };
    audited("user", "user.create", "users");
    audited("source", "source.create", "sources");
    audited("speaker", "speaker.create", "speakers");
    audited("claim", "claim.create", "claims");

    const count = (statement: string) => (sqlite().prepare(statement).get() as { n: number }).n;
    expect(count("select count(*) as n from audit_log where action = 'claim.create'")).toBe(count("select count(*) as n from claims"));
    expect(count("select count(*) as n from audit_log where action = 'verdict.record'")).toBe(count("select count(*) as n from verdicts"));
  });

  it("creates the three demo accounts with the DEMO_PASSWORD", async () => {
    const accounts = sqlite().prepare("select email, role, password_hash from users order by id").all() as Array<{
      email: string;
      role: string;
      password_hash: string;
    }>;
    expect(accounts.map((a) => [a.email, a.role])).toEqual([
      ["admin@example.org", "admin"],
      ["reviewer@example.org", "reviewer"],
      ["viewer@example.org", "viewer"],
    ]);
    const viewer = accounts.find((a) => a.role === "viewer")!;
    expect(await verifyPassword(viewer.password_hash, process.env.DEMO_PASSWORD!)).toBe(true);
    expect(await verifyPassword(viewer.password_hash, "not-the-demo-password")).toBe(false);
  });
});
