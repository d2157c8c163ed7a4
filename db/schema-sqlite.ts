import { relations, sql } from "drizzle-orm";
import {
  check,
  index,
  integer,
  primaryKey,
  real,
  sqliteTable,
  text,
  uniqueIndex,
  type AnySQLiteColumn,
} from "drizzle-orm/sqlite-core";

// The enums live in db/enums.ts (no drizzle there, so client components can import them).
export * from "./enums";
import { CLAIM_STATUSES, CLAIM_TYPES, PUBLISHED_PRECISIONS, ROLES, SPEAKER_KINDS, STANCES, SUGGESTION_KINDS, SUGGESTION_STATES } from "./enums";

const inList = (column: AnySQLiteColumn, values: readonly string[]) =>
  sql`${column} in (${sql.raw(values.map((v) => `'${v}'`).join(", "))})`;

/** ISO 8601 UTC with milliseconds, the one time format stored. */
const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;
const createdAt = () => text("created_at").notNull().default(now);
const updatedAt = () => text("updated_at").notNull().default(now);

export const users = sqliteTable(
  "users",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    email: text("email").notNull(),
    name: text("name").notNull(),
    passwordHash: text("password_hash").notNull(),
    role: text("role", { enum: ROLES }).notNull(),
    disabled: integer("disabled", { mode: "boolean" }).notNull().default(false),
    // sessions signed in before this moment (ms since the epoch) are over: set when the
    // account is disabled or its password reset, so re-enabling never revives an old cookie
    sessionsValidFrom: integer("sessions_valid_from").notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("users_email_unique").on(sql`lower(${t.email})`),
    check("users_role_check", inList(t.role, ROLES)),
    check("users_disabled_check", sql`${t.disabled} in (0, 1)`),
  ],
);

export const sources = sqliteTable(
  "sources",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    title: text("title").notNull(),
    outlet: text("outlet").notNull(),
    byline: text("byline"),
    url: text("url"),
    /** ISO 8601 with the publisher's offset, e.g. 2024-11-04T18:35:00+09:00 */
    publishedAt: text("published_at").notNull(),
    /** "date" when the article gives only a day (the time part is then meaningless). */
    publishedPrecision: text("published_precision", { enum: PUBLISHED_PRECISIONS })
      .notNull()
      .default("minute"),
    language: text("language").notNull().default("en"),
    body: text("body").notNull(),
    translationNote: text("translation_note"),
    /** Photo captions and credits lifted out of the body on import. */
    caption: text("caption"),
    /** SHA-256 of the body normalised for comparison (lib/import/duplicates.ts): the same article again */
    contentHash: text("content_hash"),
    /** SHA-256 of the input exactly as imported: a second bulk run skips it before cleaning */
    rawHash: text("raw_hash"),
    createdBy: integer("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("sources_published_idx").on(t.publishedAt),
    index("sources_content_hash_idx").on(t.contentHash),
    index("sources_raw_hash_idx").on(t.rawHash),
    check(
      "sources_url_check",
      sql`${t.url} is null or ${t.url} like 'http://%' or ${t.url} like 'https://%'`,
    ),
    check("sources_precision_check", inList(t.publishedPrecision, PUBLISHED_PRECISIONS)),
    check("sources_body_check", sql`length(${t.body}) > 0`),
  ],
);

/**
 * The MinHash bands of each source's body (lib/import/duplicates.ts): two
 * sources sharing a band are candidates for the same article under another
 * outlet's name, confirmed by their exact shingle overlap.
 */
export const sourceBands = sqliteTable(
  "source_bands",
  {
    band: text("band").notNull(),
    sourceId: integer("source_id")
      .notNull()
      .references(() => sources.id),
  },
  (t) => [primaryKey({ columns: [t.band, t.sourceId] }), index("source_bands_source_idx").on(t.sourceId)],
);

