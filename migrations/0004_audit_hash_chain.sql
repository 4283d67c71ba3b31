CREATE TABLE "audit_checkpoint" (
	"id" uuid PRIMARY KEY NOT NULL,
	"seq" bigint NOT NULL,
	"hash" text NOT NULL,
	"event_count" bigint NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"key_id" text NOT NULL,
	"public_key" text NOT NULL,
	"signature" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_head" (
	"id" smallint PRIMARY KEY NOT NULL,
	"seq" bigint NOT NULL,
	"hash" text NOT NULL,
	CONSTRAINT "audit_head_single_row" CHECK ("audit_head"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE "audit_prune_anchor" (
	"id" uuid PRIMARY KEY NOT NULL,
	"seq" bigint NOT NULL,
	"hash" text NOT NULL,
	"pruned_count" bigint NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"key_id" text NOT NULL,
	"public_key" text NOT NULL,
	"signature" text NOT NULL
);
--> statement-breakpoint
DROP INDEX "audit_event_seq";--> statement-breakpoint
ALTER TABLE "audit_event" ALTER COLUMN "seq" DROP IDENTITY;--> statement-breakpoint
ALTER TABLE "audit_event" ADD COLUMN "prev_hash" text NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_event" ADD COLUMN "hash" text NOT NULL;--> statement-breakpoint
CREATE INDEX "audit_checkpoint_seq" ON "audit_checkpoint" USING btree ("seq");--> statement-breakpoint
CREATE UNIQUE INDEX "audit_prune_anchor_seq" ON "audit_prune_anchor" USING btree ("seq");--> statement-breakpoint
CREATE UNIQUE INDEX "audit_event_seq_unique" ON "audit_event" USING btree ("seq");--> statement-breakpoint
ALTER TABLE "audit_event" ADD CONSTRAINT "audit_event_occurred_at_ms" CHECK ("audit_event"."occurred_at" = date_trunc('milliseconds', "audit_event"."occurred_at"));