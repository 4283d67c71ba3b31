-- Issue 20 parts 6 and 8 (D-760, D-763). Every registration and case records the protocol
-- version it was decided under. Rows that exist already were decided under the region's
-- profile as it stood before revisions were numbered: they get "Woonsignaal-revisie 1" of that
-- profile (src/protocol/*.ts `revision`; keurmerk-2013 and kkr are at revision 2 since, with
-- unchanged terms). The region's single profile decides the text; no data is lost.
ALTER TABLE "case_file" ADD COLUMN "protocol_version" text;--> statement-breakpoint
ALTER TABLE "organisation" ADD COLUMN "letting_agent" text;--> statement-breakpoint
ALTER TABLE "registration" ADD COLUMN "protocol_version" text;--> statement-breakpoint
UPDATE "registration" SET "protocol_version" = (
  SELECT CASE "region"."profile"
    WHEN 'aedes-2021' THEN 'versie 1.4 van 13 december 2021, Woonsignaal-revisie 1'
    WHEN 'keurmerk-2013' THEN 'versie van 10 februari 2013, Woonsignaal-revisie 1'
    WHEN 'kkr' THEN 'brochure van het Nationaal Meldpunt Ongewenst Huurdersgedrag, Woonsignaal-revisie 1'
    ELSE "region"."profile" || ', Woonsignaal-revisie 1'
  END FROM "region" ORDER BY "region"."created_at" LIMIT 1
) WHERE "protocol_version" IS NULL;--> statement-breakpoint
UPDATE "case_file" SET "protocol_version" = (
  SELECT CASE "region"."profile"
    WHEN 'aedes-2021' THEN 'versie 1.4 van 13 december 2021, Woonsignaal-revisie 1'
    WHEN 'keurmerk-2013' THEN 'versie van 10 februari 2013, Woonsignaal-revisie 1'
    WHEN 'kkr' THEN 'brochure van het Nationaal Meldpunt Ongewenst Huurdersgedrag, Woonsignaal-revisie 1'
    ELSE "region"."profile" || ', Woonsignaal-revisie 1'
  END FROM "region" ORDER BY "region"."created_at" LIMIT 1
) WHERE "protocol_version" IS NULL;--> statement-breakpoint
ALTER TABLE "registration" ALTER COLUMN "protocol_version" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "case_file" ALTER COLUMN "protocol_version" SET NOT NULL;
