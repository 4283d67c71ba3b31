ALTER TABLE "registration" ALTER COLUMN "scope" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "registration" ADD COLUMN "parts" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
-- hand-written: each existing registration gets one part per category group (the code before the dot: A.I → A, W2 → W2, FIN → FIN), in the order its categories were given, each with the start, end, term and scope the registration was decided with — a later profile never silently changes what was decided (D-760, D-801)
UPDATE "registration" SET "parts" = (
  SELECT jsonb_agg(jsonb_build_object(
    'group', g."grp",
    'categories', to_jsonb(g."cats"),
    'startDate', to_char("registration"."start_date", 'YYYY-MM-DD'),
    'endDate', to_char("registration"."end_date", 'YYYY-MM-DD'),
    'termMonths', "registration"."term_months",
    'scope', "registration"."scope"
  ) ORDER BY g."first")
  FROM (
    SELECT split_part(u."code", '.', 1) AS "grp", array_agg(u."code" ORDER BY u."pos") AS "cats", min(u."pos") AS "first"
    FROM unnest("registration"."categories") WITH ORDINALITY AS u("code", "pos")
    GROUP BY 1
  ) g
) WHERE "parts" = '[]'::jsonb;
