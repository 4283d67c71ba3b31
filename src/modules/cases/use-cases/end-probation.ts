import { actorOf } from "../../../platform/audit/actor.ts";
import type { RequestMeta } from "../../../platform/audit/audit.ts";
import type { Principal } from "../../../platform/auth/access.ts";
import { AppError } from "../../../platform/errors.ts";
import { auditCase, recordCaseEvent } from "../audit-helpers.ts";
import { findActionableCase } from "../case-access.ts";
import type { CasesEnv } from "../env.ts";
import { summaryOf } from "../read-models/case-summary.ts";
import * as repo from "../repository.ts";

/** End of probation: removal when the conditions were met, else continuation with its letter (001 §9.1 B). */
export async function endProbation(
  env: CasesEnv,
  principal: Principal,
  meta: RequestMeta,
  id: string,
  result: "conditions_met" | "conditions_not_met",
) {
  const { db, clock, deps } = env;
  const row = await findActionableCase(env, principal, id);
  if (row.status !== "probation")
    throw new AppError("conflict", "This case is not on probation.", {
      code: "not_on_probation",
    });
  const actor = actorOf(principal);
  const today = clock.today();
  const profile = await deps.organisations.profile();
  if (result === "conditions_met" && row.registrationId) {
    await deps.registrations.eraseForCase(
      row.registrationId,
      id,
      "support_team_rehousing",
      actor,
      meta,
    );
  }
  let dutyId = "";
  await db.transaction(async (tx) => {
    await repo.meetDeadlines(tx, id, ["support_tenancy_review"], today);
    if (result === "conditions_not_met" && row.registrationId) {
      ({ id: dutyId } = await deps.letters.recordDuty(tx, profile, {
        organisationId: row.organisationId,
        registrationId: row.registrationId,
        caseId: id,
        kind: "continuation",
        eventDate: today,
        reason: "conditions_not_met",
      }));
    }
    await repo.updateCase(tx, id, {
      status: "closed",
      facts: { ...(row.facts as object), probationResult: result },
      updatedAt: clock.now(),
    });
    await recordCaseEvent(env, tx, id, actor, "probation_ended", { result });
    await auditCase(env, tx, meta, actor, row, "probation_ended", { result });
  });
  if (dutyId) await deps.letters.produceAfterEvent(dutyId, actor, meta);
  return summaryOf(env, id);
}
