ALTER TABLE "api_key" ADD COLUMN "user_id" uuid;--> statement-breakpoint
ALTER TABLE "registration" ADD COLUMN "decided_by" uuid;--> statement-breakpoint
ALTER TABLE "registration" ADD COLUMN "decided_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "registration" ADD COLUMN "second_look_by" uuid;--> statement-breakpoint
ALTER TABLE "registration" ADD COLUMN "second_look_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "registration" ADD COLUMN "import_id" uuid;--> statement-breakpoint
ALTER TABLE "registration" ADD COLUMN "pending_change" jsonb;--> statement-breakpoint
-- hand-written: registrations entered by a person were decided by that person at entry (D-841)
UPDATE "registration" SET "decided_by" = "entered_by", "decided_at" = "created_at" WHERE "entered_by_kind" = 'user';
