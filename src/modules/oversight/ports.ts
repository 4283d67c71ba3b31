/** What other modules may use of oversight. */
import type { OversightService } from "./service.ts";

export type { AnnualReport } from "./annual-report.ts";

/** The audit retention the region set (the settings page shows it). */
export type AuditRetention = Pick<OversightService, "retentionMonths">;