export const speakers = sqliteTable(
  "speakers",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    name: text("name").notNull(),
    /** lookup key: see lib/text/normalize-name.ts */
    nameKey: text("name_key").notNull(),
    description: text("description"),
    kind: text("kind", { enum: SPEAKER_KINDS }).notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("speakers_name_key_idx").on(t.nameKey),
    check("speakers_kind_check", inList(t.kind, SPEAKER_KINDS)),
  ],
);

export const speakerAliases = sqliteTable(
  "speaker_aliases",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    speakerId: integer("speaker_id")
      .notNull()
      .references(() => speakers.id, { onDelete: "cascade" }),
    alias: text("alias").notNull(),
    aliasKey: text("alias_key").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("speaker_aliases_unique").on(t.speakerId, t.aliasKey),
    index("speaker_aliases_key_idx").on(t.aliasKey),
  ],
);

export const claims = sqliteTable(
  "claims",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    sourceId: integer("source_id")
      .notNull()
      .references(() => sources.id),
    speakerId: integer("speaker_id")
      .notNull()
      .references(() => speakers.id),
    quote: text("quote").notNull(),
    startOffset: integer("start_offset").notNull(),
    endOffset: integer("end_offset").notNull(),
    prefix: text("prefix").notNull(),
    suffix: text("suffix").notNull(),
    type: text("type", { enum: CLAIM_TYPES }).notNull().default("statement"),
    proposition: text("proposition"),
    /** YYYY-MM-DD; predictions only */
    resolvesOn: text("resolves_on"),
    status: text("status", { enum: CLAIM_STATUSES }).notNull().default("pending"),
    version: integer("version").notNull().default(1),
    /** set when the source body changed and the quote could not be found again */
    orphaned: integer("orphaned", { mode: "boolean" }).notNull().default(false),
    createdBy: integer("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    /** claims are never erased: verdicts and evidence keep pointing at them */
    deletedAt: text("deleted_at"),
    deletedBy: integer("deleted_by").references(() => users.id),
  },
  (t) => [
    index("claims_source_idx").on(t.sourceId, t.startOffset),
    index("claims_speaker_idx").on(t.speakerId, t.id),
    index("claims_status_idx").on(t.status, t.id),
    index("claims_type_idx").on(t.type, t.id),
    // the dashboard: a reviewer's own open claims, and predictions by the day they resolve on
    index("claims_creator_idx").on(t.createdBy, t.status, t.id),
    // the dashboard's counts and due predictions read only live claims: partial indexes that hold
    // nothing else answer them from the index alone (a count of 100,000 claims in ~13 ms, not ~115)
    index("claims_live_status_idx").on(t.status).where(sql`${t.deletedAt} is null`),
    index("claims_live_due_idx").on(t.type, t.status, t.resolvesOn).where(sql`${t.deletedAt} is null`),
    check("claims_type_check", inList(t.type, CLAIM_TYPES)),
    check("claims_status_check", inList(t.status, CLAIM_STATUSES)),
    check(
      "claims_offsets_check",
      sql`${t.startOffset} >= 0 and ${t.endOffset} > ${t.startOffset}`,
    ),
    check("claims_version_check", sql`${t.version} >= 1`),
    check(
      "claims_resolves_on_check",
      sql`${t.resolvesOn} is null or (${t.type} = 'prediction' and ${t.resolvesOn} glob '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]')`,
    ),
  ],
);

export const verdicts = sqliteTable(
  "verdicts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    claimId: integer("claim_id")
      .notNull()
      .references(() => claims.id),
    reviewerId: integer("reviewer_id")
      .notNull()
      .references(() => users.id),
    status: text("status", { enum: CLAIM_STATUSES }).notNull(),
    rationale: text("rationale").notNull().default(""),
    createdAt: createdAt(),
  },
  (t) => [
    index("verdicts_claim_idx").on(t.claimId, t.id),
    index("verdicts_reviewer_idx").on(t.reviewerId),
    check("verdicts_status_check", inList(t.status, CLAIM_STATUSES)),
  ],
);

