import { dailyJob } from "../platform/jobs/define.ts";
import { deleteFinishedRunsBefore } from "../platform/jobs/repository.ts";
import type { JobDefinition } from "../platform/jobs/runner.ts";
import { addDays } from "../platform/werkdagen.ts";
import { arrearsSignalsJob } from "./arrears/jobs.ts";
import { deadlinesJob } from "./cases/jobs.ts";
import type { Services } from "./index.ts";
import { auditCheckpointJob } from "./oversight/jobs.ts";
import { retentionJob } from "./retention/jobs.ts";

/** How long the record of a finished job run is kept (it holds counts, no personal data). */
export const JOB_RUN_RETENTION_DAYS = 400;

/**
 * Daily clean-up of technical records that have served their purpose, and the organisation
 * lifecycle changes that fall due on a date.
 */
export const housekeepingJob = dailyJob<Services>("housekeeping", "15 3 * * *", {
  description:
    "Removes expired technical records (dead sessions, old sign-in failures, job runs older than 400 days) and carries out withdrawals and exclusions whose date has come.",
  async run({ database, services, today }) {
    const cutoff = new Date(`${addDays(today, -JOB_RUN_RETENTION_DAYS)}T00:00:00Z`);
    const jobRunsDeleted = await deleteFinishedRunsBefore(database, cutoff);
    // 003 §17, §20: a withdrawal or exclusion recorded for a later date takes effect that day.
    const terminationsCarriedOut = await services.organisations.applyDueTerminations();
    return { jobRunsDeleted, terminationsCarriedOut, ...(await services.identity.housekeeping()) };
  },
});

/** Every scheduled job of the product; `woonsignaal jobs run <name>` takes these names. */
export function allJobs(): JobDefinition<Services>[] {
  return [housekeepingJob, auditCheckpointJob, deadlinesJob, retentionJob, arrearsSignalsJob];
}
