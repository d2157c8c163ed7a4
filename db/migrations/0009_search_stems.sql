-- Word indexes with English stems (issue 11, search speed): each <name>_fts index of migration 0006 is
-- rebuilt with the porter tokenizer over unicode61 (diacritics still folded, same prefix indexes), so that
-- a word of the desk is searched as one exact token that also finds its inflections ("arrive" finds
-- "arrived", "missiles" finds "missile") instead of as a prefix, which makes FTS5 merge the doclists of
-- every token that begins so (two to three times slower on a 100,000-claim desk). Words that are not
-- a word of the desk (half typed: "Pyong") are still searched as prefixes; lib/search/query.ts decides.
-- Porter leaves tokens outside ASCII as they are: Hangul words are indexed whole, as before.
-- The sync triggers of 0006 name these tables and stay as they are; the trigram indexes do not change.
DROP TABLE `sources_fts`;
--> statement-breakpoint
CREATE VIRTUAL TABLE `sources_fts` USING fts5(title, body, content='sources', content_rowid='id', tokenize='porter unicode61 remove_diacritics 2', prefix='2 3');
--> statement-breakpoint
INSERT INTO `sources_fts`(`sources_fts`) VALUES ('rebuild');
--> statement-breakpoint
DROP TABLE `claims_fts`;
--> statement-breakpoint
CREATE VIRTUAL TABLE `claims_fts` USING fts5(quote, proposition, content='claims', content_rowid='id', tokenize='porter unicode61 remove_diacritics 2', prefix='2 3');
--> statement-breakpoint
INSERT INTO `claims_fts`(`claims_fts`) VALUES ('rebuild');
--> statement-breakpoint
DROP TABLE `speakers_fts`;
--> statement-breakpoint
CREATE VIRTUAL TABLE `speakers_fts` USING fts5(name, description, content='speakers', content_rowid='id', tokenize='porter unicode61 remove_diacritics 2', prefix='2 3');
--> statement-breakpoint
INSERT INTO `speakers_fts`(`speakers_fts`) VALUES ('rebuild');
--> statement-breakpoint
DROP TABLE `aliases_fts`;
--> statement-breakpoint
CREATE VIRTUAL TABLE `aliases_fts` USING fts5(alias, content='speaker_aliases', content_rowid='id', tokenize='porter unicode61 remove_diacritics 2', prefix='2 3');
--> statement-breakpoint
INSERT INTO `aliases_fts`(`aliases_fts`) VALUES ('rebuild');
--> statement-breakpoint
DROP TABLE `verdicts_fts`;
--> statement-breakpoint
CREATE VIRTUAL TABLE `verdicts_fts` USING fts5(rationale, content='verdicts', content_rowid='id', tokenize='porter unicode61 remove_diacritics 2', prefix='2 3');
--> statement-breakpoint
INSERT INTO `verdicts_fts`(`verdicts_fts`) VALUES ('rebuild');
--> statement-breakpoint
DROP TABLE `evidence_fts`;
--> statement-breakpoint
CREATE VIRTUAL TABLE `evidence_fts` USING fts5(note, content='evidence', content_rowid='id', tokenize='porter unicode61 remove_diacritics 2', prefix='2 3');
--> statement-breakpoint
INSERT INTO `evidence_fts`(`evidence_fts`) VALUES ('rebuild');
