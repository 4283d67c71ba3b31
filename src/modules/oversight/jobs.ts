import { dailyJob } from "../../platform/jobs/define.ts";
import type { OversightService } from "./service.ts";

/**
 * Daily: sign a checkpoint of the audit chain (kept in the database and appended outside
 * it), then prune events past the audit retention up to a checkpoint boundary, leaving a
 * signed anchor (docs/audit.md).
 */
export const auditCheckpointJob = dailyJob<{ oversight: OversightService }>(
  "audit-checkpoint",
  "45 2 * * *",
  {
    description:
      "Signs a checkpoint of the audit log's hash chain, exports it outside the database, and prunes events older than the audit retention (default 2 years) up to a checkpoint.",
    run: ({ services, today }) => services.oversight.runAuditCheckpoint(today),
  },
);
