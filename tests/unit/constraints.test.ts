import { describe, expect, it } from "vitest";
import { getDb, getPool, transaction } from "@/db/client";
import { onPostgres } from "@/db/engine";
import { dollarPlaceholders, rawGet } from "@/db/raw";
import { createSource } from "@/lib/sources";
import { recordVerdict } from "@/lib/verdicts";
import { DEFAULT_BODY, SYSTEM, expectOk, makeClaim, makeSource, makeSpeaker, makeUser, unique } from "./support/factories";

/**
 * Raw SQL straight to the database, outside any door: zod never sees these
 * values, only the schema's own constraints. On SQLite through the write
 * connection, in a write of its own; on PostgreSQL one statement on the pool.
 */
async function run(statement: string, ...params: Array<string | number>): Promise<void> {
  if (onPostgres()) await getPool().query(dollarPlaceholders(statement), params);
  else await transaction((tx) => tx.$client.prepare(statement).run(...params));
}

/** A refused CHECK, as either engine words it: SQLite's "CHECK constraint failed: <name>", PostgreSQL's `violates check constraint "<name>"`. */
const checkFailed = (name: string) => new RegExp(`CHECK constraint failed: ${name}|violates check constraint "${name}"`);
const FOREIGN_KEY_FAILED = /FOREIGN KEY constraint failed|violates foreign key constraint/;
const UNIQUE_FAILED = /UNIQUE constraint failed|violates unique constraint/;

async function fixtures() {
  const user = await makeUser({ role: "admin" });
  const source = await makeSource();
  const speaker = await makeSpeaker();
  const claim = await makeClaim({ source, speakerId: speaker.id });
  return { user, source, speaker, claim };
}

function insertClaim(f: Awaited<ReturnType<typeof fixtures>>, overrides: { type?: string; status?: string; sourceId?: number }) {
  return run(
    `insert into claims (source_id, speaker_id, quote, start_offset, end_offset, prefix, suffix, type, status, created_by)
     values (?, ?, 'The minister', 0, 12, '', ' said', ?, ?, ?)`,
    overrides.sourceId ?? f.source.id,
    f.speaker.id,
    overrides.type ?? "statement",
    overrides.status ?? "pending",
    f.user.id,
  );
}

describe("CHECK constraints on enum columns", () => {
  it("users.role accepts the three roles and nothing else", async () => {
    const insert = (role: string) =>
      run("insert into users (email, name, password_hash, role) values (?, 'X', 'h', ?)", `${unique("role")}@x.org`, role);
    await insert("viewer");
    await expect(insert("superuser")).rejects.toThrow(checkFailed("users_role_check"));
    await expect(insert("Admin")).rejects.toThrow(checkFailed("users_role_check"));
  });

  it("claims.type and claims.status refuse unknown values", async () => {
    const f = await fixtures();
    await insertClaim(f, {});
    await expect(insertClaim(f, { type: "opinion" })).rejects.toThrow(checkFailed("claims_type_check"));
    await expect(insertClaim(f, { status: "true" })).rejects.toThrow(checkFailed("claims_status_check"));
  });

  it("verdicts.status refuses unknown values", async () => {
    const f = await fixtures();
    const insert = (status: string) =>
      run("insert into verdicts (claim_id, reviewer_id, status, rationale) values (?, ?, ?, 'r')", f.claim.id, f.user.id, status);
    await insert("contradicted");
    await expect(insert("mostly-true")).rejects.toThrow(checkFailed("verdicts_status_check"));
  });

  it("evidence.stance refuses unknown values", async () => {
    const f = await fixtures();
    const insert = (stance: string) =>
      run(
        "insert into evidence (claim_id, url, stance, created_by) values (?, 'https://example.org/a', ?, ?)",
        f.claim.id,
        stance,
        f.user.id,
      );
    await insert("refutes");
    await expect(insert("agrees")).rejects.toThrow(checkFailed("evidence_stance_check"));
  });

  it("speakers.kind refuses unknown values", async () => {
    const insert = (kind: string) => run("insert into speakers (name, name_key, kind) values ('N', 'n', ?)", kind);
    await insert("organization");
    await expect(insert("robot")).rejects.toThrow(checkFailed("speakers_kind_check"));
  });
});

