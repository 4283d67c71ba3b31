CREATE TABLE "screening_candidate" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"screening_id" uuid NOT NULL,
	"registration_id" uuid NOT NULL,
	"querier_organisation_id" uuid NOT NULL,
	"status" text NOT NULL,
	"score" real,
	"subject_fingerprint" text NOT NULL,
	"person_ciphertext" text,
	"due_date" date,
	"created_at" timestamp with time zone NOT NULL,
	"decided_at" timestamp with time zone,
	"decided_by_kind" text,
	"decided_by" uuid
);
--> statement-breakpoint
ALTER TABLE "screening_candidate" ADD CONSTRAINT "screening_candidate_screening_id_screening_id_fk" FOREIGN KEY ("screening_id") REFERENCES "public"."screening"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screening_candidate" ADD CONSTRAINT "screening_candidate_registration_id_registration_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."registration"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "screening_candidate_pair" ON "screening_candidate" USING btree ("screening_id","registration_id");--> statement-breakpoint
CREATE INDEX "screening_candidate_organisation_status" ON "screening_candidate" USING btree ("organisation_id","status");--> statement-breakpoint
CREATE INDEX "screening_candidate_decision" ON "screening_candidate" USING btree ("registration_id","subject_fingerprint");