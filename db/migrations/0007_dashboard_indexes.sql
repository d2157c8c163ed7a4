CREATE INDEX `claims_creator_idx` ON `claims` (`created_by`,`status`,`id`);--> statement-breakpoint
CREATE INDEX `claims_due_idx` ON `claims` (`type`,`status`,`resolves_on`);