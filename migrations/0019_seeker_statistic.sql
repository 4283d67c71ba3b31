CREATE TABLE "seeker_statistic" (
	"name" text PRIMARY KEY NOT NULL,
	"value" bigint NOT NULL,
	"counted_at" timestamp with time zone NOT NULL
);