export const evidence = sqliteTable(
  "evidence",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    claimId: integer("claim_id")
      .notNull()
      .references(() => claims.id),
    /** the verdict this evidence was given with, when it was given with one */
    verdictId: integer("verdict_id").references(() => verdicts.id),
    targetClaimId: integer("target_claim_id").references(() => claims.id),
    targetSourceId: integer("target_source_id").references(() => sources.id),
    targetStart: integer("target_start"),
    targetEnd: integer("target_end"),
    targetQuote: text("target_quote"),
    url: text("url"),
    stance: text("stance", { enum: STANCES }).notNull(),
    note: text("note").notNull().default(""),
    /** a passage whose words were lost when its source was edited: kept, marked, no longer highlighted */
    orphaned: integer("orphaned", { mode: "boolean" }).notNull().default(false),
    createdBy: integer("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index("evidence_claim_idx").on(t.claimId),
    index("evidence_target_claim_idx").on(t.targetClaimId),
    index("evidence_target_source_idx").on(t.targetSourceId),
    check("evidence_stance_check", inList(t.stance, STANCES)),
    // exactly one kind of target: another claim, a passage of a source, or a URL
    check(
      "evidence_target_check",
      sql`(${t.targetClaimId} is not null and ${t.targetSourceId} is null and ${t.url} is null)
       or (${t.targetClaimId} is null and ${t.targetSourceId} is not null and ${t.url} is null
           and ${t.targetStart} is not null and ${t.targetEnd} > ${t.targetStart} and ${t.targetQuote} is not null)
       or (${t.targetClaimId} is null and ${t.targetSourceId} is null
           and (${t.url} like 'http://%' or ${t.url} like 'https://%'))`,
    ),
    check(
      "evidence_not_self_check",
      sql`${t.targetClaimId} is null or ${t.targetClaimId} <> ${t.claimId}`,
    ),
  ],
);

/**
 * Claims the desk suggests in an imported article (lib/suggestions): never
 * claims until a reviewer accepts one, which creates the claim through the
 * claims door. A dismissed suggestion stays, so it is not offered again.
 */
export const claimSuggestions = sqliteTable(
  "claim_suggestions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    sourceId: integer("source_id")
      .notNull()
      .references(() => sources.id),
    /** stable for the same body and span, so a dismissal outlives a re-run */
    key: text("key").notNull(),
    quote: text("quote").notNull(),
    startOffset: integer("start_offset").notNull(),
    endOffset: integer("end_offset").notNull(),
    kind: text("kind", { enum: SUGGESTION_KINDS }).notNull(),
    type: text("type", { enum: CLAIM_TYPES }).notNull(),
    speakerName: text("speaker_name"),
    speakerId: integer("speaker_id").references(() => speakers.id),
    speakerDescription: text("speaker_description"),
    speakerStart: integer("speaker_start"),
    speakerEnd: integer("speaker_end"),
    cue: text("cue"),
    cueStart: integer("cue_start"),
    cueEnd: integer("cue_end"),
    /** YYYY-MM-DD for predictions with a day; a range when the text gives only a period */
    resolvesOn: text("resolves_on"),
    resolvesFrom: text("resolves_from"),
    resolvesTo: text("resolves_to"),
    confidence: real("confidence").notNull(),
    why: text("why").notNull(),
    state: text("state", { enum: SUGGESTION_STATES }).notNull().default("open"),
    claimId: integer("claim_id").references(() => claims.id),
    decidedBy: integer("decided_by").references(() => users.id),
    decidedAt: text("decided_at"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("claim_suggestions_key_unique").on(t.sourceId, t.key),
    index("claim_suggestions_source_idx").on(t.sourceId, t.state, t.startOffset),
    check("claim_suggestions_kind_check", inList(t.kind, SUGGESTION_KINDS)),
    check("claim_suggestions_type_check", inList(t.type, CLAIM_TYPES)),
    check("claim_suggestions_state_check", inList(t.state, SUGGESTION_STATES)),
    check("claim_suggestions_offsets_check", sql`${t.startOffset} >= 0 and ${t.endOffset} > ${t.startOffset}`),
  ],
);

