import { actorOf } from "../../../platform/audit/actor.ts";
import type { RequestMeta } from "../../../platform/audit/audit.ts";
import type { Principal } from "../../../platform/auth/access.ts";
import { AppError, protocolRule } from "../../../platform/errors.ts";
import { addMonths } from "../../../platform/werkdagen.ts";
import { auditCase, recordCaseEvent } from "../audit-helpers.ts";
import { findActionableCase } from "../case-access.ts";
import type { CasesEnv } from "../env.ts";
import { summaryOf } from "../read-models/case-summary.ts";
import * as repo from "../repository.ts";

/** Support team probation (001 Bijlage 1 Toelichting 3 A): one extension of six months. */
export async function extendProbation(
  env: CasesEnv,
  principal: Principal,
  meta: RequestMeta,
  id: string,
) {
  const row = await findActionableCase(env, principal, id);
  if (row.status !== "probation")
    throw new AppError("conflict", "Only a running probation can be extended.", {
      code: "not_on_probation",
    });
  if ((row.facts as { extended?: boolean }).extended) {
    throw protocolRule(
      "probation_extended_once",
      "The probation year can be extended once, by six months.",
      "001 Bijlage 1 Toelichting punt 3 A",
    );
  }
  const [current] = (await repo.deadlinesOf(env.db, [id])).filter(
    (d) => d.name === "support_tenancy_review",
  );
  const actor = actorOf(principal);
  await env.db.transaction(async (tx) => {
    await repo.upsertDeadline(tx, {
      caseId: id,
      name: "support_tenancy_review",
      dueDate: addMonths(current!.dueDate, 6),
      source: current!.source,
    });
    await repo.updateCase(tx, id, {
      facts: { ...(row.facts as object), extended: true },
      updatedAt: env.clock.now(),
    });
    await recordCaseEvent(env, tx, id, actor, "probation_extended");
    await auditCase(env, tx, meta, actor, row, "probation_extended");
  });
  return summaryOf(env, id);
}
