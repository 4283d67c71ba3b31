/**
 * Oversight: what the auditor (role `auditor`) may read — the audit log — and the audit
 * log's own upkeep (checkpoints, retention). Every look at the log is itself logged. The
 * service wires the read views (read-models/) and use cases (use-cases/) to one environment;
 * who may read what is policy.ts.
 */
import { bindUseCases } from "../../platform/use-cases.ts";
import { type OversightContext, type OversightDeps, oversightEnv } from "./env.ts";
import { accessReview } from "./read-models/access-review.ts";
import { annualReport } from "./read-models/annual-report.ts";
import { exportAuditCsv, listAuditEvents } from "./read-models/audit-events.ts";
import { retentionMonths } from "./read-models/audit-retention.ts";
import { misuseSignals } from "./read-models/misuse-signals.ts";
import { runAuditCheckpoint } from "./use-cases/run-audit-checkpoint.ts";
import { verifyAuditLog } from "./use-cases/verify-audit-log.ts";

export { CSV_COLUMNS, csvCell } from "./audit-log-views.ts";
export { ACCESS_REVIEW_UNUSED_DAYS } from "./read-models/access-review.ts";

export type OversightService = ReturnType<typeof createOversightService>;

export function createOversightService(ctx: OversightContext, deps: OversightDeps) {
  const env = oversightEnv(ctx, deps);
  return bindUseCases(env, {
    retentionMonths,
    misuseSignals,
    annualReport,
    accessReview,
    listAuditEvents,
    exportAuditCsv,
    verifyAuditLog,
    runAuditCheckpoint,
  });
}
