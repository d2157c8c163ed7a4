-- Full-text search over sources, claims, speakers and aliases, verdict rationales and evidence notes: the
-- PostgreSQL twin of db/migrations/0006_search_index.sql, over the same columns. Where SQLite keeps two FTS5
-- tables per base table, PostgreSQL keeps two GIN indexes on the base table itself, named like them:
--   <name>_fts: a tsvector of the 'simple' configuration (no stemming, no stop words, like unicode61) over
--               the columns with their diacritics removed (f_unaccent, like remove_diacritics 2); prefix
--               queries ('word:*') stand in for FTS5's prefix indexes;
--   <name>_tri: pg_trgm (gin_trgm_ops) over each column as stored, for ILIKE '%…%' substrings of three
--               characters or more in Korean and other unspaced scripts (like the trigram tokenizer: case
--               folded, diacritics kept). pg_trgm takes letters by the database's LC_CTYPE: Hangul counts
--               as letters under a UTF-8 locale (e.g. C.UTF-8), not under the plain C locale.
-- An index is used only when a query repeats its expression exactly, so the search queries must write:
--   sources          to_tsvector('simple', f_unaccent(title || ' ' || body))
--   claims           to_tsvector('simple', f_unaccent(quote || ' ' || coalesce(proposition, '')))
--   speakers         to_tsvector('simple', f_unaccent(name || ' ' || coalesce(description, '')))
--   speaker_aliases  to_tsvector('simple', f_unaccent(alias))
--   verdicts         to_tsvector('simple', f_unaccent(rationale))
--   evidence         to_tsvector('simple', f_unaccent(note))
-- and `<column> ILIKE '%…%'` on the columns of the <name>_tri index.
-- Indexes follow their table by themselves: none of the sync triggers of the SQLite version is needed.
-- Hand-written (drizzle-kit generate --custom): drizzle-kit does not know these expression indexes, so they
-- are not in db/schema-pg.ts (nor are the FTS5 tables in db/schema.ts). unaccent and pg_trgm are trusted
-- extensions: the database owner may create them.
CREATE EXTENSION IF NOT EXISTS unaccent WITH SCHEMA public;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;
--> statement-breakpoint
-- unaccent() is only STABLE (its dictionary could change), and an index expression must be IMMUTABLE: the
-- usual wrapper, naming the dictionary and the function by schema so search_path cannot change its result.
CREATE OR REPLACE FUNCTION public.f_unaccent(text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
AS $$ SELECT public.unaccent('public.unaccent', $1) $$;
--> statement-breakpoint
CREATE INDEX "sources_fts" ON "sources" USING gin (to_tsvector('simple', public.f_unaccent("title" || ' ' || "body")));
--> statement-breakpoint
CREATE INDEX "sources_tri" ON "sources" USING gin ("title" gin_trgm_ops, "body" gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX "claims_fts" ON "claims" USING gin (to_tsvector('simple', public.f_unaccent("quote" || ' ' || coalesce("proposition", ''))));
--> statement-breakpoint
CREATE INDEX "claims_tri" ON "claims" USING gin ("quote" gin_trgm_ops, "proposition" gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX "speakers_fts" ON "speakers" USING gin (to_tsvector('simple', public.f_unaccent("name" || ' ' || coalesce("description", ''))));
--> statement-breakpoint
CREATE INDEX "speakers_tri" ON "speakers" USING gin ("name" gin_trgm_ops, "description" gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX "aliases_fts" ON "speaker_aliases" USING gin (to_tsvector('simple', public.f_unaccent("alias")));
--> statement-breakpoint
CREATE INDEX "aliases_tri" ON "speaker_aliases" USING gin ("alias" gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX "verdicts_fts" ON "verdicts" USING gin (to_tsvector('simple', public.f_unaccent("rationale")));
--> statement-breakpoint
CREATE INDEX "verdicts_tri" ON "verdicts" USING gin ("rationale" gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX "evidence_fts" ON "evidence" USING gin (to_tsvector('simple', public.f_unaccent("note")));
--> statement-breakpoint
CREATE INDEX "evidence_tri" ON "evidence" USING gin ("note" gin_trgm_ops);
