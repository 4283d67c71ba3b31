import { arrearsRetentionJob, arrearsSignalsJob } from "../../modules/arrears/jobs.ts";
import { auditCheckpointJob } from "../audit/job.ts";
import { housekeepingJob } from "./housekeeping.ts";
import type { JobDefinition } from "./runner.ts";

/** Every scheduled job of the product; `woonsignaal jobs run <name>` takes these names. */
export function allJobs(): JobDefinition[] {
  return [housekeepingJob, auditCheckpointJob, arrearsSignalsJob, arrearsRetentionJob];
}