describe("foreign keys", () => {
  it("a claim naming a source that does not exist is refused", async () => {
    const f = await fixtures();
    const { missing } = (await rawGet<{ missing: number }>("select coalesce(max(id), 0) + 1000 as missing from sources"))!;
    expect(await rawGet("select id from sources where id = ?", [missing])).toBeUndefined();
    await expect(insertClaim(f, { sourceId: missing })).rejects.toThrow(FOREIGN_KEY_FAILED);
  });
});

describe("append-only tables", () => {
  it("verdicts can be neither updated nor deleted", async () => {
    const { claim } = await fixtures();
    const { verdict } = expectOk(
      await recordVerdict(SYSTEM, { claimId: claim.id, status: "corroborated", rationale: "Checked.", baseVersion: claim.version }),
    );
    await expect(run("update verdicts set rationale = 'rewritten' where id = ?", verdict.id)).rejects.toThrow(/append-only/);
    await expect(run("delete from verdicts where id = ?", verdict.id)).rejects.toThrow(/append-only/);
    expect(await rawGet("select rationale from verdicts where id = ?", [verdict.id])).toEqual({ rationale: "Checked." });
  });

  it("audit_log rows can be neither updated nor deleted", async () => {
    const user = await makeUser({ role: "viewer" });
    const row = (await rawGet<{ id: number; action: string }>("select id, action from audit_log where entity = 'user' and entity_id = ?", [user.id]))!;
    expect(row).toBeDefined();
    await expect(run("update audit_log set action = 'nothing' where id = ?", row.id)).rejects.toThrow(/append-only/);
    await expect(run("delete from audit_log where id = ?", row.id)).rejects.toThrow(/append-only/);
    await expect(run("delete from audit_log")).rejects.toThrow(/append-only/);
  });
});

describe("users.email", () => {
  it("is unique regardless of case", async () => {
    const insert = (email: string) => run("insert into users (email, name, password_hash, role) values (?, 'X', 'h', 'viewer')", email);
    await insert("a@x.org");
    await expect(insert("A@x.org")).rejects.toThrow(UNIQUE_FAILED);
    await insert("b@x.org");
  });
});

// SQLite file pragmas: PostgreSQL has no such per-connection settings to check
describe.skipIf(onPostgres())("connection settings", () => {
  it("uses WAL, enforces foreign keys and syncs fully, on the read and on the write connection", async () => {
    const reader = getDb().$client;
    const writer = await transaction((tx) => tx.$client);
    expect(writer).not.toBe(reader);
    for (const connection of [reader, writer]) {
      expect(connection.pragma("journal_mode", { simple: true })).toBe("wal");
      expect(connection.pragma("foreign_keys", { simple: true })).toBe(1);
      expect(connection.pragma("synchronous", { simple: true })).toBe(2);
    }
  });
});

describe("sources.url", () => {
  it("refuses a javascript: URL in the database itself", async () => {
    const { user } = await fixtures();
    const insert = (url: string) =>
      run(
        "insert into sources (title, outlet, url, published_at, body, created_by) values ('T', 'O', ?, '2024-01-01T00:00:00Z', 'b', ?)",
        url,
        user.id,
      );
    await insert("https://example.org/story");
    await expect(insert("javascript:alert(1)")).rejects.toThrow(checkFailed("sources_url_check"));
  });

  it("and in createSource, before it gets there", async () => {
    await makeUser({ role: "admin" });
    const result = await createSource(SYSTEM, {
      title: "T",
      outlet: "O",
      url: "javascript:alert(1)",
      publishedAt: "2024-01-01T00:00:00Z",
      body: DEFAULT_BODY,
    });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe("invalid");
      expect(result.error.fields?.url).toBeDefined();
    }
  });
});
