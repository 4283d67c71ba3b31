import { addDays } from "../werkdagen.ts";
import { deleteFinishedRunsBefore } from "./repository.ts";
import type { JobDefinition } from "./runner.ts";

/** How long the record of a finished job run is kept (it holds counts, no personal data). */
export const JOB_RUN_RETENTION_DAYS = 400;

/**
 * Daily clean-up of technical records that have served their purpose. Modules that keep
 * short-lived technical rows (sessions, when sign-in lands) add their clean-up here.
 */
export const housekeepingJob: JobDefinition = {
  name: "housekeeping",
  description: "Removes expired technical records (finished job runs older than 400 days).",
  schedule: "15 3 * * *",
  period: "day",
  async run({ database, today }) {
    const cutoff = new Date(`${addDays(today, -JOB_RUN_RETENTION_DAYS)}T00:00:00Z`);
    const jobRunsDeleted = await deleteFinishedRunsBefore(database, cutoff);
    return { jobRunsDeleted };
  },
};
