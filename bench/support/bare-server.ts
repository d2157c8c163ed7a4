/**
 * The bare baseline: plain node:http and plain better-sqlite3 on the bench's
 * database, no framework, no session check. It answers the two requests the
 * bench compares with the same SQL as the app:
 *
 *   GET /api/v1/claims?status=pending&limit=50  the list query db/queries/claims.ts
 *       builds (drizzle's SQL, copied), in the API's JSON shape
 *   GET /report.csv  the report's SQL (db/queries/report-rows.ts: ordered ids,
 *       then each chunk of 500 claims' rows, verdicts and evidence) with the
 *       same sixteen columns, through csv-stringify, written as fast as the
 *       socket takes it
 *   POST /api/v1/claims/{id}/verdicts  { status, rationale, baseVersion }: the
 *       verdict door's statements (version check, verdict, claim, audit row)
 *       in one IMMEDIATE transaction with synchronous=FULL, so one fsync per
 *       write, as in the app: the most this disk acknowledges per second
 *
 * What it leaves out (sessions, validation, React, formula neutralising) is
 * what the app's figures pay for on top of this machine's ceiling.
 * Started by bench/run.ts: BARE_PORT, BARE_DB.
 */
import http from "node:http";
import Database from "better-sqlite3";
import { stringify } from "csv-stringify/sync";

const db = new Database(process.env.BARE_DB!);
db.pragma("busy_timeout = 5000");
db.pragma("journal_mode = WAL");
db.pragma("synchronous = FULL");
db.pragma("foreign_keys = ON");

const list = db.prepare(
  `select "claims"."id", "claims"."source_id", "claims"."quote", "claims"."start_offset", "claims"."end_offset", "claims"."prefix",
     "claims"."suffix", "claims"."type", "claims"."proposition", "claims"."resolves_on", "claims"."status", "claims"."version",
     "claims"."orphaned", "claims"."created_at", "claims"."updated_at", "speakers"."id", "speakers"."name"
   from "claims" inner join "speakers" on "speakers"."id" = "claims"."speaker_id"
   where ("claims"."deleted_at" is null and "claims"."status" = ?) order by "claims"."id" desc limit ?`,
).raw();

type ListRow = [number, number, string, number, number, string, string, string, string | null, string | null, string, number, number, string, string, number, string];

function listClaims(status: string, limit: number): string {
  const rows = list.all(status, limit + 1) as ListRow[];
  const items = rows.slice(0, limit).map((r) => ({
    id: r[0], sourceId: r[1], quote: r[2], start: r[3], end: r[4], prefix: r[5], suffix: r[6], type: r[7], proposition: r[8],
    resolvesOn: r[9], status: r[10], version: r[11], orphaned: r[12] === 1, createdAt: r[13], updatedAt: r[14], speaker: { id: r[15], name: r[16] },
  }));
  const nextCursor = rows.length > limit ? Buffer.from(`claim:${items.at(-1)!.id}`).toString("base64url") : null;
  return JSON.stringify({ items, nextCursor });
}

const ids = db
  .prepare(
    `select c.id from claims c left join verdicts lv on lv.id = (select max(v.id) from verdicts v where v.claim_id = c.id)
     join sources s on s.id = c.source_id
     where c.deleted_at is null
     order by s.published_at desc, s.id, case c.status when 'contradicted' then 0 when 'corroborated' then 1 else 2 end, c.start_offset, c.id`,
  )
  .pluck();
const CHUNK = 500;
const marks = Array.from({ length: CHUNK }, () => "?").join(",");
const chunkStatements = (m: string) => ({
  rows: db.prepare(
    `select c.id, c.status, c.quote, c.proposition, c.type, c.resolves_on, sp.name as speaker_name, s.title as source_title, s.outlet, s.published_at
     from claims c join sources s on s.id = c.source_id join speakers sp on sp.id = c.speaker_id where c.id in (${m})`,
  ),
  verdicts: db.prepare(
    `select v.id, v.claim_id, v.status, v.rationale, v.created_at, u.id as reviewer_id, u.name as reviewer_name
     from verdicts v join users u on u.id = v.reviewer_id where v.claim_id in (${m}) order by v.id desc`,
  ),
  evidence: db.prepare(
    `select e.id, e.claim_id, e.stance, e.note, e.url, e.target_claim_id, tc.quote as target_claim_quote, tcs.title as target_claim_source,
       e.target_source_id, ts.title as target_source_title, e.target_start, e.target_end, e.target_quote
     from evidence e left join claims tc on tc.id = e.target_claim_id left join sources tcs on tcs.id = tc.source_id
     left join sources ts on ts.id = e.target_source_id where e.claim_id in (${m}) order by e.id`,
  ),
});
const full = chunkStatements(marks);

type Claim = { id: number; status: string; quote: string; proposition: string | null; type: string; resolves_on: string | null; speaker_name: string; source_title: string; outlet: string; published_at: string };
type Verdict = { claim_id: number; rationale: string; created_at: string; reviewer_name: string };
type Evidence = { claim_id: number; stance: string; note: string; url: string | null; target_claim_id: number | null; target_claim_quote: string | null; target_claim_source: string | null; target_source_title: string | null; target_start: number | null; target_end: number | null; target_quote: string | null };

