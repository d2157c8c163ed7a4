-- Word indexes with English stems: the PostgreSQL twin of db/migrations/0009_search_stems.sql. SQLite's word
-- indexes now run FTS5's porter tokenizer over unicode61, stemming ASCII words and leaving others whole; here a
-- text search configuration does the same: `public.claimdesk_words` is 'simple' (no stop words, every token
-- kept) with ASCII words, and the ASCII parts of hyphenated words, stemmed by the English Snowball stemmer
-- (Porter's later version of the algorithm FTS5 implements) through a dictionary without a stop-word list;
-- words with other letters (Hangul) stay whole, as porter leaves them. Each <name>_fts index is recreated
-- over the new configuration; the search queries must write, to meet them:
--   sources          to_tsvector('public.claimdesk_words', f_unaccent(title || ' ' || body))
--   claims           to_tsvector('public.claimdesk_words', f_unaccent(quote || ' ' || coalesce(proposition, '')))
--   speakers         to_tsvector('public.claimdesk_words', f_unaccent(name || ' ' || coalesce(description, '')))
--   speaker_aliases  to_tsvector('public.claimdesk_words', f_unaccent(alias))
--   verdicts         to_tsvector('public.claimdesk_words', f_unaccent(rationale))
--   evidence         to_tsvector('public.claimdesk_words', f_unaccent(note))
-- (a query's tsquery goes through the same configuration: to_tsquery('public.claimdesk_words', …)).
CREATE TEXT SEARCH DICTIONARY public.claimdesk_stem (TEMPLATE = snowball, Language = english);
--> statement-breakpoint
CREATE TEXT SEARCH CONFIGURATION public.claimdesk_words (COPY = pg_catalog.simple);
--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION public.claimdesk_words ALTER MAPPING FOR asciiword, asciihword, hword_asciipart WITH public.claimdesk_stem;
--> statement-breakpoint
DROP INDEX "sources_fts";
--> statement-breakpoint
CREATE INDEX "sources_fts" ON "sources" USING gin (to_tsvector('public.claimdesk_words'::regconfig, public.f_unaccent("title" || ' ' || "body")));
--> statement-breakpoint
DROP INDEX "claims_fts";
--> statement-breakpoint
CREATE INDEX "claims_fts" ON "claims" USING gin (to_tsvector('public.claimdesk_words'::regconfig, public.f_unaccent("quote" || ' ' || coalesce("proposition", ''))));
--> statement-breakpoint
DROP INDEX "speakers_fts";
--> statement-breakpoint
CREATE INDEX "speakers_fts" ON "speakers" USING gin (to_tsvector('public.claimdesk_words'::regconfig, public.f_unaccent("name" || ' ' || coalesce("description", ''))));
--> statement-breakpoint
DROP INDEX "aliases_fts";
--> statement-breakpoint
CREATE INDEX "aliases_fts" ON "speaker_aliases" USING gin (to_tsvector('public.claimdesk_words'::regconfig, public.f_unaccent("alias")));
--> statement-breakpoint
DROP INDEX "verdicts_fts";
--> statement-breakpoint
CREATE INDEX "verdicts_fts" ON "verdicts" USING gin (to_tsvector('public.claimdesk_words'::regconfig, public.f_unaccent("rationale")));
--> statement-breakpoint
DROP INDEX "evidence_fts";
--> statement-breakpoint
CREATE INDEX "evidence_fts" ON "evidence" USING gin (to_tsvector('public.claimdesk_words'::regconfig, public.f_unaccent("note")));
