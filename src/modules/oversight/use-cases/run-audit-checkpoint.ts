import {
  type CheckpointRunSummary,
  runAuditCheckpoint as signCheckpointAndPrune,
} from "../../../platform/audit/operations.ts";
import { auditSettingsFrom } from "../../../platform/audit/settings.ts";
import type { OversightEnv } from "../env.ts";
import { retentionMonths } from "../read-models/audit-retention.ts";

/** The audit-checkpoint job (oversight/jobs.ts). */
export async function runAuditCheckpoint(
  env: OversightEnv,
  today: string,
): Promise<CheckpointRunSummary> {
  const { ctx, db, clock, logger } = env;
  if (!ctx.config) {
    throw new Error(
      "The audit checkpoint needs the configuration (signing key, checkpoint directory): " +
        "pass `config` to createServices.",
    );
  }
  const months = await retentionMonths(env).catch((err: Error) => err);
  const summary = await signCheckpointAndPrune(db, {
    settings: auditSettingsFrom(ctx.config),
    clock,
    logger,
    today,
    // An unreadable setting must not stop the checkpoint; it stops the pruning.
    retentionMonths: months instanceof Error ? null : months,
  });
  if (months instanceof Error) throw months;
  return summary;
}
