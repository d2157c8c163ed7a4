CREATE TABLE `claim_suggestions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`source_id` integer NOT NULL,
	`key` text NOT NULL,
	`quote` text NOT NULL,
	`start_offset` integer NOT NULL,
	`end_offset` integer NOT NULL,
	`kind` text NOT NULL,
	`type` text NOT NULL,
	`speaker_name` text,
	`speaker_id` integer,
	`speaker_description` text,
	`speaker_start` integer,
	`speaker_end` integer,
	`cue` text,
	`cue_start` integer,
	`cue_end` integer,
	`resolves_on` text,
	`resolves_from` text,
	`resolves_to` text,
	`confidence` real NOT NULL,
	`why` text NOT NULL,
	`state` text DEFAULT 'open' NOT NULL,
	`claim_id` integer,
	`decided_by` integer,
	`decided_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`source_id`) REFERENCES `sources`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`speaker_id`) REFERENCES `speakers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`claim_id`) REFERENCES `claims`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "claim_suggestions_kind_check" CHECK("claim_suggestions"."kind" in ('quotation', 'reported')),
	CONSTRAINT "claim_suggestions_type_check" CHECK("claim_suggestions"."type" in ('statement', 'prediction', 'statistic', 'attribution')),
	CONSTRAINT "claim_suggestions_state_check" CHECK("claim_suggestions"."state" in ('open', 'accepted', 'dismissed')),
	CONSTRAINT "claim_suggestions_offsets_check" CHECK("claim_suggestions"."start_offset" >= 0 and "claim_suggestions"."end_offset" > "claim_suggestions"."start_offset")
);
--> statement-breakpoint
CREATE UNIQUE INDEX `claim_suggestions_key_unique` ON `claim_suggestions` (`source_id`,`key`);--> statement-breakpoint
CREATE INDEX `claim_suggestions_source_idx` ON `claim_suggestions` (`source_id`,`state`,`start_offset`);--> statement-breakpoint
CREATE TABLE `source_bands` (
	`band` text NOT NULL,
	`source_id` integer NOT NULL,
	PRIMARY KEY(`band`, `source_id`),
	FOREIGN KEY (`source_id`) REFERENCES `sources`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `source_bands_source_idx` ON `source_bands` (`source_id`);--> statement-breakpoint
ALTER TABLE `sources` ADD `content_hash` text;--> statement-breakpoint
ALTER TABLE `sources` ADD `raw_hash` text;--> statement-breakpoint
CREATE INDEX `sources_content_hash_idx` ON `sources` (`content_hash`);--> statement-breakpoint
CREATE INDEX `sources_raw_hash_idx` ON `sources` (`raw_hash`);