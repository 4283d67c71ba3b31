ALTER TABLE "registration" ADD COLUMN "dwelling_address_ciphertext" text;--> statement-breakpoint
ALTER TABLE "registration" ADD COLUMN "dwelling_is_contact" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "registration" ADD COLUMN "tenancy_relation" text;--> statement-breakpoint
ALTER TABLE "registration" ADD COLUMN "evidence_ciphertext" text;--> statement-breakpoint
-- hand-written: a registration from before the two addresses keeps its one address as both, the contact and the dwelling address (issue 20 part 5; D-822). The ciphertext is bound to its column, so the dwelling reads the contact column until either address changes.
UPDATE "registration" SET "dwelling_is_contact" = true WHERE "address_ciphertext" IS NOT NULL;
