CREATE TABLE "screening" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"actor_kind" text NOT NULL,
	"actor_id" uuid NOT NULL,
	"role" text NOT NULL,
	"purpose" text NOT NULL,
	"hit" boolean NOT NULL,
	"result_count" integer NOT NULL,
	"subject_ref" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "seeker" (
	"seeker_number" text PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"person_ciphertext" text NOT NULL,
	"fingerprint" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "seeker_blind_index" (
	"seeker_number" text NOT NULL,
	"kind" text NOT NULL,
	"value" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "seeker_block" (
	"id" uuid PRIMARY KEY NOT NULL,
	"match_id" uuid NOT NULL,
	"registration_id" uuid NOT NULL,
	"seeker_number" text NOT NULL,
	"organisation_id" uuid NOT NULL,
	"start_date" date NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "seeker_match" (
	"id" uuid PRIMARY KEY NOT NULL,
	"registration_id" uuid NOT NULL,
	"seeker_number" text NOT NULL,
	"organisation_id" uuid NOT NULL,
	"status" text NOT NULL,
	"score" real NOT NULL,
	"reasons" jsonb NOT NULL,
	"registration_fingerprint" text NOT NULL,
	"seeker_fingerprint" text NOT NULL,
	"proposed_at" timestamp with time zone NOT NULL,
	"decided_at" timestamp with time zone,
	"decided_by_kind" text,
	"decided_by" uuid
);
--> statement-breakpoint
ALTER TABLE "seeker_blind_index" ADD CONSTRAINT "seeker_blind_index_seeker_number_seeker_seeker_number_fk" FOREIGN KEY ("seeker_number") REFERENCES "public"."seeker"("seeker_number") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seeker_block" ADD CONSTRAINT "seeker_block_match_id_seeker_match_id_fk" FOREIGN KEY ("match_id") REFERENCES "public"."seeker_match"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seeker_block" ADD CONSTRAINT "seeker_block_registration_id_registration_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."registration"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seeker_block" ADD CONSTRAINT "seeker_block_seeker_number_seeker_seeker_number_fk" FOREIGN KEY ("seeker_number") REFERENCES "public"."seeker"("seeker_number") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seeker_match" ADD CONSTRAINT "seeker_match_registration_id_registration_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."registration"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seeker_match" ADD CONSTRAINT "seeker_match_seeker_number_seeker_seeker_number_fk" FOREIGN KEY ("seeker_number") REFERENCES "public"."seeker"("seeker_number") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "screening_actor_time" ON "screening" USING btree ("actor_id","created_at");--> statement-breakpoint
CREATE INDEX "screening_organisation_time" ON "screening" USING btree ("organisation_id","created_at");--> statement-breakpoint
CREATE INDEX "screening_subject" ON "screening" USING btree ("subject_ref");--> statement-breakpoint
CREATE INDEX "seeker_blind_index_lookup" ON "seeker_blind_index" USING btree ("kind","value");--> statement-breakpoint
CREATE INDEX "seeker_blind_index_seeker" ON "seeker_blind_index" USING btree ("seeker_number");--> statement-breakpoint
CREATE UNIQUE INDEX "seeker_block_match" ON "seeker_block" USING btree ("match_id");--> statement-breakpoint
CREATE INDEX "seeker_block_seeker" ON "seeker_block" USING btree ("seeker_number");--> statement-breakpoint
CREATE INDEX "seeker_block_registration" ON "seeker_block" USING btree ("registration_id");--> statement-breakpoint
CREATE UNIQUE INDEX "seeker_match_pair" ON "seeker_match" USING btree ("registration_id","seeker_number");--> statement-breakpoint
CREATE INDEX "seeker_match_organisation_status" ON "seeker_match" USING btree ("organisation_id","status");--> statement-breakpoint
CREATE INDEX "seeker_match_seeker" ON "seeker_match" USING btree ("seeker_number");