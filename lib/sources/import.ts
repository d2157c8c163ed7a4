import "server-only";
import { createHash } from "node:crypto";
import type { z } from "zod";
import { getDb } from "@/db/client";
import { listSpeakerBook, speakerBookVersion } from "@/db/queries/speakers";
import { claimSuggestions, speakers, type ImportFormat } from "@/db/schema";
import { inArray, sql } from "drizzle-orm";
import { preparedPerShape } from "@/db/prepared";
import type { Tx } from "@/lib/audit";
import { loadActor, type ActorRef } from "@/lib/auth/actor";
import { domainWriteAfter } from "@/lib/domain-write";
import { duplicateFingerprint, type Fingerprint } from "@/lib/import/duplicates";
import { fetchArticle } from "@/lib/import/fetch-url";
import { inputLines, type InputLine } from "@/lib/import/input-lines";
import { prepareArticle, type ArticleMetadata, type RemovedLine } from "@/lib/import/prepare";
import { DomainFailure, fail, ok, type DomainError, type Result } from "@/lib/result";
import { SpeakerDirectory, suggestClaims, type Suggestion } from "@/lib/suggestions";
import { nameKey } from "@/lib/text/name-key";
import { zodFields } from "@/lib/validation/fields";
import { importSourceInput, IMPORT_MAX_BYTES } from "@/lib/validation/imports";
import { createSourceInput } from "@/lib/validation/sources";
import { findDuplicate, insertSource, type Duplicate, type SourceValues } from "./insert";

/**
 * Bringing an article in: pasted, uploaded, fetched from its address, or
 * read by the bulk import. One pipeline for all of them:
 *
 *   fetch (for a URL: lib/import/fetch-url.ts, SSRF-proof)
 *   -> clean and read the metadata (lib/import/prepare.ts)
 *   -> the reviewer's corrections laid over what was found
 *   -> duplicate check (same text, or a near-identical one)
 *   -> suggested claims (lib/suggestions), computed before the transaction
 *   -> one transaction: the source, its fingerprint, its suggestions, the audit row.
 *
 * `previewImport` runs the same steps and writes nothing.
 */
type ImportData = z.output<typeof importSourceInput>;

export type PreparedImport = {
  raw: string;
  format: ImportFormat;
  /** the address it was fetched from, after redirects */
  fetchedUrl: string | null;
  rawHash: string;
  /** the clean body's duplicate fingerprint, computed once for the check and the insert */
  fingerprint: Fingerprint;
  body: string;
  removed: RemovedLine[];
  /** what the article itself says */
  detected: ArticleMetadata;
  /** what will be saved: the reviewer's corrections over what was found */
  metadata: ArticleMetadata;
  /** the source's values when everything needed is known; else `missing` says what is not */
  values: SourceValues | null;
  missing: Record<string, string>;
  suggestions: Suggestion[];
};

const MISSING: Partial<Record<keyof ArticleMetadata, string>> = {
  title: "No title was found in the article: give one.",
  outlet: "The outlet could not be read from the article: give it.",
  publishedAt: "No publication date was found in the article: give its date (and its time and zone, when the article says).",
};

async function articleText(data: ImportData): Promise<{ raw: string; format: ImportFormat; fetchedUrl: string | null }> {
  if (data.raw !== undefined) return { raw: data.raw, format: data.format, fetchedUrl: null };
  const fetched = await fetchArticle(data.url!, { allowPrivate: process.env.IMPORT_ALLOW_PRIVATE_HOSTS === "true", maxBytes: IMPORT_MAX_BYTES });
  if (!fetched.ok) {
    const { code, message, status } = fetched.error;
    throw new DomainFailure({ code: status === 403 ? "forbidden" : "invalid", reason: code, status, message, fields: { url: message } });
  }
  if (!fetched.text.trim()) throw new DomainFailure({ code: "invalid", message: "The page at that address is empty.", fields: { url: "The page is empty." } });
  return { raw: fetched.text, format: fetched.format, fetchedUrl: fetched.url };
}

