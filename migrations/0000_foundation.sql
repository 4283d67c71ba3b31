CREATE TABLE "data_key" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"wrapped_key" text NOT NULL,
	"master_key_id" text NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"retired_at" timestamp with time zone,
	CONSTRAINT "data_key_organisation_version" UNIQUE("organisation_id","version")
);
--> statement-breakpoint
CREATE TABLE "region_secret" (
	"purpose" text PRIMARY KEY NOT NULL,
	"wrapped_key" text NOT NULL,
	"master_key_id" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "job_run" (
	"job_name" text NOT NULL,
	"period" text NOT NULL,
	"status" text NOT NULL,
	"lease_owner" text NOT NULL,
	"lease_until" timestamp with time zone NOT NULL,
	"attempts" integer DEFAULT 1 NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	"result" jsonb,
	"error" text,
	CONSTRAINT "job_run_job_name_period_pk" PRIMARY KEY("job_name","period")
);
--> statement-breakpoint
CREATE INDEX "data_key_organisation_status" ON "data_key" USING btree ("organisation_id","status");