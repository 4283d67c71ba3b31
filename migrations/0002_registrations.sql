CREATE TABLE "notification_duty" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"registration_id" uuid,
	"kind" text NOT NULL,
	"due_date" date NOT NULL,
	"source" text NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "registration" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"status" text NOT NULL,
	"restriction_reason" text,
	"categories" text[] NOT NULL,
	"criteria" text[] NOT NULL,
	"placement_date" date NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"term_months" integer NOT NULL,
	"scope" text NOT NULL,
	"claim_cents" bigint,
	"objection_pending" boolean DEFAULT false NOT NULL,
	"objection_outcome" text,
	"person_ciphertext" text NOT NULL,
	"address_ciphertext" text,
	"entered_by_kind" text NOT NULL,
	"entered_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registration_blind_index" (
	"registration_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"value" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "registration_blind_index" ADD CONSTRAINT "registration_blind_index_registration_id_registration_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."registration"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "notification_duty_organisation" ON "notification_duty" USING btree ("organisation_id","status","due_date");--> statement-breakpoint
CREATE INDEX "notification_duty_registration" ON "notification_duty" USING btree ("registration_id");--> statement-breakpoint
CREATE INDEX "registration_organisation_status" ON "registration" USING btree ("organisation_id","status");--> statement-breakpoint
CREATE INDEX "registration_end_date" ON "registration" USING btree ("end_date");--> statement-breakpoint
CREATE INDEX "registration_blind_index_lookup" ON "registration_blind_index" USING btree ("kind","value");--> statement-breakpoint
CREATE INDEX "registration_blind_index_registration" ON "registration_blind_index" USING btree ("registration_id");