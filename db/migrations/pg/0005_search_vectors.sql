-- Stored word vectors (issue 12, search speed on PostgreSQL): each searched table gets a generated column
-- `search_words`, the tsvector of 0004's expression, computed when a row is written and kept by PostgreSQL
-- itself, and the <name>_fts GIN index moves onto it. With the vector only in an expression index, ranking
-- (ts_rank) and any plan that walks the newest rows must parse and unaccent every candidate row's text
-- again: 20-30 ms a kind on a 100,000-claim desk, against 1-3 ms with the stored vector. The column is the
-- engine's own search machinery, like SQLite's FTS5 tables: it is not in db/schema-pg.ts (drizzle neither
-- reads nor writes it), so both schemas stay the same tables and columns for the app. The search queries
-- (db/pg/search.ts, db/pg/related.ts) ask `"search_words" @@ query` and rank `ts_rank("search_words", query)`.;
--> statement-breakpoint
ALTER TABLE "sources" ADD COLUMN "search_words" tsvector GENERATED ALWAYS AS (to_tsvector('public.claimdesk_words'::regconfig, public.f_unaccent("title" || ' ' || "body"))) STORED;
--> statement-breakpoint
DROP INDEX "sources_fts";
--> statement-breakpoint
CREATE INDEX "sources_fts" ON "sources" USING gin ("search_words");
--> statement-breakpoint
ALTER TABLE "claims" ADD COLUMN "search_words" tsvector GENERATED ALWAYS AS (to_tsvector('public.claimdesk_words'::regconfig, public.f_unaccent("quote" || ' ' || coalesce("proposition", '')))) STORED;
--> statement-breakpoint
DROP INDEX "claims_fts";
--> statement-breakpoint
CREATE INDEX "claims_fts" ON "claims" USING gin ("search_words");
--> statement-breakpoint
ALTER TABLE "speakers" ADD COLUMN "search_words" tsvector GENERATED ALWAYS AS (to_tsvector('public.claimdesk_words'::regconfig, public.f_unaccent("name" || ' ' || coalesce("description", '')))) STORED;
--> statement-breakpoint
DROP INDEX "speakers_fts";
--> statement-breakpoint
CREATE INDEX "speakers_fts" ON "speakers" USING gin ("search_words");
--> statement-breakpoint
ALTER TABLE "speaker_aliases" ADD COLUMN "search_words" tsvector GENERATED ALWAYS AS (to_tsvector('public.claimdesk_words'::regconfig, public.f_unaccent("alias"))) STORED;
--> statement-breakpoint
DROP INDEX "aliases_fts";
--> statement-breakpoint
CREATE INDEX "aliases_fts" ON "speaker_aliases" USING gin ("search_words");
--> statement-breakpoint
ALTER TABLE "verdicts" ADD COLUMN "search_words" tsvector GENERATED ALWAYS AS (to_tsvector('public.claimdesk_words'::regconfig, public.f_unaccent("rationale"))) STORED;
--> statement-breakpoint
DROP INDEX "verdicts_fts";
--> statement-breakpoint
CREATE INDEX "verdicts_fts" ON "verdicts" USING gin ("search_words");
--> statement-breakpoint
ALTER TABLE "evidence" ADD COLUMN "search_words" tsvector GENERATED ALWAYS AS (to_tsvector('public.claimdesk_words'::regconfig, public.f_unaccent("note"))) STORED;
--> statement-breakpoint
DROP INDEX "evidence_fts";
--> statement-breakpoint
CREATE INDEX "evidence_fts" ON "evidence" USING gin ("search_words");
