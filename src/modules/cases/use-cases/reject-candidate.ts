import { actorOf } from "../../../platform/audit/actor.ts";
import type { RequestMeta } from "../../../platform/audit/audit.ts";
import { hasRole, type Principal } from "../../../platform/auth/access.ts";
import { AppError } from "../../../platform/errors.ts";
import type { CaseKind } from "../../../protocol/case-kinds.ts";
import { auditCase, recordCaseEvent } from "../audit-helpers.ts";
import { settleCandidates } from "../candidates-on-receipt.ts";
import { findVisibleCase } from "../case-access.ts";
import { deskCandidatesOf } from "../desk-candidates.ts";
import type { CasesEnv } from "../env.ts";
import { COMMITTEE_CASES } from "../procedures.ts";
import { summaryOf } from "../read-models/case-summary.ts";
import * as repo from "../repository.ts";

/**
 * "Niet deze persoon": the primary source of a candidate found on receipt (or the committee,
 * for its hardship request) says the registration is about someone else. Its provisional
 * restriction ends at once and the case leaves that participant's desk (issue 21 part 2,
 * D-911). Audited on the case.
 */
export async function rejectCandidate(
  env: CasesEnv,
  principal: Principal,
  meta: RequestMeta,
  id: string,
  registrationId: string,
) {
  const row = await findVisibleCase(env, principal, id);
  const candidate = deskCandidatesOf(row).find(
    (c) => c.registrationId === registrationId && c.decision === "pending",
  );
  const mayJudge =
    candidate &&
    (candidate.organisationId === principal.organisationId ||
      (COMMITTEE_CASES.includes(row.type as CaseKind) && hasRole(principal, ["committee"])) ||
      hasRole(principal, ["consortium_admin"]));
  if (!candidate || !mayJudge || row.registrationId) {
    throw new AppError("not_found", "This registration is not an open candidate of the case.", {
      code: "not_a_candidate",
    });
  }
  const actor = actorOf(principal);
  await env.db.transaction(async (tx) => {
    const { candidates } = await settleCandidates(env, tx, meta, row, (c) =>
      c.registrationId === registrationId ? "rejected" : "pending",
    );
    await repo.updateCase(tx, id, {
      facts: { ...(row.facts as object), candidates },
      updatedAt: env.clock.now(),
    });
    const details = { registrationId, primarySourceId: candidate.organisationId };
    await recordCaseEvent(env, tx, id, actor, "candidate_rejected", details);
    await auditCase(env, tx, meta, actor, row, "candidate_rejected", details);
  });
  return summaryOf(env, id);
}
