DROP INDEX "claims_due_idx";--> statement-breakpoint
CREATE INDEX "claims_live_status_idx" ON "claims" USING btree ("status") WHERE "claims"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "claims_live_due_idx" ON "claims" USING btree ("type","status","resolves_on") WHERE "claims"."deleted_at" is null;