import { arrearsSignalsJob } from "../../modules/arrears/jobs.ts";
import { auditCheckpointJob } from "../audit/job.ts";
import { deadlinesJob } from "./deadlines.ts";
import { housekeepingJob } from "./housekeeping.ts";
import { retentionJob } from "./retention.ts";
import type { JobDefinition } from "./runner.ts";

/** Every scheduled job of the product; `woonsignaal jobs run <name>` takes these names. */
export function allJobs(): JobDefinition[] {
  return [housekeepingJob, auditCheckpointJob, deadlinesJob, retentionJob, arrearsSignalsJob];
}
