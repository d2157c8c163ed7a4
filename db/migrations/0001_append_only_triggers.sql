-- Verdicts and the audit log are append-only: history is never rewritten.
CREATE TRIGGER `verdicts_no_update` BEFORE UPDATE ON `verdicts`
BEGIN SELECT RAISE(ABORT, 'verdicts are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `verdicts_no_delete` BEFORE DELETE ON `verdicts`
BEGIN SELECT RAISE(ABORT, 'verdicts are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `audit_log_no_update` BEFORE UPDATE ON `audit_log`
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `audit_log_no_delete` BEFORE DELETE ON `audit_log`
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
