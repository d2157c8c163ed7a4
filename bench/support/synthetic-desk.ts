import type Database from "better-sqlite3";
import { nameKey } from "@/lib/text/name-key";

/**
 * The newsroom-scale desk `npm run bench` measures: 10,000 sources of about
 * 4 KB, 2,000 speakers, 100,000 claims anchored exactly in their sources
 * (`body.slice(start, end) === quote`, 32 characters of prefix and suffix),
 * 200,000 verdicts (each claim's version is 1 + its verdict count, as the
 * verdict door leaves it) and evidence on a share of them. One source, the
 * reader page's, holds 500 claims. A seeded PRNG makes every run build the
 * same desk. Rows go in through raw prepared statements in one transaction:
 * the bench measures reads, exports and the verdict door, not bulk loading.
 */
export const DESK = { sources: 10_000, speakers: 2_000, claims: 100_000, verdicts: 200_000, readerClaims: 500 };

/** mulberry32: small, fast and good enough to make text and choices reproducible. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(list: readonly T[]): T => list[int(list.length)]!;
  return { next, int, pick };
}

const WORDS = (
  "ministry minister foreign defence troops border missile launch summit talks sanctions embassy official spokesperson " +
  "statement government parliament election budget economy inflation export import shipment satellite treaty agreement " +
  "delegation president premier army corps deployment artillery drills exercise coast guard navy vessel airspace " +
  "report analysis intelligence estimate figure percent million billion quarter growth decline rose fell announced said " +
  "claimed denied confirmed warned pledged expected planned arrived visited met discussed signed rejected the a of in on " +
  "to and with for by at from that this week month year Moscow Seoul Pyongyang Beijing Tokyo Washington region capital"
).split(" ");
const HANGUL = ["북한", "외무상", "국방부", "대통령", "미사일", "발표했다", "회담", "정부"];
const FIRST = "Kim Lee Park Choe Choi Jung Kang Cho Yoon Jang Lim Han Oh Seo Shin Kwon Hwang Ahn Song Ryu Anna Maria John David Elena Ivan Sergei Olga Wang Li".split(" ");
const LAST = "Son Hui Jin-ho Min-su Ji-woo Seo-yeon Hyun Dong-hyun Smith Ivanova Petrov Garcia Tanaka Sato Chen Zhang Novak Kowalski Dubois Martin".split(" ");
const OUTLETS = ["Bench Daily", "The Synthetic Times", "Yonhap Bench", "Kyunghyang Bench", "JoongAng Bench", "Reuters Bench"];
const STATUSES = ["pending", "corroborated", "contradicted"] as const;
const TYPES = ["statement", "prediction", "statistic", "attribution"] as const;

type Rng = ReturnType<typeof prng>;

function sentence(rng: Rng): string {
  const n = 12 + rng.int(14);
  const words: string[] = [];
  for (let i = 0; i < n; i++) words.push(rng.next() < 0.04 ? rng.pick(HANGUL) : rng.pick(WORDS));
  const s = words.join(" ");
  return `${s[0]!.toUpperCase()}${s.slice(1)}.`;
}

/** A body of sentences, with each sentence's place, so claims can quote them exactly. */
function article(rng: Rng, sentences: number) {
  const spans: Array<[number, number]> = [];
  let body = "";
  for (let i = 0; i < sentences; i++) {
    if (i > 0) body += i % 6 === 0 ? "\n\n" : " ";
    const s = sentence(rng);
    spans.push([body.length, body.length + s.length]);
    body += s;
  }
  return { body, spans };
}

export type SyntheticDesk = {
  readerSourceId: number;
  /** claim ids, each with its current version, for the verdict writers */
  writableClaims: Array<{ id: number; version: number }>;
  counts: { sources: number; speakers: number; claims: number; verdicts: number; evidence: number };
  /** words and phrases that occur in quotes, and some that do not, for search */
  searchTerms: string[];
};

