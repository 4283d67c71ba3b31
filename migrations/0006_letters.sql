CREATE TABLE "letter" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"registration_id" uuid,
	"case_id" uuid,
	"duty_id" uuid,
	"kind" text NOT NULL,
	"language" text NOT NULL,
	"status" text NOT NULL,
	"channel" text NOT NULL,
	"letter_date" date NOT NULL,
	"title" text NOT NULL,
	"pdf_ciphertext" text,
	"pdf_sha256" text NOT NULL,
	"pdf_bytes" integer NOT NULL,
	"delivery_error" text,
	"created_at" timestamp with time zone NOT NULL,
	"created_by_kind" text NOT NULL,
	"created_by" uuid,
	"sent_at" timestamp with time zone,
	"sent_on" date,
	"documented_at" timestamp with time zone,
	"acted_by_kind" text,
	"acted_by" uuid,
	"content_erased_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "notification_duty" ADD COLUMN "case_id" uuid;--> statement-breakpoint
ALTER TABLE "notification_duty" ADD COLUMN "deadline_key" text;--> statement-breakpoint
ALTER TABLE "notification_duty" ADD COLUMN "event_date" date;--> statement-breakpoint
ALTER TABLE "notification_duty" ADD COLUMN "reason" text;--> statement-breakpoint
ALTER TABLE "notification_duty" ADD COLUMN "recipient_ciphertext" text;--> statement-breakpoint
ALTER TABLE "notification_duty" ADD COLUMN "skip_reason" text;--> statement-breakpoint
ALTER TABLE "notification_duty" ADD COLUMN "closed_by_kind" text;--> statement-breakpoint
ALTER TABLE "notification_duty" ADD COLUMN "closed_by" uuid;--> statement-breakpoint
ALTER TABLE "notification_duty" ADD COLUMN "reopened_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "organisation" ADD COLUMN "logo" text;--> statement-breakpoint
ALTER TABLE "letter" ADD CONSTRAINT "letter_duty_id_notification_duty_id_fk" FOREIGN KEY ("duty_id") REFERENCES "public"."notification_duty"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "letter_organisation" ON "letter" USING btree ("organisation_id","created_at");--> statement-breakpoint
CREATE INDEX "letter_registration" ON "letter" USING btree ("registration_id");--> statement-breakpoint
CREATE INDEX "letter_duty" ON "letter" USING btree ("duty_id");