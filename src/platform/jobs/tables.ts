import { integer, jsonb, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

/**
 * One row per job per period (a day, a month). The lease makes a period run once even with
 * several app instances: whoever updates an expired lease owns the run (no advisory locks,
 * see design.md §3).
 */
export const jobRun = pgTable(
  "job_run",
  {
    jobName: text("job_name").notNull(),
    period: text("period").notNull(),
    status: text("status", { enum: ["running", "succeeded", "failed"] }).notNull(),
    leaseOwner: text("lease_owner").notNull(),
    leaseUntil: timestamp("lease_until", { withTimezone: true }).notNull(),
    attempts: integer("attempts").notNull().default(1),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    result: jsonb("result"),
    error: text("error"),
  },
  (t) => [primaryKey({ columns: [t.jobName, t.period] })],
);
