-- Full-text search over sources, claims, speakers and aliases, verdict rationales and evidence notes.
-- Each table has two FTS5 indexes over the same rows, kept in sync by triggers:
--   <name>_fts: unicode61 with diacritics folded and prefix indexes (2 and 3 characters), for spaced
--               scripts (English and the like) and for Hangul words searched by their beginning;
--   <name>_tri: trigram, for substrings of three characters or more in Korean and other unspaced scripts.
-- Both are external-content tables over their base table (no second copy of the text). An external-content
-- index must be told the OLD values to delete a row ('delete' command): a rowid-only delete would leave the
-- old tokens behind and corrupt the index. Hand-written (drizzle-kit generate --custom): drizzle-kit does not
-- know virtual tables or triggers.
CREATE VIRTUAL TABLE `sources_fts` USING fts5(title, body, content='sources', content_rowid='id', tokenize='unicode61 remove_diacritics 2', prefix='2 3');
--> statement-breakpoint
INSERT INTO `sources_fts`(`sources_fts`) VALUES ('rebuild');
--> statement-breakpoint
CREATE VIRTUAL TABLE `sources_tri` USING fts5(title, body, content='sources', content_rowid='id', tokenize='trigram');
--> statement-breakpoint
INSERT INTO `sources_tri`(`sources_tri`) VALUES ('rebuild');
--> statement-breakpoint
CREATE TRIGGER `sources_search_insert` AFTER INSERT ON `sources` BEGIN
  INSERT INTO `sources_fts`(rowid, title, body) VALUES (new.id, new.title, new.body);
  INSERT INTO `sources_tri`(rowid, title, body) VALUES (new.id, new.title, new.body);
