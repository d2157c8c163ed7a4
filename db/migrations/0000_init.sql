CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`actor_id` integer,
	`action` text NOT NULL,
	`entity` text NOT NULL,
	`entity_id` integer,
	`before` text,
	`after` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "audit_before_json" CHECK("audit_log"."before" is null or json_valid("audit_log"."before")),
	CONSTRAINT "audit_after_json" CHECK("audit_log"."after" is null or json_valid("audit_log"."after"))
);
--> statement-breakpoint
CREATE INDEX `audit_entity_idx` ON `audit_log` (`entity`,`entity_id`);--> statement-breakpoint
CREATE INDEX `audit_actor_idx` ON `audit_log` (`actor_id`);--> statement-breakpoint
CREATE TABLE `claims` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`source_id` integer NOT NULL,
	`speaker_id` integer NOT NULL,
	`quote` text NOT NULL,
	`start_offset` integer NOT NULL,
	`end_offset` integer NOT NULL,
	`prefix` text NOT NULL,
	`suffix` text NOT NULL,
	`type` text DEFAULT 'statement' NOT NULL,
	`proposition` text,
	`resolves_on` text,
	`status` text DEFAULT 'pending' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_by` integer NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`source_id`) REFERENCES `sources`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`speaker_id`) REFERENCES `speakers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "claims_type_check" CHECK("claims"."type" in ('statement', 'prediction', 'statistic', 'attribution')),
	CONSTRAINT "claims_status_check" CHECK("claims"."status" in ('pending', 'corroborated', 'contradicted')),
	CONSTRAINT "claims_offsets_check" CHECK("claims"."start_offset" >= 0 and "claims"."end_offset" > "claims"."start_offset"),
	CONSTRAINT "claims_version_check" CHECK("claims"."version" >= 1),
	CONSTRAINT "claims_resolves_on_check" CHECK("claims"."resolves_on" is null or ("claims"."type" = 'prediction' and "claims"."resolves_on" glob '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'))
);
--> statement-breakpoint
CREATE INDEX `claims_source_idx` ON `claims` (`source_id`,`start_offset`);--> statement-breakpoint
CREATE INDEX `claims_speaker_idx` ON `claims` (`speaker_id`,`id`);--> statement-breakpoint
CREATE INDEX `claims_status_idx` ON `claims` (`status`,`id`);--> statement-breakpoint
CREATE INDEX `claims_type_idx` ON `claims` (`type`,`id`);--> statement-breakpoint
CREATE TABLE `evidence` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`claim_id` integer NOT NULL,
	`verdict_id` integer,
	`target_claim_id` integer,
	`target_source_id` integer,
	`target_start` integer,
	`target_end` integer,
	`target_quote` text,
	`url` text,
	`stance` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`created_by` integer NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`claim_id`) REFERENCES `claims`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`verdict_id`) REFERENCES `verdicts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`target_claim_id`) REFERENCES `claims`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`target_source_id`) REFERENCES `sources`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "evidence_stance_check" CHECK("evidence"."stance" in ('supports', 'refutes', 'context')),
	CONSTRAINT "evidence_target_check" CHECK(("evidence"."target_claim_id" is not null and "evidence"."target_source_id" is null and "evidence"."url" is null)
       or ("evidence"."target_claim_id" is null and "evidence"."target_source_id" is not null and "evidence"."url" is null
           and "evidence"."target_start" is not null and "evidence"."target_end" > "evidence"."target_start" and "evidence"."target_quote" is not null)
       or ("evidence"."target_claim_id" is null and "evidence"."target_source_id" is null
           and ("evidence"."url" like 'http://%' or "evidence"."url" like 'https://%'))),
	CONSTRAINT "evidence_not_self_check" CHECK("evidence"."target_claim_id" is null or "evidence"."target_claim_id" <> "evidence"."claim_id")
);
--> statement-breakpoint
CREATE INDEX `evidence_claim_idx` ON `evidence` (`claim_id`);--> statement-breakpoint
CREATE INDEX `evidence_target_claim_idx` ON `evidence` (`target_claim_id`);--> statement-breakpoint
CREATE INDEX `evidence_target_source_idx` ON `evidence` (`target_source_id`);--> statement-breakpoint
CREATE TABLE `sign_in_failures` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`key` text NOT NULL,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `sign_in_failures_key_idx` ON `sign_in_failures` (`key`,`at`);--> statement-breakpoint
CREATE TABLE `sources` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`title` text NOT NULL,
	`outlet` text NOT NULL,
	`byline` text,
	`url` text,
	`published_at` text NOT NULL,
	`published_precision` text DEFAULT 'minute' NOT NULL,
	`language` text DEFAULT 'en' NOT NULL,
	`body` text NOT NULL,
	`translation_note` text,
	`caption` text,
	`created_by` integer NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "sources_url_check" CHECK("sources"."url" is null or "sources"."url" like 'http://%' or "sources"."url" like 'https://%'),
	CONSTRAINT "sources_precision_check" CHECK("sources"."published_precision" in ('date', 'minute')),
	CONSTRAINT "sources_body_check" CHECK(length("sources"."body") > 0)
);
--> statement-breakpoint
CREATE INDEX `sources_published_idx` ON `sources` (`published_at`);--> statement-breakpoint
CREATE TABLE `speaker_aliases` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`speaker_id` integer NOT NULL,
	`alias` text NOT NULL,
	`alias_key` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`speaker_id`) REFERENCES `speakers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `speaker_aliases_unique` ON `speaker_aliases` (`speaker_id`,`alias_key`);--> statement-breakpoint
CREATE INDEX `speaker_aliases_key_idx` ON `speaker_aliases` (`alias_key`);--> statement-breakpoint
CREATE TABLE `speakers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`name_key` text NOT NULL,
	`description` text,
	`kind` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	CONSTRAINT "speakers_kind_check" CHECK("speakers"."kind" in ('person', 'organization'))
);
--> statement-breakpoint
CREATE INDEX `speakers_name_key_idx` ON `speakers` (`name_key`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email` text NOT NULL,
	`name` text NOT NULL,
	`password_hash` text NOT NULL,
	`role` text NOT NULL,
	`disabled` integer DEFAULT false NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	CONSTRAINT "users_role_check" CHECK("users"."role" in ('admin', 'reviewer', 'viewer')),
	CONSTRAINT "users_disabled_check" CHECK("users"."disabled" in (0, 1))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_unique` ON `users` (lower("email"));--> statement-breakpoint
CREATE TABLE `verdicts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`claim_id` integer NOT NULL,
	`reviewer_id` integer NOT NULL,
	`status` text NOT NULL,
	`rationale` text DEFAULT '' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`claim_id`) REFERENCES `claims`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reviewer_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "verdicts_status_check" CHECK("verdicts"."status" in ('pending', 'corroborated', 'contradicted'))
);
--> statement-breakpoint
CREATE INDEX `verdicts_claim_idx` ON `verdicts` (`claim_id`,`id`);--> statement-breakpoint
CREATE INDEX `verdicts_reviewer_idx` ON `verdicts` (`reviewer_id`);