import { dailyJob } from "../../platform/jobs/define.ts";
import type { RetentionService } from "./service.ts";

/** Daily: everything whose time has come is erased (docs/retention.md, issue 9). */
export const retentionJob = dailyJob<{ retention: RetentionService }>("retention", "0 2 * * *", {
  description:
    "Erases registrations whose term ended or whose removal is due, a departed participant's data, finished cases and their letters after the region's retention, the facts of recipient notices unprocessed for six months, dead sessions; prunes the erasure journal.",
  leaseMs: 60 * 60_000,
  run: ({ services, today }) => services.retention.run(today),
});
