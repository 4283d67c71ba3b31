import { actorOf } from "../../../platform/audit/actor.ts";
import type { RequestMeta } from "../../../platform/audit/audit.ts";
import type { Principal } from "../../../platform/auth/access.ts";
import { AppError, notFound } from "../../../platform/errors.ts";
import type { CaseKind } from "../../../protocol/case-kinds.ts";
import { auditCase, recordCaseEvent } from "../audit-helpers.ts";
import { findVisibleCase } from "../case-access.ts";
import type { CasesEnv } from "../env.ts";
import { summaryOf } from "../read-models/case-summary.ts";
import { applyToRegistration, caseStateOnRegistration } from "../registration-state.ts";
import * as repo from "../repository.ts";

/**
 * Links a case received without a registration (a public request, D-221) to the
 * registration it is about, once the organisation has found it: only its own (the primary
 * source's), only once. An objection or rectification then restricts the registration at
 * once, as if it had been named on receipt (003 §12.1; AVG art. 18).
 */
export async function linkRegistration(
  env: CasesEnv,
  principal: Principal,
  meta: RequestMeta,
  id: string,
  registrationId: string,
) {
  const { db, clock, deps } = env;
  const row = await findVisibleCase(env, principal, id);
  if (row.registrationId) {
    throw new AppError("conflict", "This case is already linked to a registration.", {
      code: "case_already_linked",
    });
  }
  const registration = await deps.registrations.findRow(registrationId);
  if (!registration || registration.organisationId !== row.organisationId) {
    throw notFound("registration"); // 003 §6.3: only the primary source knows it
  }
  const type = row.type as CaseKind;
  const open = ["received", "acknowledged"].includes(row.status);
  const actor = actorOf(principal);
  await db.transaction(async (tx) => {
    await repo.updateCase(tx, id, {
      registrationId,
      primarySourceId: registration.organisationId,
      updatedAt: clock.now(),
    });
    const state = caseStateOnRegistration(type, ["objection", "complaint"]);
    if (
      open &&
      (state.restrict || state.objectionLike) &&
      (await applyToRegistration(env, tx, meta, id, registrationId, state))
    ) {
      await repo.updateCase(tx, id, {
        facts: { ...((row.facts as Record<string, unknown>) ?? {}), restrictedByCase: true },
      });
    }
    await recordCaseEvent(env, tx, id, actor, "registration_linked");
    await auditCase(env, tx, meta, actor, row, "registration_linked", { registrationId });
  });
  return summaryOf(env, id);
}
