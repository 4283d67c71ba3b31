import { actorOf } from "../../../platform/audit/actor.ts";
import { type RequestMeta, recordAudit } from "../../../platform/audit/audit.ts";
import { verifyAuditLog as verifyChainAndCheckpoints } from "../../../platform/audit/operations.ts";
import { auditSettingsFrom } from "../../../platform/audit/settings.ts";
import { type VerifyResult, verifyAuditChain } from "../../../platform/audit/verify.ts";
import type { Principal } from "../../../platform/auth/access.ts";
import type { OversightEnv } from "../env.ts";
import { requireAuditor } from "../policy.ts";

/**
 * Verifies the audit chain as `woonsignaal audit verify` does (the auditor's verify page):
 * every hash, the signed checkpoints and the outside copy. The check is itself logged.
 */
export async function verifyAuditLog(
  env: OversightEnv,
  principal: Principal,
  meta: RequestMeta,
): Promise<VerifyResult> {
  const { ctx, db, clock, logger } = env;
  requireAuditor(principal);
  const result = ctx.config
    ? await verifyChainAndCheckpoints(db, auditSettingsFrom(ctx.config), {
        logger,
        now: clock.now(),
      })
    : await verifyAuditChain(db, { trustedKeys: [], outsideFile: undefined });
  await recordAudit(db, clock, meta, {
    actor: actorOf(principal).audit,
    action: "audit.verified",
    objectType: "audit_log",
    outcome: result.ok ? "success" : "failed",
    details: result.ok
      ? { events: result.events, lastSeq: result.lastSeq }
      : { events: result.events, firstBrokenSeq: result.firstBrokenSeq },
  });
  return result;
}
