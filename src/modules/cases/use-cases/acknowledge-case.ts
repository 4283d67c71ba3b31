import { actorOf } from "../../../platform/audit/actor.ts";
import type { RequestMeta } from "../../../platform/audit/audit.ts";
import type { Principal } from "../../../platform/auth/access.ts";
import { AppError } from "../../../platform/errors.ts";
import type { CaseKind } from "../../../protocol/case-kinds.ts";
import { auditCase, recordCaseEvent } from "../audit-helpers.ts";
import { findActionableCase } from "../case-access.ts";
import { caseLetter, sealCase } from "../case-letters.ts";
import { addDeadline } from "../deadline-helpers.ts";
import type { CasesEnv } from "../env.ts";
import { keysOf } from "../procedures.ts";
import { summaryOf } from "../read-models/case-summary.ts";
import * as repo from "../repository.ts";

/** The acknowledgement of receipt (003 §16.2; 001 §11): a letter, and the appeal's decision term starts. */
export async function acknowledgeCase(
  env: CasesEnv,
  principal: Principal,
  meta: RequestMeta,
  id: string,
) {
  const { db, clock, deps } = env;
  const row = await findActionableCase(env, principal, id);
  const keys = keysOf(row.type as CaseKind);
  if (!keys.acknowledgement) {
    throw new AppError("conflict", "This kind of case has no acknowledgement step.", {
      code: "no_acknowledgement_step",
    });
  }
  if (row.status !== "received") {
    throw new AppError(
      "conflict",
      `This case is ${row.status}: it can no longer be acknowledged.`,
      {
        code: "case_not_open",
      },
    );
  }
  const profile = await deps.organisations.profile();
  const today = clock.today();
  const actor = actorOf(principal);
  const sealed = await sealCase(env, row, {});
  let dutyId = "";
  await db.transaction(async (tx) => {
    await repo.updateCase(tx, id, {
      status: "acknowledged",
      acknowledgedOn: today,
      updatedAt: clock.now(),
    });
    await repo.meetDeadlines(tx, id, [keys.acknowledgement!], today);
    if (row.type === "appeal") await addDeadline(tx, profile, id, keys.decision, today);
    ({ id: dutyId } = await caseLetter(env, tx, profile, row, "acknowledgement", sealed));
    await recordCaseEvent(env, tx, id, actor, "acknowledged");
    await auditCase(env, tx, meta, actor, row, "acknowledged");
  });
  await deps.letters.produceAfterEvent(dutyId, actor, meta);
  return summaryOf(env, id);
}
