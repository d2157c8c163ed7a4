import { beforeAll, describe, expect, it } from "vitest";
import { rawAll } from "@/db/raw";
import { verifyPassword } from "@/lib/auth/password";
import { CONTEXT_LENGTH } from "@/lib/anchoring/anchor";
import { seedDesk, type SeedReport } from "@/seed/seed-desk";
import { countRows } from "./support/rows";

const TABLES = ["users", "sources", "speakers", "speaker_aliases", "claims", "verdicts", "evidence", "audit_log"] as const;

async function tableCounts(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const t of TABLES) counts[t] = await countRows(t);
  return counts;
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

function allClaims(): Promise<ClaimRow[]> {
  return rawAll<ClaimRow>(
    `select c.*, s.body, sp.name as speaker from claims c
     join sources s on s.id = c.source_id join speakers sp on sp.id = c.speaker_id order by c.id`,
  );
}

/** The one claim whose quote contains the text: found by meaning, never by id. */
async function claimQuoting(text: string): Promise<ClaimRow> {
  const found = (await allClaims()).filter((c) => c.quote.includes(text));
  expect(found, `claims quoting "${text}"`).toHaveLength(1);
  return found[0]!;
}

let first: SeedReport;
let second: SeedReport;
let countsAfterFirst: Record<string, number>;

beforeAll(async () => {
  first = await seedDesk();
  countsAfterFirst = await tableCounts();
  second = await seedDesk();
});

describe("seedDesk", () => {
  it("creates the desk once and leaves it alone the second time", async () => {
    expect(first.created.sources).toBe(3);
    expect(first.created.speakers).toBeGreaterThan(0);
    expect(first.created.claims).toBeGreaterThanOrEqual(15);
    expect(first.created.verdicts).toBeGreaterThan(0);
    expect(second.created).toEqual({ sources: 0, speakers: 0, claims: 0, verdicts: 0 });
    expect(await tableCounts()).toEqual(countsAfterFirst);
  });

  it("reports the demo password as coming from DEMO_PASSWORD", () => {
    expect(first.credentials.origin).toBe("DEMO_PASSWORD");
    expect(first.credentials.password).toBe(process.env.DEMO_PASSWORD);
    expect(first.credentials.file).toBeNull();
    expect(second.credentials.origin).toBe("DEMO_PASSWORD");
  });

  it("anchors every claim exactly in its source body", async () => {
    const claims = await allClaims();
    expect(claims.length).toBeGreaterThanOrEqual(15);
    for (const c of claims) {
      expect(c.body.slice(c.start_offset, c.end_offset)).toBe(c.quote);
      expect(c.prefix).toBe(c.body.slice(Math.max(0, c.start_offset - CONTEXT_LENGTH), c.start_offset));
      expect(c.suffix).toBe(c.body.slice(c.end_offset, c.end_offset + CONTEXT_LENGTH));
    }
  });

  it("attributes the 23 February prediction to Doo Jin-ho", async () => {
    const c = await claimQuoting("visit Russia on Feb. 23 next year");
    expect(c.speaker).toBe("Doo Jin-ho");
    expect(c.type).toBe("prediction");
    expect(c.resolves_on).toBe("2025-02-23");
  });

  it("attributes the 11th Army Corps claim to Kyunghyang Shinmun", async () => {
    expect((await claimQuoting("11th Army Corps")).speaker).toBe("Kyunghyang Shinmun");
  });

  it("corroborates the scheduled Moscow arrival with the reported arrival", async () => {
    const scheduled = await claimQuoting("scheduled to arrive in Moscow on Wednesday");
    const arrived = await claimQuoting("Choi arrived in Moscow on October 30");
    expect(scheduled.status).toBe("corroborated");
    // by the passage of the Kyunghyang article that reports the arrival
    const links = await rawAll<{ stance: string; passage: string }>(
      "select e.stance, substr(s.body, e.target_start + 1, e.target_end - e.target_start) as passage from evidence e join sources s on s.id = e.target_source_id where e.claim_id = ?",
      [scheduled.id],
    );
    expect(links).toEqual([{ stance: "supports", passage: "Choi arrived in Moscow on October 30" }]);
    // the claim on that passage is not cited yet: linking the two claims is a reviewer's first task on the desk
    expect(await countRows("evidence where claim_id = ? and target_claim_id = ?", scheduled.id, arrived.id)).toBe(0);
  });

  it("gives each claim version 1 plus its number of verdicts", async () => {
    const claims = await allClaims();
    for (const c of claims) expect(c.version, c.quote).toBe(1 + (await countRows("verdicts where claim_id = ?", c.id)));
    // the scheduled arrival went pending, then corroborated
    expect((await claimQuoting("scheduled to arrive in Moscow on Wednesday")).version).toBe(3);
  });

  it("writes an audit row for every seeded row", async () => {
    const audited = async (entity: string, action: string, table: string) => {
      const missing = await rawAll(
        `select t.id from ${table} t where not exists (
           select 1 from audit_log a where a.entity = ? and a.entity_id = t.id and (a.action = ? or a.action like ?)
         )`,
        [entity, action, `${action} (%`],
      );
      expect(missing, `${table} rows without a ${action} audit row`).toEqual([]);
    };
    await audited("user", "user.create", "users");
    await audited("source", "source.create", "sources");
    await audited("speaker", "speaker.create", "speakers");
    await audited("claim", "claim.create", "claims");

    expect(await countRows("audit_log where action = 'claim.create'")).toBe(await countRows("claims"));
    expect(await countRows("audit_log where action = 'verdict.record'")).toBe(await countRows("verdicts"));
  });

  it("creates the three demo accounts with the DEMO_PASSWORD", async () => {
    const accounts = await rawAll<{ email: string; role: string; password_hash: string }>("select email, role, password_hash from users order by id");
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