/** Cleans, reads, merges and suggests: everything an import needs before its transaction. */
export async function prepareImport(data: ImportData, options: { suggest?: boolean } = {}): Promise<PreparedImport> {
  const { raw, format, fetchedUrl } = await articleText(data);
  const article = prepareArticle(raw, format, { url: fetchedUrl ?? data.url ?? null, fileName: data.fileName ?? null });
  if (!article.body.trim()) {
    throw new DomainFailure({
      code: "invalid",
      message: "Nothing of the article was left once the page furniture was taken out: is this the article's text?",
      fields: { raw: "No story text was found." },
    });
  }
  const detected = { ...article.metadata, url: article.metadata.url ?? fetchedUrl ?? data.url ?? null };
  const metadata = { ...detected } as ArticleMetadata;
  const set = (key: keyof ArticleMetadata, value: string | null) => ((metadata as Record<string, string | null>)[key] = value);
  for (const [key, value] of Object.entries(data.defaults) as Array<[keyof ArticleMetadata, string | null | undefined]>) {
    if (value && !metadata[key]) set(key, value);
  }
  for (const [key, value] of Object.entries(data.metadata) as Array<[keyof ArticleMetadata, string | null | undefined]>) {
    if (value !== undefined) set(key, value);
  }
  const missing: Record<string, string> = {};
  for (const [key, message] of Object.entries(MISSING)) if (!metadata[key as keyof ArticleMetadata]) missing[key] = message;
  let values: SourceValues | null = null;
  if (Object.keys(missing).length === 0) {
    const parsed = createSourceInput.safeParse({
      title: metadata.title,
      outlet: metadata.outlet,
      byline: metadata.byline,
      url: metadata.url,
      publishedAt: metadata.publishedAt,
      publishedPrecision: metadata.publishedPrecision ?? "minute",
      language: metadata.language ?? "en",
      body: article.body,
      translationNote: metadata.translationNote,
      caption: metadata.caption,
    });
    if (parsed.success) values = parsed.data;
    else Object.assign(missing, zodFields(parsed.error));
  }
  const suggestions = options.suggest && values ? await suggest(values) : [];
  return {
    raw,
    format,
    fetchedUrl,
    rawHash: createHash("sha256").update(raw).digest("hex"),
    fingerprint: duplicateFingerprint(values?.body ?? article.body),
    body: values?.body ?? article.body,
    removed: article.removed,
    detected,
    metadata,
    values,
    missing,
    suggestions,
  };
}

/**
 * The desk's speakers as suggestions match them, built once and kept while
 * no speaker or alias is added or removed: keying thousands of aliases costs
 * more than suggesting the claims of an article.
 */
let speakerCache: { version: string; directory: SpeakerDirectory; byKey: Map<string, number | null> } | null = null;
async function speakerDirectory() {
  const version = await speakerBookVersion();
  if (speakerCache?.version === version) return speakerCache;
  const book = await listSpeakerBook();
  const byKey = new Map<string, number | null>();
  for (const speaker of book) {
    for (const name of [speaker.name, ...speaker.aliases]) {
      const key = nameKey(name);
      // a name two speakers share ties to neither
      byKey.set(key, byKey.has(key) && byKey.get(key) !== speaker.id ? null : speaker.id);
    }
  }
  speakerCache = { version, directory: new SpeakerDirectory(book), byKey };
  return speakerCache;
}

/**
 * The suggested claims, each speaker tied to the desk's speaker of that name
 * or alias when exactly one has it (the article's own outlet, a name the
 * suggester proposed as new that the desk knows after all).
 */
async function suggest(values: SourceValues): Promise<Suggestion[]> {
  const { directory, byKey } = await speakerDirectory();
  return suggestClaims(values.body, { publishedAt: values.publishedAt, speakers: directory, outlet: values.outlet }).map((s) => {
    if (s.speakerId !== undefined || !s.speakerName) return s;
    const id = byKey.get(nameKey(s.speakerName));
    return typeof id === "number" ? { ...s, speakerId: id } : s;
  });
}

export function duplicateFailure(duplicate: Duplicate): DomainError {
  const what = duplicate.kind === "same" ? "the same article" : `a near-identical article (${Math.round(duplicate.jaccard * 100)}% the same)`;
  return {
    code: "conflict",
    reason: "duplicate",
    message: `The desk has ${what} already: “${duplicate.source.title}” (${duplicate.source.outlet}), source ${duplicate.source.id}.`,
    duplicate,
  };
}

export type ImportedSource = { source: Awaited<ReturnType<typeof insertSource>>; suggestions: number; duplicateOf: Duplicate | null };

/** Imports one article (reviewers and admins); a duplicate is refused unless `allowDuplicate` says the reviewer saw it. */
export async function importSource(actor: ActorRef, input: unknown, options: { via?: string } = {}): Promise<Result<ImportedSource>> {
  return domainWriteAfter({
    actor,
    role: "reviewer",
    schema: importSourceInput,
    input,
    prepare: (data) => prepareImport(data, { suggest: true }),
    run: async ({ tx, input: data, audit, ownerId, prepared }) => {
      if (!prepared.values) {
        throw new DomainFailure({ code: "invalid", message: "Some details of the article are missing or not valid.", fields: prepared.missing });
      }
      const duplicate = await findDuplicate(tx, prepared.values.body, { rawHash: prepared.rawHash, fingerprint: prepared.fingerprint });
      if (duplicate && !data.allowDuplicate) throw new DomainFailure(duplicateFailure(duplicate));
      const source = await insertSource(tx, prepared.values, { createdBy: await ownerId(), rawHash: prepared.rawHash, fingerprint: prepared.fingerprint });
      const suggestions = await insertSuggestions(tx, source.id, prepared.suggestions);
      const { body, ...meta } = source;
      await audit({
        action: "source.import",
        entity: "source",
        entityId: source.id,
        after: {
          ...meta,
          bodyLength: body.length,
          format: prepared.format,
          via: options.via ?? (prepared.fetchedUrl ? "url" : "text"),
          removedLines: prepared.removed.length,
          suggestions,
          ...(duplicate ? { duplicateOf: duplicate.source.id, match: duplicate.kind } : {}),
        },
      });
      return { source, suggestions, duplicateOf: duplicate };
    },
  });
}

