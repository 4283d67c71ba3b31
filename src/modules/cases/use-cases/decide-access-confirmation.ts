import type { RequestMeta } from "../../../platform/audit/audit.ts";
import { recordSuccess } from "../../../platform/audit/record.ts";
import type { Principal } from "../../../platform/auth/access.ts";
import { AppError } from "../../../platform/errors.ts";
import type { CasesEnv } from "../env.ts";
import * as repo from "../repository.ts";
import { sourceChecksOf } from "../source-checks.ts";

/**
 * POST /access-confirmations/{caseId}: the primary source's officer says whether the requester
 * of an access request elsewhere is the person of its registration (D-1040; design.md §2.7;
 * 003 §6 punt 3, §15.2). Confirmed: the handling officer sees the registration and may put it in
 * the answer. Rejected: it is never shown to the handling organisation. Only the primary source,
 * only a pending check of an open request (else 404, never whether the case exists); audited
 * under the registration only (its primary source's record).
 */
export async function decideAccessConfirmation(
  env: CasesEnv,
  principal: Principal,
  meta: RequestMeta,
  caseId: string,
  input: { registrationId: string; decision: "confirmed" | "rejected" },
) {
  const row = await repo.findCase(env.db, caseId);
  const checks = row ? sourceChecksOf(row) : [];
  const check = checks.find(
    (k) =>
      k.registrationId === input.registrationId &&
      k.organisationId === principal.organisationId &&
      k.status === "pending",
  );
  if (
    !row ||
    !check ||
    row.type !== "access" ||
    !["received", "acknowledged"].includes(row.status)
  ) {
    throw new AppError("not_found", "No check of this registration waits for your organisation.", {
      code: "no_pending_check",
    });
  }
  const today = env.clock.today();
  await env.db.transaction(async (tx) => {
    const sourceChecks = checks.map((k) =>
      k === check ? { ...k, status: input.decision, decidedOn: today } : k,
    );
    await repo.updateCase(tx, caseId, {
      facts: { ...(row.facts as object), sourceChecks },
      updatedAt: env.clock.now(),
    });
    // Not on the case's own events: a rejection must tell the handling organisation nothing.
    await recordSuccess(tx, env.clock, meta, principal, {
      action: `registration.access_check_${input.decision}`,
      objectType: "registration",
      objectId: input.registrationId,
      details: { caseId },
    });
  });
  return { caseId, registrationId: input.registrationId, decision: input.decision };
}
