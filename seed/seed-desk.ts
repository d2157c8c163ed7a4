import fs from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { claims, sources, speakers, users, verdicts } from "@/db/schema";
import { anchorQuote } from "@/lib/anchoring/anchor";
import type { ActorRef } from "@/lib/auth/actor";
import { verifyPassword } from "@/lib/auth/password";
import { createClaim } from "@/lib/claims";
import { cleanArticle } from "@/lib/import/clean-article";
import type { Result } from "@/lib/result";
import { createSource } from "@/lib/sources";
import { createSpeaker } from "@/lib/speakers";
import { writePrivate } from "@/lib/private-files";
import { nameKey } from "@/lib/text/name-key";
import { createDemoUser } from "@/lib/users";
import { recordVerdict } from "@/lib/verdicts";
import { ARTICLES, CLAIMS, SPEAKERS, VERDICTS, type ArticleKey, type SeedEvidence } from "./desk-data";

export const DEMO_ACCOUNTS = [
  { email: "admin@example.org", name: "Ada Admin", role: "admin" },
  { email: "reviewer@example.org", name: "Rae Reviewer", role: "reviewer" },
  { email: "viewer@example.org", name: "Vic Viewer", role: "viewer" },
] as const;

const SYSTEM: ActorRef = { type: "system", via: "seed" };
const ARTICLES_DIR = path.join(process.cwd(), "seed", "articles");

function unwrap<T>(result: Result<T>, what: string): T {
  if (!result.ok) throw new Error(`seed: ${what}: ${result.error.message} ${JSON.stringify(result.error.fields ?? {})}`);
  return result.value;
}

export type DemoCredentials = {
  emails: string[];
  /** null when the accounts existed already and the password is not known here */
  password: string | null;
  origin: "DEMO_PASSWORD" | "generated" | "credentials file" | "unknown";
  file: string | null;
};

function credentialsFile(): string {
  return path.join(process.cwd(), "data", "demo-credentials.txt");
}

/** With `create`, makes the demo accounts that are missing; without, only reports what is known. */
export async function seedDemoAccounts({ create }: { create: boolean }): Promise<DemoCredentials> {
  const db = getDb();
  const fromEnv = process.env.DEMO_PASSWORD || null;
  const missing = [];
  for (const account of DEMO_ACCOUNTS) {
    const [found] = await db.select({ id: users.id }).from(users).where(eq(sql`lower(${users.email})`, account.email)).limit(1);
    if (!found) missing.push(account);
  }
  const emails = DEMO_ACCOUNTS.map((a) => a.email);
  const file = credentialsFile();

  if (create && missing.length > 0) {
    const password = fromEnv ?? randomBytes(12).toString("base64url");
    for (const account of missing) unwrap(await createDemoUser(SYSTEM, { ...account, password }), `user ${account.email}`);
    if (!fromEnv) {
      writePrivate(
        file,
        `Claimdesk demo sign-in (generated ${new Date().toISOString()} for ${process.env.DATABASE_URL ?? "file:./data/claimdesk.db"})\n` +
          emails.map((e) => `${e}\n`).join("") +
          `password: ${password}\n`,
      );
      return { emails, password, origin: "generated", file };
    }
    return { emails, password, origin: "DEMO_PASSWORD", file: null };
  }

  // accounts exist: never reset a password behind anyone's back, only say what is known
  const [viewer] = await db.select({ hash: users.passwordHash }).from(users).where(eq(users.email, "viewer@example.org")).limit(1);
  if (fromEnv && viewer && (await verifyPassword(viewer.hash, fromEnv))) {
    return { emails, password: fromEnv, origin: "DEMO_PASSWORD", file: null };
  }
  if (fs.existsSync(file)) {
    const remembered = /^password: (.+)$/m.exec(fs.readFileSync(file, "utf8"))?.[1] ?? null;
    if (remembered && viewer && (await verifyPassword(viewer.hash, remembered))) {
      return { emails, password: remembered, origin: "credentials file", file };
    }
  }
  return { emails, password: null, origin: "unknown", file: null };
}

function toIsoWithOffset(local: string, offset: string): string {
  return `${local}:00${offset}`;
}

function readArticle(key: ArticleKey) {
  const meta = ARTICLES[key];
  const cleaned = cleanArticle(fs.readFileSync(path.join(ARTICLES_DIR, meta.file), "utf8"));
  const published = cleaned.publishedLocal
    ? { publishedAt: toIsoWithOffset(cleaned.publishedLocal, meta.offset), publishedPrecision: "minute" as const }
    : meta.fallbackPublished
      ? { publishedAt: toIsoWithOffset(meta.fallbackPublished.local, meta.offset), publishedPrecision: "date" as const }
      : null;
  if (!published) throw new Error(`seed: ${meta.file} has no date and no fallback`);
  return { meta, cleaned, published };
}

export type SeedReport = {
  credentials: DemoCredentials;
  created: { sources: number; speakers: number; claims: number; verdicts: number };
};

/**
 * Loads the demo desk through the same lib/ doors the app uses (so every row
 * has its audit entry). Idempotent: what exists already is left alone.
 */