export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** null for the system (migrations, first seed) */
    actorId: integer("actor_id").references(() => users.id),
    action: text("action").notNull(),
    entity: text("entity").notNull(),
    entityId: integer("entity_id"),
    before: text("before"),
    after: text("after"),
    createdAt: createdAt(),
  },
  (t) => [
    index("audit_entity_idx").on(t.entity, t.entityId),
    index("audit_actor_idx").on(t.actorId),
    check("audit_before_json", sql`${t.before} is null or json_valid(${t.before})`),
    check("audit_after_json", sql`${t.after} is null or json_valid(${t.after})`),
  ],
);

/** Personal access tokens for scripts: stored as a SHA-256 hash, shown once. */
export const apiTokens = sqliteTable(
  "api_tokens",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    name: text("name").notNull(),
    tokenHash: text("token_hash").notNull(),
    /** the first characters, so a person can tell tokens apart */
    prefix: text("prefix").notNull(),
    createdAt: createdAt(),
    lastUsedAt: text("last_used_at"),
    revokedAt: text("revoked_at"),
  },
  (t) => [uniqueIndex("api_tokens_hash_unique").on(t.tokenHash), index("api_tokens_user_idx").on(t.userId)],
);

/**
 * One row per sign-in. The session cookie carries the row's id; signing out
 * ends the row, so a copy of the cookie taken before is refused after it, on
 * every server that shares the database.
 */
export const sessions = sqliteTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    /** ms since the epoch */
    startedAt: integer("started_at").notNull(),
    endedAt: integer("ended_at"),
  },
  (t) => [index("sessions_user_idx").on(t.userId), index("sessions_started_idx").on(t.startedAt)],
);

/** Failed sign-ins (and attempts under way), per account, account-and-address and address key; pruned as they age. */
export const signInFailures = sqliteTable(
  "sign_in_failures",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    key: text("key").notNull(),
    at: integer("at").notNull(),
  },
  (t) => [index("sign_in_failures_key_idx").on(t.key, t.at)],
);

export const usersRelations = relations(users, ({ many }) => ({
  verdicts: many(verdicts),
}));
export const sourcesRelations = relations(sources, ({ many, one }) => ({
  claims: many(claims),
  creator: one(users, { fields: [sources.createdBy], references: [users.id] }),
}));
export const speakersRelations = relations(speakers, ({ many }) => ({
  aliases: many(speakerAliases),
  claims: many(claims),
}));
export const speakerAliasesRelations = relations(speakerAliases, ({ one }) => ({
  speaker: one(speakers, { fields: [speakerAliases.speakerId], references: [speakers.id] }),
}));
export const claimsRelations = relations(claims, ({ one, many }) => ({
  source: one(sources, { fields: [claims.sourceId], references: [sources.id] }),
  speaker: one(speakers, { fields: [claims.speakerId], references: [speakers.id] }),
  verdicts: many(verdicts),
}));
export const verdictsRelations = relations(verdicts, ({ one }) => ({
  claim: one(claims, { fields: [verdicts.claimId], references: [claims.id] }),
  reviewer: one(users, { fields: [verdicts.reviewerId], references: [users.id] }),
}));

export type User = typeof users.$inferSelect;
export type Source = typeof sources.$inferSelect;
export type Speaker = typeof speakers.$inferSelect;
export type Claim = typeof claims.$inferSelect;
export type Verdict = typeof verdicts.$inferSelect;
export type Evidence = typeof evidence.$inferSelect;
export type ApiToken = typeof apiTokens.$inferSelect;
export type SessionRow = typeof sessions.$inferSelect;
export type ClaimSuggestion = typeof claimSuggestions.$inferSelect;
