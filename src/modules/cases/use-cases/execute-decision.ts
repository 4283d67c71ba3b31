import { actorOf, SYSTEM } from "../../../platform/audit/actor.ts";
import type { RequestMeta } from "../../../platform/audit/audit.ts";
import type { Principal } from "../../../platform/auth/access.ts";
import { AppError } from "../../../platform/errors.ts";
import type { CaseKind } from "../../../protocol/case-kinds.ts";
import type { RemovalGround } from "../../letters/ports.ts";
import { auditCase, recordCaseEvent } from "../audit-helpers.ts";
import { findVisibleCase } from "../case-access.ts";
import type { CasesEnv } from "../env.ts";
import { canCarryOutDecision } from "../policy.ts";
import { keysOf } from "../procedures.ts";
import { summaryOf } from "../read-models/case-summary.ts";
import { planRecipientNotices, tellRecipients } from "../recipients-told.ts";
import * as repo from "../repository.ts";

/**
 * Carries out an upheld decision on the registration (003 §16.3, §12.4; 001 §3.4): the
 * registration is erased (the removal letter goes) or it was corrected by the officer.
 * Without a principal, the system carries it out (the deadlines and retention jobs).
 */
export async function executeDecision(
  env: CasesEnv,
  principal: Principal | null,
  meta: RequestMeta,
  id: string,
  action: "removed" | "corrected",
  ground: RemovalGround = "objection_upheld",
) {
  const { db, clock, deps } = env;
  const row = principal
    ? await findVisibleCase(env, principal, id)
    : (await repo.findCase(db, id))!;
  if (principal && !canCarryOutDecision(principal, row)) {
    throw new AppError("forbidden", "The primary source carries out the decision.");
  }
  if (row.outcome === "rejected" || row.outcome === null) {
    throw new AppError("conflict", "Only an upheld decision is carried out.", {
      code: "nothing_to_execute",
    });
  }
  if (!["decided", "executed"].includes(row.status) || row.executedOn) {
    throw new AppError("conflict", `This case is ${row.status}: nothing left to carry out.`, {
      code: "nothing_to_execute",
    });
  }
  const actor = principal ? actorOf(principal) : SYSTEM;
  const today = clock.today();
  const keys = keysOf(row.type as CaseKind);
  // AVG art. 19: who received the data is found before the change (an erasure takes them).
  const plan = row.registrationId ? await planRecipientNotices(env, row.registrationId) : undefined;
  if (action === "removed" && row.registrationId) {
    await deps.registrations.eraseForCase(row.registrationId, id, ground, actor, meta);
  }
  await db.transaction(async (tx) => {
    if (action === "corrected" && row.registrationId) {
      await deps.registrations.applyCaseState(tx, row.registrationId, meta, { lift: true }, id);
    }
    await repo.meetDeadlines(
      tx,
      id,
      [keys.removal ?? "", "correction_execution"].filter(Boolean),
      today,
    );
    await repo.updateCase(tx, id, {
      status: "executed",
      executedOn: today,
      updatedAt: clock.now(),
    });
    await recordCaseEvent(
      env,
      tx,
      id,
      actor,
      action === "removed" ? "registration_removed" : "registration_corrected",
    );
    await auditCase(env, tx, meta, actor, row, "executed", { action });
  });
  await tellRecipients(env, actor, meta, id, plan, action === "removed" ? "erased" : "corrected");
  return summaryOf(env, id);
}