export async function seedDesk(): Promise<SeedReport> {
  const db = getDb();
  const credentials = await seedDemoAccounts({ create: true });
  const created = { sources: 0, speakers: 0, claims: 0, verdicts: 0 };

  const [reviewer] = await db.select({ id: users.id }).from(users).where(eq(users.email, "reviewer@example.org")).limit(1);
  if (!reviewer) throw new Error("seed: the reviewer demo account is missing");
  const asReviewer: ActorRef = { type: "user", userId: reviewer.id };

  const speakerIds = new Map<string, number>();
  for (const s of SPEAKERS) {
    const [existing] = await db.select({ id: speakers.id }).from(speakers).where(eq(speakers.nameKey, nameKey(s.name))).limit(1);
    if (existing) {
      speakerIds.set(s.name, existing.id);
      continue;
    }
    const row = unwrap(await createSpeaker(SYSTEM, s), `speaker ${s.name}`);
    speakerIds.set(s.name, row.id);
    created.speakers++;
  }

  const allSources = new Map<ArticleKey, { id: number; body: string }>();
  for (const key of Object.keys(ARTICLES) as ArticleKey[]) {
    const { meta, cleaned, published } = readArticle(key);
    const [existing] = await db
      .select({ id: sources.id, body: sources.body })
      .from(sources)
      .where(and(eq(sources.title, cleaned.title), eq(sources.outlet, meta.outlet)))
      .limit(1);
    if (existing) {
      allSources.set(key, existing);
      continue;
    }
    const row = unwrap(
      await createSource(SYSTEM, {
        title: cleaned.title,
        outlet: meta.outlet,
        byline: cleaned.byline,
        url: null,
        ...published,
        language: meta.language,
        body: cleaned.body,
        translationNote: cleaned.translationNote,
        caption: cleaned.caption,
      }),
      `source ${meta.file}`,
    );
    allSources.set(key, { id: row.id, body: row.body });
    created.sources++;
  }

  // a claim already anchored at the same place is kept, so a run that stopped half-way is completed
  const claimIds = new Map<string, number>();
  const claimsBefore = new Set<number>();
  for (const c of CLAIMS) {
    const source = allSources.get(c.article)!;
    const anchor = anchorQuote(source.body, c.quote);
    const [existing] = await db
      .select({ id: claims.id })
      .from(claims)
      .where(and(eq(claims.sourceId, source.id), eq(claims.startOffset, anchor.start), eq(claims.endOffset, anchor.end)))
      .limit(1);
    if (existing) {
      claimIds.set(c.key, existing.id);
      claimsBefore.add(existing.id);
      continue;
    }
    const row = unwrap(
      await createClaim(asReviewer, {
        sourceId: source.id,
        speakerId: speakerIds.get(c.speaker),
        start: anchor.start,
        end: anchor.end,
        quote: anchor.quote,
        type: c.type,
        proposition: c.proposition,
        resolvesOn: c.resolvesOn ?? null,
      }),
      `claim ${c.key}`,
    );
    claimIds.set(c.key, row.id);
    created.claims++;
  }

  const evidenceInput = (e: SeedEvidence) => {
    if ("claim" in e) return { stance: e.stance, note: e.note, target: { kind: "claim", claimId: claimIds.get(e.claim) } };
    const source = allSources.get(e.passage.article)!;
    const anchor = anchorQuote(source.body, e.passage.quote);
    return {
      stance: e.stance,
      note: e.note,
      target: { kind: "passage", sourceId: source.id, start: anchor.start, end: anchor.end, quote: anchor.quote },
    };
  };
  // verdicts go only to claims that had none when this run began
  const ruled = new Set(
    (await db.select({ claimId: verdicts.claimId }).from(verdicts).where(inArray(verdicts.claimId, [...claimsBefore]))).map((v) => v.claimId),
  );
  for (const v of VERDICTS) {
    const claimId = claimIds.get(v.claim);
    if (!claimId || ruled.has(claimId)) continue;
    const current = (await db.select({ version: claims.version }).from(claims).where(eq(claims.id, claimId)).limit(1))[0]!;
    unwrap(
      await recordVerdict(asReviewer, {
        claimId,
        status: v.status,
        rationale: v.rationale,
        baseVersion: current.version,
        evidence: (v.evidence ?? []).map(evidenceInput),
      }),
      `verdict on ${v.claim}`,
    );
    created.verdicts++;
  }

  return { credentials, created };
}

export function describeCredentials(c: DemoCredentials): string {
  const accounts = c.emails.join(", ");
  switch (c.origin) {
    case "DEMO_PASSWORD":
      return `Demo sign-in: ${accounts}\n  password: ${c.password} (from DEMO_PASSWORD)`;
    case "generated":
      return `Demo sign-in: ${accounts}\n  password: ${c.password} (generated; also in ${path.relative(process.cwd(), c.file!)})`;
    case "credentials file":
      return `Demo sign-in: ${accounts}\n  password: ${c.password} (from ${path.relative(process.cwd(), c.file!)})`;
    default:
      return `Demo accounts: ${accounts}\n  password: as set when this database was seeded (reset one with \`npm run user -- reset-password --email viewer@example.org\`)`;
  }
}
