CREATE TABLE "block_lookup" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"actor_kind" text NOT NULL,
	"actor_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"hit" boolean NOT NULL,
	"subject_ref" text NOT NULL,
	"seeker_ref" text NOT NULL,
	"sequential" boolean NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "block_lookup_actor_time" ON "block_lookup" USING btree ("actor_id","created_at");--> statement-breakpoint
CREATE INDEX "block_lookup_time" ON "block_lookup" USING btree ("created_at");