END;
--> statement-breakpoint
CREATE TRIGGER `sources_search_delete` AFTER DELETE ON `sources` BEGIN
  INSERT INTO `sources_fts`(`sources_fts`, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
  INSERT INTO `sources_tri`(`sources_tri`, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
END;
--> statement-breakpoint
CREATE TRIGGER `sources_search_update` AFTER UPDATE OF `title`, `body` ON `sources` BEGIN
  INSERT INTO `sources_fts`(`sources_fts`, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
  INSERT INTO `sources_tri`(`sources_tri`, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
  INSERT INTO `sources_fts`(rowid, title, body) VALUES (new.id, new.title, new.body);
  INSERT INTO `sources_tri`(rowid, title, body) VALUES (new.id, new.title, new.body);
END;
--> statement-breakpoint
CREATE VIRTUAL TABLE `claims_fts` USING fts5(quote, proposition, content='claims', content_rowid='id', tokenize='unicode61 remove_diacritics 2', prefix='2 3');
--> statement-breakpoint
INSERT INTO `claims_fts`(`claims_fts`) VALUES ('rebuild');
--> statement-breakpoint
CREATE VIRTUAL TABLE `claims_tri` USING fts5(quote, proposition, content='claims', content_rowid='id', tokenize='trigram');
--> statement-breakpoint
INSERT INTO `claims_tri`(`claims_tri`) VALUES ('rebuild');
--> statement-breakpoint
CREATE TRIGGER `claims_search_insert` AFTER INSERT ON `claims` BEGIN
  INSERT INTO `claims_fts`(rowid, quote, proposition) VALUES (new.id, new.quote, new.proposition);
  INSERT INTO `claims_tri`(rowid, quote, proposition) VALUES (new.id, new.quote, new.proposition);
END;
--> statement-breakpoint
CREATE TRIGGER `claims_search_delete` AFTER DELETE ON `claims` BEGIN
  INSERT INTO `claims_fts`(`claims_fts`, rowid, quote, proposition) VALUES ('delete', old.id, old.quote, old.proposition);
  INSERT INTO `claims_tri`(`claims_tri`, rowid, quote, proposition) VALUES ('delete', old.id, old.quote, old.proposition);
END;
--> statement-breakpoint
CREATE TRIGGER `claims_search_update` AFTER UPDATE OF `quote`, `proposition` ON `claims` BEGIN
  INSERT INTO `claims_fts`(`claims_fts`, rowid, quote, proposition) VALUES ('delete', old.id, old.quote, old.proposition);
  INSERT INTO `claims_tri`(`claims_tri`, rowid, quote, proposition) VALUES ('delete', old.id, old.quote, old.proposition);
  INSERT INTO `claims_fts`(rowid, quote, proposition) VALUES (new.id, new.quote, new.proposition);
  INSERT INTO `claims_tri`(rowid, quote, proposition) VALUES (new.id, new.quote, new.proposition);
END;
--> statement-breakpoint
CREATE VIRTUAL TABLE `speakers_fts` USING fts5(name, description, content='speakers', content_rowid='id', tokenize='unicode61 remove_diacritics 2', prefix='2 3');
--> statement-breakpoint
INSERT INTO `speakers_fts`(`speakers_fts`) VALUES ('rebuild');
--> statement-breakpoint
CREATE VIRTUAL TABLE `speakers_tri` USING fts5(name, description, content='speakers', content_rowid='id', tokenize='trigram');
--> statement-breakpoint
INSERT INTO `speakers_tri`(`speakers_tri`) VALUES ('rebuild');
--> statement-breakpoint
CREATE TRIGGER `speakers_search_insert` AFTER INSERT ON `speakers` BEGIN
  INSERT INTO `speakers_fts`(rowid, name, description) VALUES (new.id, new.name, new.description);
  INSERT INTO `speakers_tri`(rowid, name, description) VALUES (new.id, new.name, new.description);
END;
--> statement-breakpoint
CREATE TRIGGER `speakers_search_delete` AFTER DELETE ON `speakers` BEGIN
  INSERT INTO `speakers_fts`(`speakers_fts`, rowid, name, description) VALUES ('delete', old.id, old.name, old.description);
  INSERT INTO `speakers_tri`(`speakers_tri`, rowid, name, description) VALUES ('delete', old.id, old.name, old.description);
END;
--> statement-breakpoint
CREATE TRIGGER `speakers_search_update` AFTER UPDATE OF `name`, `description` ON `speakers` BEGIN
  INSERT INTO `speakers_fts`(`speakers_fts`, rowid, name, description) VALUES ('delete', old.id, old.name, old.description);
  INSERT INTO `speakers_tri`(`speakers_tri`, rowid, name, description) VALUES ('delete', old.id, old.name, old.description);
  INSERT INTO `speakers_fts`(rowid, name, description) VALUES (new.id, new.name, new.description);
  INSERT INTO `speakers_tri`(rowid, name, description) VALUES (new.id, new.name, new.description);
END;
--> statement-breakpoint
CREATE VIRTUAL TABLE `aliases_fts` USING fts5(alias, content='speaker_aliases', content_rowid='id', tokenize='unicode61 remove_diacritics 2', prefix='2 3');
--> statement-breakpoint
INSERT INTO `aliases_fts`(`aliases_fts`) VALUES ('rebuild');
--> statement-breakpoint
CREATE VIRTUAL TABLE `aliases_tri` USING fts5(alias, content='speaker_aliases', content_rowid='id', tokenize='trigram');
--> statement-breakpoint
INSERT INTO `aliases_tri`(`aliases_tri`) VALUES ('rebuild');
--> statement-breakpoint
CREATE TRIGGER `aliases_search_insert` AFTER INSERT ON `speaker_aliases` BEGIN
  INSERT INTO `aliases_fts`(rowid, alias) VALUES (new.id, new.alias);
  INSERT INTO `aliases_tri`(rowid, alias) VALUES (new.id, new.alias);
END;
--> statement-breakpoint
CREATE TRIGGER `aliases_search_delete` AFTER DELETE ON `speaker_aliases` BEGIN
  INSERT INTO `aliases_fts`(`aliases_fts`, rowid, alias) VALUES ('delete', old.id, old.alias);
  INSERT INTO `aliases_tri`(`aliases_tri`, rowid, alias) VALUES ('delete', old.id, old.alias);
END;
--> statement-breakpoint
CREATE TRIGGER `aliases_search_update` AFTER UPDATE OF `alias` ON `speaker_aliases` BEGIN
  INSERT INTO `aliases_fts`(`aliases_fts`, rowid, alias) VALUES ('delete', old.id, old.alias);
  INSERT INTO `aliases_tri`(`aliases_tri`, rowid, alias) VALUES ('delete', old.id, old.alias);
  INSERT INTO `aliases_fts`(rowid, alias) VALUES (new.id, new.alias);
  INSERT INTO `aliases_tri`(rowid, alias) VALUES (new.id, new.alias);
END;
--> statement-breakpoint
CREATE VIRTUAL TABLE `verdicts_fts` USING fts5(rationale, content='verdicts', content_rowid='id', tokenize='unicode61 remove_diacritics 2', prefix='2 3');
--> statement-breakpoint
INSERT INTO `verdicts_fts`(`verdicts_fts`) VALUES ('rebuild');
--> statement-breakpoint
CREATE VIRTUAL TABLE `verdicts_tri` USING fts5(rationale, content='verdicts', content_rowid='id', tokenize='trigram');
--> statement-breakpoint
INSERT INTO `verdicts_tri`(`verdicts_tri`) VALUES ('rebuild');
--> statement-breakpoint
CREATE TRIGGER `verdicts_search_insert` AFTER INSERT ON `verdicts` BEGIN
  INSERT INTO `verdicts_fts`(rowid, rationale) VALUES (new.id, new.rationale);
  INSERT INTO `verdicts_tri`(rowid, rationale) VALUES (new.id, new.rationale);
END;
--> statement-breakpoint
CREATE VIRTUAL TABLE `evidence_fts` USING fts5(note, content='evidence', content_rowid='id', tokenize='unicode61 remove_diacritics 2', prefix='2 3');
--> statement-breakpoint
INSERT INTO `evidence_fts`(`evidence_fts`) VALUES ('rebuild');
--> statement-breakpoint
CREATE VIRTUAL TABLE `evidence_tri` USING fts5(note, content='evidence', content_rowid='id', tokenize='trigram');
--> statement-breakpoint
INSERT INTO `evidence_tri`(`evidence_tri`) VALUES ('rebuild');
--> statement-breakpoint
CREATE TRIGGER `evidence_search_insert` AFTER INSERT ON `evidence` BEGIN
  INSERT INTO `evidence_fts`(rowid, note) VALUES (new.id, new.note);
  INSERT INTO `evidence_tri`(rowid, note) VALUES (new.id, new.note);
END;
--> statement-breakpoint
CREATE TRIGGER `evidence_search_delete` AFTER DELETE ON `evidence` BEGIN
  INSERT INTO `evidence_fts`(`evidence_fts`, rowid, note) VALUES ('delete', old.id, old.note);
  INSERT INTO `evidence_tri`(`evidence_tri`, rowid, note) VALUES ('delete', old.id, old.note);
END;
--> statement-breakpoint
CREATE TRIGGER `evidence_search_update` AFTER UPDATE OF `note` ON `evidence` BEGIN
  INSERT INTO `evidence_fts`(`evidence_fts`, rowid, note) VALUES ('delete', old.id, old.note);
  INSERT INTO `evidence_tri`(`evidence_tri`, rowid, note) VALUES ('delete', old.id, old.note);
  INSERT INTO `evidence_fts`(rowid, note) VALUES (new.id, new.note);
  INSERT INTO `evidence_tri`(rowid, note) VALUES (new.id, new.note);
END;
