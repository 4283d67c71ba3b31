CREATE TABLE "arrears_agreement" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"municipality_code" text NOT NULL,
	"status" text NOT NULL,
	"reporting_point" text NOT NULL,
	"min_days_late" integer NOT NULL,
	"min_amount_cents" bigint,
	"signed_on" date,
	"delivery_from_day" integer,
	"delivery_to_day" integer,
	"contacts_ciphertext" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "arrears_arrangement" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"tenancy_id" uuid NOT NULL,
	"agreed_on" date NOT NULL,
	"total_cents" bigint NOT NULL,
	"recorded_by_kind" text NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "arrears_delivery" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"municipality_code" text NOT NULL,
	"month" text NOT NULL,
	"signal_date" date NOT NULL,
	"reporting_point" text NOT NULL,
	"deliver_by" date,
	"document_ciphertext" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "arrears_event" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"tenancy_id" uuid NOT NULL,
	"type" text NOT NULL,
	"date" date NOT NULL,
	"channel" text,
	"recorded_by_kind" text NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "arrears_feedback" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"signal_id" uuid NOT NULL,
	"tenancy_id" uuid NOT NULL,
	"municipality_code" text NOT NULL,
	"outcome" text NOT NULL,
	"date" date NOT NULL,
	"recorded_by_kind" text NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "arrears_hold" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"tenancy_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"reason" text NOT NULL,
	"start_date" date NOT NULL,
	"until" date NOT NULL,
	"arrears_cents_at_start" bigint NOT NULL,
	"ended_on" date,
	"end_reason" text,
	"feedback_id" uuid,
	"recorded_by_kind" text NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "arrears_instalment" (
	"arrangement_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"due_date" date NOT NULL,
	"amount_cents" bigint NOT NULL,
	"paid_cents" bigint DEFAULT 0 NOT NULL,
	"paid_on" date,
	CONSTRAINT "arrears_instalment_arrangement_id_seq_pk" PRIMARY KEY("arrangement_id","seq")
);
--> statement-breakpoint
CREATE TABLE "arrears_measure" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"tenancy_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"date" date NOT NULL,
	"details" jsonb NOT NULL,
	"recorded_by_kind" text NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "arrears_position" (
	"tenancy_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"as_of" date NOT NULL,
	"monthly_rent_cents" bigint NOT NULL,
	"arrears_cents" bigint NOT NULL,
	"oldest_unpaid_due_date" date,
	"last_payment_date" date,
	CONSTRAINT "arrears_position_tenancy_id_as_of_pk" PRIMARY KEY("tenancy_id","as_of")
);
--> statement-breakpoint
CREATE TABLE "arrears_signal" (
	"id" uuid PRIMARY KEY NOT NULL,
	"delivery_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"tenancy_id" uuid NOT NULL,
	"tenancy_ref" text NOT NULL,
	"municipality_code" text NOT NULL,
	"arrears_began_on" date NOT NULL,
	"arrears_cents" bigint NOT NULL,
	"months_in_arrears" integer NOT NULL,
	"signal_date" date NOT NULL,
	"repeated" boolean NOT NULL,
	"episode_ended_on" date
);
--> statement-breakpoint
CREATE TABLE "arrears_tenancy" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"tenancy_ref" text NOT NULL,
	"municipality_code" text NOT NULL,
	"municipality_derived" boolean NOT NULL,
	"monthly_rent_cents" bigint NOT NULL,
	"arrears_cents" bigint NOT NULL,
	"oldest_unpaid_due_date" date,
	"as_of" date NOT NULL,
	"arrears_began_on" date,
	"arrears_ended_on" date,
	"person_ciphertext" text NOT NULL,
	"address_ciphertext" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "arrears_arrangement" ADD CONSTRAINT "arrears_arrangement_tenancy_id_arrears_tenancy_id_fk" FOREIGN KEY ("tenancy_id") REFERENCES "public"."arrears_tenancy"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "arrears_event" ADD CONSTRAINT "arrears_event_tenancy_id_arrears_tenancy_id_fk" FOREIGN KEY ("tenancy_id") REFERENCES "public"."arrears_tenancy"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "arrears_feedback" ADD CONSTRAINT "arrears_feedback_signal_id_arrears_signal_id_fk" FOREIGN KEY ("signal_id") REFERENCES "public"."arrears_signal"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "arrears_feedback" ADD CONSTRAINT "arrears_feedback_tenancy_id_arrears_tenancy_id_fk" FOREIGN KEY ("tenancy_id") REFERENCES "public"."arrears_tenancy"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "arrears_hold" ADD CONSTRAINT "arrears_hold_tenancy_id_arrears_tenancy_id_fk" FOREIGN KEY ("tenancy_id") REFERENCES "public"."arrears_tenancy"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "arrears_instalment" ADD CONSTRAINT "arrears_instalment_arrangement_id_arrears_arrangement_id_fk" FOREIGN KEY ("arrangement_id") REFERENCES "public"."arrears_arrangement"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "arrears_measure" ADD CONSTRAINT "arrears_measure_tenancy_id_arrears_tenancy_id_fk" FOREIGN KEY ("tenancy_id") REFERENCES "public"."arrears_tenancy"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "arrears_position" ADD CONSTRAINT "arrears_position_tenancy_id_arrears_tenancy_id_fk" FOREIGN KEY ("tenancy_id") REFERENCES "public"."arrears_tenancy"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "arrears_signal" ADD CONSTRAINT "arrears_signal_delivery_id_arrears_delivery_id_fk" FOREIGN KEY ("delivery_id") REFERENCES "public"."arrears_delivery"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "arrears_signal" ADD CONSTRAINT "arrears_signal_tenancy_id_arrears_tenancy_id_fk" FOREIGN KEY ("tenancy_id") REFERENCES "public"."arrears_tenancy"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "arrears_agreement_org_municipality" ON "arrears_agreement" USING btree ("organisation_id","municipality_code");--> statement-breakpoint
