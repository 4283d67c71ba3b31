import type { JobDefinition } from "./runner.ts";

/** What a job does, apart from its name and when it runs. */
type JobWork<S> = Pick<JobDefinition<S>, "description" | "leaseMs" | "run">;

/** A job that runs once per calendar day, at `schedule` (cron, Europe/Amsterdam). */
export function dailyJob<S>(name: string, schedule: string, work: JobWork<S>): JobDefinition<S> {
  return { name, schedule, period: "day", ...work };
}

/** A job that runs once per calendar month, at `schedule` (cron, Europe/Amsterdam). */
export function monthlyJob<S>(name: string, schedule: string, work: JobWork<S>): JobDefinition<S> {
  return { name, schedule, period: "month", ...work };
}
