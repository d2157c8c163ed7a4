-- Verdicts and the audit log are append-only: history is never rewritten.
-- The PostgreSQL twin of db/migrations/0001_append_only_triggers.sql: the same trigger names, firing
-- BEFORE UPDATE and BEFORE DELETE of every row, with the same messages ('verdicts are append-only',
-- 'audit_log is append-only'; SQLSTATE P0001 raise_exception). TRUNCATE, which SQLite does not have and
-- which skips row triggers, is refused as well, so the rule has no way around it on this engine either.
-- Hand-written (drizzle-kit generate --custom): drizzle-kit does not know triggers.
CREATE FUNCTION "append_only_refuse"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '%', TG_ARGV[0];
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "verdicts_no_update" BEFORE UPDATE ON "verdicts"
FOR EACH ROW EXECUTE FUNCTION "append_only_refuse"('verdicts are append-only');
--> statement-breakpoint
CREATE TRIGGER "verdicts_no_delete" BEFORE DELETE ON "verdicts"
FOR EACH ROW EXECUTE FUNCTION "append_only_refuse"('verdicts are append-only');
--> statement-breakpoint
CREATE TRIGGER "verdicts_no_truncate" BEFORE TRUNCATE ON "verdicts"
FOR EACH STATEMENT EXECUTE FUNCTION "append_only_refuse"('verdicts are append-only');
--> statement-breakpoint
CREATE TRIGGER "audit_log_no_update" BEFORE UPDATE ON "audit_log"
FOR EACH ROW EXECUTE FUNCTION "append_only_refuse"('audit_log is append-only');
--> statement-breakpoint
CREATE TRIGGER "audit_log_no_delete" BEFORE DELETE ON "audit_log"
FOR EACH ROW EXECUTE FUNCTION "append_only_refuse"('audit_log is append-only');
--> statement-breakpoint
CREATE TRIGGER "audit_log_no_truncate" BEFORE TRUNCATE ON "audit_log"
FOR EACH STATEMENT EXECUTE FUNCTION "append_only_refuse"('audit_log is append-only');