CREATE INDEX "arrears_arrangement_tenancy" ON "arrears_arrangement" USING btree ("tenancy_id");--> statement-breakpoint
CREATE INDEX "arrears_arrangement_org" ON "arrears_arrangement" USING btree ("organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "arrears_delivery_once" ON "arrears_delivery" USING btree ("organisation_id","municipality_code","month");--> statement-breakpoint
CREATE UNIQUE INDEX "arrears_event_once" ON "arrears_event" USING btree ("tenancy_id","type","date");--> statement-breakpoint
CREATE UNIQUE INDEX "arrears_feedback_once" ON "arrears_feedback" USING btree ("signal_id","outcome","date");--> statement-breakpoint
CREATE INDEX "arrears_hold_tenancy" ON "arrears_hold" USING btree ("tenancy_id");--> statement-breakpoint
CREATE INDEX "arrears_measure_tenancy" ON "arrears_measure" USING btree ("tenancy_id");--> statement-breakpoint
CREATE INDEX "arrears_measure_org" ON "arrears_measure" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "arrears_position_org_as_of" ON "arrears_position" USING btree ("organisation_id","as_of");--> statement-breakpoint
CREATE INDEX "arrears_signal_tenancy" ON "arrears_signal" USING btree ("tenancy_id","signal_date");--> statement-breakpoint
CREATE INDEX "arrears_signal_delivery" ON "arrears_signal" USING btree ("delivery_id");--> statement-breakpoint
CREATE INDEX "arrears_signal_org_date" ON "arrears_signal" USING btree ("organisation_id","signal_date");--> statement-breakpoint
CREATE UNIQUE INDEX "arrears_tenancy_org_ref" ON "arrears_tenancy" USING btree ("organisation_id","tenancy_ref");--> statement-breakpoint
CREATE INDEX "arrears_tenancy_org_municipality" ON "arrears_tenancy" USING btree ("organisation_id","municipality_code");