const SUGGESTION_COLUMNS = [
  "sourceId", "key", "quote", "startOffset", "endOffset", "kind", "type", "speakerName", "speakerId", "speakerDescription",
  "speakerStart", "speakerEnd", "cue", "cueStart", "cueEnd", "resolvesOn", "resolvesFrom", "resolvesTo", "confidence", "why",
] as const;

// an article brings dozens: one statement, prepared once per connection, run for each
const insertSuggestion = preparedPerShape((db) =>
  db
    .insert(claimSuggestions)
    .values(Object.fromEntries(SUGGESTION_COLUMNS.map((c) => [c, sql.placeholder(c)])) as unknown as typeof claimSuggestions.$inferInsert)
    .onConflictDoNothing()
    .prepare(),
);

/** Suggestions as rows; a speaker that was merged away meanwhile is matched again on acceptance, by name. */
async function insertSuggestions(tx: Tx, sourceId: number, suggestions: Suggestion[]): Promise<number> {
  if (suggestions.length === 0) return 0;
  const named = [...new Set(suggestions.map((s) => s.speakerId).filter((id): id is number => id !== undefined))];
  const found = named.length ? await tx.select({ id: speakers.id }).from(speakers).where(inArray(speakers.id, named)) : [];
  const present = new Set(found.map((r) => r.id));
  const insert = insertSuggestion("", tx);
  for (const s of suggestions) {
    const prediction = s.type === "prediction";
    await insert.run({
      sourceId,
      key: s.key,
      quote: s.quote,
      startOffset: s.start,
      endOffset: s.end,
      kind: s.kind,
      type: s.type,
      speakerName: s.speakerName,
      speakerId: s.speakerId !== undefined && present.has(s.speakerId) ? s.speakerId : null,
      speakerDescription: s.speakerDescription ?? null,
      speakerStart: s.speakerSpan?.start ?? null,
      speakerEnd: s.speakerSpan?.end ?? null,
      cue: s.cue?.text ?? s.typeCue?.text ?? null,
      cueStart: s.cue?.start ?? s.typeCue?.start ?? null,
      cueEnd: s.cue?.end ?? s.typeCue?.end ?? null,
      resolvesOn: prediction ? (s.resolvesOn ?? null) : null,
      resolvesFrom: prediction ? (s.resolvesRange?.from ?? null) : null,
      resolvesTo: prediction ? (s.resolvesRange?.to ?? null) : null,
      confidence: s.confidence,
      why: s.why,
    });
  }
  return suggestions.length;
}

export type ImportPreview = {
  format: ImportFormat;
  /** the text fetched from a URL, so the page can save exactly what it showed */
  fetched: { url: string; raw: string } | null;
  body: string;
  input: { lines: InputLine[]; truncated: boolean };
  removed: RemovedLine[];
  detected: ArticleMetadata;
  metadata: ArticleMetadata;
  missing: Record<string, string>;
  duplicate: Duplicate | null;
  suggestions: number;
};

/**
 * What an import would save, saving nothing: the clean body, each removed
 * line and why, the metadata found, what is missing, and the source the desk
 * has already if this repeats one. Reviewers and admins only: a viewer gets
 * no preview, and so no fetch made by the server.
 */
export async function previewImport(actor: ActorRef, input: unknown): Promise<Result<ImportPreview>> {
  const parsed = importSourceInput.safeParse(input);
  const who = await loadActor(actor, "reviewer");
  if (!who.ok) return who;
  if (!parsed.success) return fail("invalid", "Some values are not valid.", zodFields(parsed.error));
  let prepared: PreparedImport;
  try {
    prepared = await prepareImport(parsed.data, { suggest: true });
  } catch (error) {
    if (error instanceof DomainFailure) return { ok: false, error: error.error };
    throw error;
  }
  return ok({
    format: prepared.format,
    fetched: prepared.fetchedUrl ? { url: prepared.fetchedUrl, raw: prepared.raw } : null,
    body: prepared.body,
    input: prepared.format === "html" ? { lines: [], truncated: false } : inputLines(prepared.raw, prepared.removed),
    removed: prepared.removed,
    detected: prepared.detected,
    metadata: prepared.metadata,
    missing: prepared.missing,
    duplicate: await findDuplicate(getDb(), prepared.body, { rawHash: prepared.rawHash, fingerprint: prepared.fingerprint }),
    suggestions: prepared.suggestions.length,
  });
}
