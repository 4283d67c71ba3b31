CREATE TABLE "region_mail" (
	"region_id" uuid PRIMARY KEY NOT NULL,
	"key_organisation_id" uuid NOT NULL,
	"host" text NOT NULL,
	"port" integer NOT NULL,
	"tls" text NOT NULL,
	"username" text,
	"password" text,
	"from_address" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "region_mail" ADD CONSTRAINT "region_mail_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "region_mail" ADD CONSTRAINT "region_mail_key_organisation_id_organisation_id_fk" FOREIGN KEY ("key_organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;