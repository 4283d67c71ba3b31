CREATE TABLE "duty_occasion" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"duty_id" uuid NOT NULL,
	"occurred_on" date NOT NULL,
	"purpose" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "notification_duty" ADD COLUMN "group_ref" text;--> statement-breakpoint
ALTER TABLE "duty_occasion" ADD CONSTRAINT "duty_occasion_duty_id_notification_duty_id_fk" FOREIGN KEY ("duty_id") REFERENCES "public"."notification_duty"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "duty_occasion_duty" ON "duty_occasion" USING btree ("duty_id","occurred_on");--> statement-breakpoint
CREATE INDEX "notification_duty_group" ON "notification_duty" USING btree ("organisation_id","kind","group_ref");