/** Builds the desk into a migrated database whose user `ownerId` owns the rows. */
export function buildSyntheticDesk(sqlite: Database.Database, { seed = 20261123, ownerId = 1 } = {}): SyntheticDesk {
  const rng = prng(seed);
  const insertSource = sqlite.prepare(
    `insert into sources (title, outlet, byline, url, published_at, language, body, created_by, created_at, updated_at)
     values (?, ?, ?, ?, ?, 'en', ?, ?, ?, ?)`,
  );
  const insertSpeaker = sqlite.prepare(`insert into speakers (name, name_key, description, kind) values (?, ?, ?, ?)`);
  const insertAlias = sqlite.prepare(`insert into speaker_aliases (speaker_id, alias, alias_key) values (?, ?, ?)`);
  const insertClaim = sqlite.prepare(
    `insert into claims (source_id, speaker_id, quote, start_offset, end_offset, prefix, suffix, type, proposition, resolves_on,
       status, version, created_by, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertVerdict = sqlite.prepare(`insert into verdicts (claim_id, reviewer_id, status, rationale, created_at) values (?, ?, ?, ?, ?)`);
  const insertUrlEvidence = sqlite.prepare(
    `insert into evidence (claim_id, verdict_id, url, stance, note, created_by, created_at) values (?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertClaimEvidence = sqlite.prepare(
    `insert into evidence (claim_id, verdict_id, target_claim_id, stance, note, created_by, created_at) values (?, ?, ?, ?, ?, ?, ?)`,
  );

  // verdict counts 0..4, 20,000 claims each, shuffled: exactly 200,000 verdicts
  const verdictCounts = new Uint8Array(DESK.claims);
  for (let i = 0; i < DESK.claims; i++) verdictCounts[i] = i % 5;
  for (let i = DESK.claims - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [verdictCounts[i], verdictCounts[j]] = [verdictCounts[j]!, verdictCounts[i]!];
  }

  const t0 = Date.parse("2024-01-01T00:00:00.000Z");
  const at = (seconds: number) => new Date(t0 + seconds * 1000).toISOString();
  const counts = { sources: 0, speakers: 0, claims: 0, verdicts: 0, evidence: 0 };
  const writableClaims: SyntheticDesk["writableClaims"] = [];
  let readerSourceId = 0;

  sqlite.transaction(() => {
    for (let i = 1; i <= DESK.speakers; i++) {
      const name = `${rng.pick(FIRST)} ${rng.pick(LAST)} ${i}`;
      const kind = i % 10 === 0 ? "organization" : "person";
      const id = Number(insertSpeaker.run(name, nameKey(name), rng.next() < 0.5 ? "Official" : null, kind).lastInsertRowid);
      if (i % 5 === 0) insertAlias.run(id, `Alias ${i}`, nameKey(`Alias ${i}`));
      counts.speakers++;
    }

    // the reader source first: 500 sentences, one claim each
    const claimsPerSource: number[] = [];
    const rest = DESK.claims - DESK.readerClaims;
    for (let s = 1; s < DESK.sources; s++) claimsPerSource.push(Math.floor((rest * s) / (DESK.sources - 1)) - Math.floor((rest * (s - 1)) / (DESK.sources - 1)));

    let claimIndex = 0;
    let clock = 0;
    for (let s = 0; s < DESK.sources; s++) {
      const reader = s === 0;
      const wanted = reader ? DESK.readerClaims : claimsPerSource[s - 1]!;
      const { body, spans } = article(rng, reader ? DESK.readerClaims : 28 + rng.int(6));
      const published = new Date(Date.parse("2023-01-01T09:00:00+09:00") + s * 3_600_000).toISOString().replace("Z", "+00:00");
      const sourceId = Number(
        insertSource.run(
          reader ? "The 500-claim briefing" : `Synthetic report ${s + 1}: ${rng.pick(WORDS)} ${rng.pick(WORDS)}`,
          rng.pick(OUTLETS),
          rng.next() < 0.7 ? `By ${rng.pick(FIRST)} ${rng.pick(LAST)}` : null,
          rng.next() < 0.8 ? `https://news.example.org/${s + 1}` : null,
          published,
          body,
          ownerId,
          at(clock),
          at(clock),
        ).lastInsertRowid,
      );
      if (reader) readerSourceId = sourceId;
      counts.sources++;

      for (let k = 0; k < wanted; k++) {
        const [start, end] = reader ? spans[k]! : spans[rng.int(spans.length)]!;
        const quote = body.slice(start, end);
        const type = rng.pick(TYPES);
        const n = verdictCounts[claimIndex++]!;
        const history = Array.from({ length: n }, () => (rng.next() < 0.3 ? "pending" : rng.pick(STATUSES)));
        const status = history.at(-1) ?? "pending";
        clock += 7;
        const claimId = Number(
          insertClaim.run(
            sourceId,
            1 + rng.int(DESK.speakers),
            quote,
            start,
            end,
            body.slice(Math.max(0, start - 32), start),
            body.slice(end, end + 32),
            type,
            rng.next() < 0.6 ? `That ${quote.slice(0, 60).toLowerCase()}` : null,
            type === "prediction" ? "2025-02-23" : null,
            status,
            1 + n,
            ownerId,
            at(clock),
            at(clock + n * 60),
          ).lastInsertRowid,
        );
        counts.claims++;
        for (let v = 0; v < n; v++) {
          const vStatus = history[v]!;
          const verdictId = Number(
            insertVerdict.run(claimId, ownerId, vStatus, vStatus === "pending" ? "" : `Checked against ${rng.pick(OUTLETS)}: ${sentence(rng)}`, at(clock + (v + 1) * 60))
              .lastInsertRowid,
          );
          counts.verdicts++;
          if (v === n - 1 && vStatus !== "pending" && rng.next() < 0.5) {
            const stance = vStatus === "corroborated" ? "supports" : "refutes";
            if (claimId > 1 && rng.next() < 0.4) insertClaimEvidence.run(claimId, verdictId, 1 + rng.int(claimId - 1), stance, "", ownerId, at(clock + n * 60));
            else insertUrlEvidence.run(claimId, verdictId, `https://evidence.example.org/${claimId}`, stance, "archived copy", ownerId, at(clock + n * 60));
            counts.evidence++;
          }
        }
        // the writers take claims from ordinary sources, away from the reader page
        if (!reader && writableClaims.length < 8_000 && claimIndex % 7 === 0) writableClaims.push({ id: claimId, version: 1 + n });
      }
    }
  })();

  return {
    readerSourceId,
    writableClaims,
    counts,
    searchTerms: ["missile launch", "Moscow", "coast guard", "북한", "inflation", "summit talks", "percent", "artillery drills", "sanctions", "zeppelin", "treaty", "Pyongyang"],
  };
}
