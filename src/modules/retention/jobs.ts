import type { JobDefinition } from "../../platform/jobs/runner.ts";
import type { RetentionService } from "./service.ts";

/** Daily: everything whose time has come is erased (docs/retention.md, issue 9). */
export const retentionJob: JobDefinition<{ retention: RetentionService }> = {
  name: "retention",
  description:
    "Erases registrations whose term ended or whose removal is due, a departed participant's data, finished cases and their letters after the region's retention, dead sessions; prunes the erasure journal.",
  schedule: "0 2 * * *",
  period: "day",
  leaseMs: 60 * 60_000,
  async run({ services, today }) {
    return services.retention.run(today);
  },
};
