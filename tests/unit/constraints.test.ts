import { describe, expect, it } from "vitest";
import { getDb, transaction } from "@/db/client";
import { createSource } from "@/lib/sources";
import { recordVerdict } from "@/lib/verdicts";
import { DEFAULT_BODY, SYSTEM, expectOk, makeClaim, makeSource, makeSpeaker, makeUser, unique } from "./support/factories";

/** Raw SQL straight to SQLite, outside any write: zod never sees these values, only the schema's own constraints. */
const sqlite = () => getDb().$client;
const run = (statement: string, ...params: unknown[]) => sqlite().prepare(statement).run(...params);

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
  it("users.role accepts the three roles and nothing else", () => {
    const insert = (role: string) =>
      run("insert into users (email, name, password_hash, role) values (?, 'X', 'h', ?)", `${unique("role")}@x.org`, role);
    expect(() => insert("viewer")).not.toThrow();
    expect(() => insert("superuser")).toThrow(/CHECK constraint failed: users_role_check/);
    expect(() => insert("Admin")).toThrow(/CHECK constraint failed: users_role_check/);
  });

  it("claims.type and claims.status refuse unknown values", async () => {
    const f = await fixtures();
    expect(() => insertClaim(f, {})).not.toThrow();
    expect(() => insertClaim(f, { type: "opinion" })).toThrow(/CHECK constraint failed: claims_type_check/);
    expect(() => insertClaim(f, { status: "true" })).toThrow(/CHECK constraint failed: claims_status_check/);
  });

  it("verdicts.status refuses unknown values", async () => {
    const f = await fixtures();
    const insert = (status: string) =>
      run("insert into verdicts (claim_id, reviewer_id, status, rationale) values (?, ?, ?, 'r')", f.claim.id, f.user.id, status);
    expect(() => insert("contradicted")).not.toThrow();
    expect(() => insert("mostly-true")).toThrow(/CHECK constraint failed: verdicts_status_check/);
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
    expect(() => insert("refutes")).not.toThrow();
    expect(() => insert("agrees")).toThrow(/CHECK constraint failed: evidence_stance_check/);
  });

  it("speakers.kind refuses unknown values", () => {
    const insert = (kind: string) => run("insert into speakers (name, name_key, kind) values ('N', 'n', ?)", kind);
    expect(() => insert("organization")).not.toThrow();
    expect(() => insert("robot")).toThrow(/CHECK constraint failed: speakers_kind_check/);
  });
});

describe("foreign keys", () => {
  it("a claim naming a source that does not exist is refused", async () => {
    const f = await fixtures();
    const { missing } = sqlite().prepare("select coalesce(max(id), 0) + 1000 as missing from sources").get() as { missing: number };
    expect(sqlite().prepare("select id from sources where id = ?").get(missing)).toBeUndefined();
    expect(() => insertClaim(f, { sourceId: missing })).toThrow(/FOREIGN KEY constraint failed/);
  });
});

describe("append-only tables", () => {
  it("verdicts can be neither updated nor deleted", async () => {
    const { claim } = await fixtures();
    const { verdict } = expectOk(
      await recordVerdict(SYSTEM, { claimId: claim.id, status: "corroborated", rationale: "Checked.", baseVersion: claim.version }),
    );
    expect(() => run("update verdicts set rationale = 'rewritten' where id = ?", verdict.id)).toThrow(/append-only/);
    expect(() => run("delete from verdicts where id = ?", verdict.id)).toThrow(/append-only/);
    const row = sqlite().prepare("select rationale from verdicts where id = ?").get(verdict.id) as { rationale: string };
    expect(row.rationale).toBe("Checked.");
  });

  it("audit_log rows can be neither updated nor deleted", async () => {
    const user = await makeUser({ role: "viewer" });
    const row = sqlite()
      .prepare("select id, action from audit_log where entity = 'user' and entity_id = ?")
      .get(user.id) as { id: number; action: string };
    expect(row).toBeDefined();
    expect(() => run("update audit_log set action = 'nothing' where id = ?", row.id)).toThrow(/append-only/);
    expect(() => run("delete from audit_log where id = ?", row.id)).toThrow(/append-only/);
    expect(() => run("delete from audit_log")).toThrow(/append-only/);
  });
});

describe("users.email", () => {
  it("is unique regardless of case", () => {
    const insert = (email: string) => run("insert into users (email, name, password_hash, role) values (?, 'X', 'h', 'viewer')", email);
    insert("a@x.org");
    expect(() => insert("A@x.org")).toThrow(/UNIQUE constraint failed/);
    expect(() => insert("b@x.org")).not.toThrow();
  });
});

describe("connection settings", () => {
  it("uses WAL, enforces foreign keys and syncs fully, on the read and on the write connection", async () => {
    const writer = await transaction((tx) => tx.$client);
    expect(writer).not.toBe(sqlite());
    for (const connection of [sqlite(), writer]) {
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
    expect(() => insert("https://example.org/story")).not.toThrow();
    expect(() => insert("javascript:alert(1)")).toThrow(/CHECK constraint failed: sources_url_check/);
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