const HEADER = ["id", "status", "quote", "proposition", "type", "speaker", "source title", "outlet", "source date", "resolves on", "latest verdict time", "reviewer", "rationale", "evidence count", "evidence", "link"];
const link = (id: number) => `http://localhost:3000/claims/${id}`;

function csvChunk(chunk: number[]): string {
  const statements = chunk.length === CHUNK ? full : chunkStatements(chunk.map(() => "?").join(","));
  const rows = new Map((statements.rows.all(...chunk) as Claim[]).map((r) => [r.id, r]));
  const latest = new Map<number, Verdict>();
  for (const v of statements.verdicts.all(...chunk) as Verdict[]) if (!latest.has(v.claim_id)) latest.set(v.claim_id, v);
  const evidence = new Map<number, string[]>();
  for (const e of statements.evidence.all(...chunk) as Evidence[]) {
    const what =
      e.target_claim_id !== null
        ? `claim ${link(e.target_claim_id)} “${e.target_claim_quote}” (${e.target_claim_source})`
        : e.target_quote !== null
          ? `passage “${e.target_quote}” (${e.target_source_title}, characters ${e.target_start}–${e.target_end})`
          : e.url;
    const list = evidence.get(e.claim_id) ?? [];
    list.push(`${e.stance} ${what}${e.note ? ` — ${e.note}` : ""}`);
    evidence.set(e.claim_id, list);
  }
  const records = chunk.map((id) => {
    const c = rows.get(id)!;
    const v = latest.get(id);
    const ev = evidence.get(id) ?? [];
    return [String(id), c.status, c.quote, c.proposition ?? "", c.type, c.speaker_name, c.source_title, c.outlet, c.published_at, c.resolves_on ?? "",
      v?.created_at ?? "", v?.reviewer_name ?? "", v?.rationale ?? "", String(ev.length), ev.join("\n"), link(id)];
  });
  return stringify(records, { record_delimiter: "\r\n" });
}

async function streamCsv(res: http.ServerResponse): Promise<void> {
  res.writeHead(200, { "content-type": "text/csv; charset=utf-8" });
  const write = (text: string) => (res.write(text) ? Promise.resolve() : new Promise<void>((r) => res.once("drain", () => r())));
  await write(`\uFEFF${stringify([HEADER], { record_delimiter: "\r\n" })}`);
  const all = ids.all() as number[];
  for (let at = 0; at < all.length; at += CHUNK) await write(csvChunk(all.slice(at, at + CHUNK)));
  res.end();
}

const claimVersion = db.prepare(`select version, status from claims where id = ? and deleted_at is null`);
const insertVerdict = db.prepare(`insert into verdicts (claim_id, reviewer_id, status, rationale) values (?, 1, ?, ?) returning id, created_at`);
const bumpClaim = db.prepare(`update claims set status = ?, version = version + 1, updated_at = ? where id = ? returning version`);
const insertAudit = db.prepare(
  `insert into audit_log (actor_id, action, entity, entity_id, before, after) values (1, 'verdict.record', 'claim', ?, ?, ?)`,
);
const recordVerdict = db.transaction((claimId: number, body: { status: string; rationale: string; baseVersion: number }) => {
  const claim = claimVersion.get(claimId) as { version: number; status: string } | undefined;
  if (!claim) return { status: 404 };
  if (claim.version !== body.baseVersion) return { status: 409, body: { error: { code: "conflict", current: { version: claim.version } } } };
  const verdict = insertVerdict.get(claimId, body.status, body.rationale) as { id: number; created_at: string };
  const { version } = bumpClaim.get(body.status, verdict.created_at, claimId) as { version: number };
  insertAudit.run(claimId, JSON.stringify({ status: claim.status, version: claim.version }), JSON.stringify({ status: body.status, version, verdictId: verdict.id }));
  return { status: 201, body: { id: claimId, version, verdict } };
});

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

const server = http.createServer((req, res) => {
  const write = /^\/api\/v1\/claims\/(\d+)\/verdicts$/.exec(req.url ?? "");
  if (write && req.method === "POST") {
    readBody(req)
      .then((text) => {
        const outcome = recordVerdict.immediate(Number(write[1]), JSON.parse(text) as { status: string; rationale: string; baseVersion: number });
        res.writeHead(outcome.status, { "content-type": "application/json" }).end(JSON.stringify(outcome.body ?? {}));
      })
      .catch((error: unknown) => {
        console.error(error);
        res.writeHead(500).end();
      });
    return;
  }
  const url = new URL(req.url ?? "/", "http://bare");
  if (url.pathname === "/api/v1/claims") {
    const limit = Math.min(Math.max(Number(url.searchParams.get("limit") ?? 50), 1), 200);
    const body = listClaims(url.searchParams.get("status") ?? "pending", limit);
    res.writeHead(200, { "content-type": "application/json", "cache-control": "no-store" });
    res.end(body);
  } else if (url.pathname === "/report.csv") {
    streamCsv(res).catch((error: unknown) => {
      console.error(error);
      res.destroy();
    });
  } else if (url.pathname === "/health") {
    res.end("ok");
  } else {
    res.writeHead(404).end();
  }
});
server.listen(Number(process.env.BARE_PORT), "127.0.0.1");
process.on("SIGTERM", () => server.close(() => process.exit(0)));
