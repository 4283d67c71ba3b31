CREATE TABLE "case_deadline" (
	"case_id" uuid NOT NULL,
	"name" text NOT NULL,
	"due_date" date NOT NULL,
	"source" text NOT NULL,
	"met_on" date,
	"reminded_on" date,
	CONSTRAINT "case_deadline_case_id_name_pk" PRIMARY KEY("case_id","name")
);
--> statement-breakpoint
CREATE TABLE "case_event" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_kind" text NOT NULL,
	"actor_id" uuid,
	"action" text NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_file" (
	"id" uuid PRIMARY KEY NOT NULL,
	"reference" text NOT NULL,
	"type" text NOT NULL,
	"status" text NOT NULL,
	"organisation_id" uuid NOT NULL,
	"primary_source_id" uuid,
	"registration_id" uuid,
	"parent_case_id" uuid,
	"received_date" date NOT NULL,
	"notice_date" date,
	"requester_ciphertext" text,
	"identity_verified_on" date,
	"identity_method" text,
	"acknowledged_on" date,
	"outcome" text,
	"reasons_ciphertext" text,
	"decided_on" date,
	"executed_on" date,
	"hearing_report_ciphertext" text,
	"facts" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "case_file_reference_unique" UNIQUE("reference")
);
--> statement-breakpoint
ALTER TABLE "case_deadline" ADD CONSTRAINT "case_deadline_case_id_case_file_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."case_file"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_event" ADD CONSTRAINT "case_event_case_id_case_file_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."case_file"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_file" ADD CONSTRAINT "case_file_registration_id_registration_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."registration"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_deadline_due" ON "case_deadline" USING btree ("due_date");--> statement-breakpoint
CREATE INDEX "case_event_case" ON "case_event" USING btree ("case_id","at");--> statement-breakpoint
CREATE INDEX "case_file_organisation_status" ON "case_file" USING btree ("organisation_id","status");--> statement-breakpoint
CREATE INDEX "case_file_primary_source" ON "case_file" USING btree ("primary_source_id");--> statement-breakpoint
CREATE INDEX "case_file_registration" ON "case_file" USING btree ("registration_id");