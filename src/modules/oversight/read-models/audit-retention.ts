import { DEFAULT_AUDIT_RETENTION_MONTHS } from "../../../platform/audit/settings.ts";
import type { OversightEnv } from "../env.ts";

/** The region's `settings.auditRetentionMonths`, or 24 months. */
export async function retentionMonths(env: OversightEnv): Promise<number> {
  const region = await env.deps.organisations.region().catch(() => undefined);
  const value = (region?.settings as Record<string, unknown> | undefined)?.auditRetentionMonths;
  if (value === undefined) return DEFAULT_AUDIT_RETENTION_MONTHS;
  if (typeof value !== "number" || !Number.isInteger(value) || value < 1 || value > 1200) {
    throw new Error(
      `region setting auditRetentionMonths must be a whole number of months from 1 to 1200 (got ${JSON.stringify(value)})`,
    );
  }
  return value;
}
