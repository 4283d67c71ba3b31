CREATE TABLE "auditor_request" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"organisation_id" uuid,
	"payload" jsonb NOT NULL,
	"status" text NOT NULL,
	"requested_by" uuid NOT NULL,
	"requested_by_kind" text NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"result_id" uuid
);
--> statement-breakpoint
ALTER TABLE "app_user" ADD COLUMN "sign_in_warned_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "auditor_request_status" ON "auditor_request" USING btree ("status","requested_at");