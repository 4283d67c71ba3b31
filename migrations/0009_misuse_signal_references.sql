ALTER TABLE "screening" ADD COLUMN "name_ref" text;--> statement-breakpoint
ALTER TABLE "seeker" ADD COLUMN "subject_ref" text;--> statement-breakpoint
CREATE INDEX "screening_name" ON "screening" USING btree ("name_ref");--> statement-breakpoint
CREATE INDEX "seeker_subject" ON "seeker" USING btree ("subject_ref");