import { actorOf } from "../../../platform/audit/actor.ts";
import type { RequestMeta } from "../../../platform/audit/audit.ts";
import type { Principal } from "../../../platform/auth/access.ts";
import { AppError } from "../../../platform/errors.ts";
import { auditCase, recordCaseEvent } from "../audit-helpers.ts";
import { settleCandidates } from "../candidates-on-receipt.ts";
import { findActionableCase } from "../case-access.ts";
import type { CasesEnv } from "../env.ts";
import { finished } from "../procedures.ts";
import { summaryOf } from "../read-models/case-summary.ts";
import * as repo from "../repository.ts";

/** The consent's reflection period (001 §5.5): withdrawn before it ends, it never counts. */
export async function withdrawCase(
  env: CasesEnv,
  principal: Principal,
  meta: RequestMeta,
  id: string,
) {
  const row = await findActionableCase(env, principal, id);
  if (finished(row.status) && row.status !== "effective") {
    throw new AppError("conflict", `This case is ${row.status}.`, { code: "case_not_open" });
  }
  const actor = actorOf(principal);
  await env.db.transaction(async (tx) => {
    if (
      row.registrationId &&
      (row.facts as { restrictedByCase?: boolean }).restrictedByCase &&
      row.status !== "decided"
    ) {
      await env.deps.registrations.applyCaseState(
        tx,
        row.registrationId,
        meta,
        { lift: true, objectionPending: false },
        id,
      );
    }
    // Withdrawn before linking: every provisional restriction ends with it (D-911).
    const { candidates } = await settleCandidates(env, tx, meta, row, () => "rejected");
    await repo.updateCase(tx, id, {
      status: "withdrawn",
      ...(candidates.length > 0 ? { facts: { ...(row.facts as object), candidates } } : {}),
      updatedAt: env.clock.now(),
    });
    await recordCaseEvent(env, tx, id, actor, "withdrawn");
    await auditCase(env, tx, meta, actor, row, "withdrawn");
  });
  return summaryOf(env, id);
}
