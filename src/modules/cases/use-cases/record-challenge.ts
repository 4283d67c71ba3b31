import { actorOf } from "../../../platform/audit/actor.ts";
import type { RequestMeta } from "../../../platform/audit/audit.ts";
import type { Principal } from "../../../platform/auth/access.ts";
import { AppError } from "../../../platform/errors.ts";
import type { CaseKind } from "../../../protocol/case-kinds.ts";
import { auditCase, recordCaseEvent } from "../audit-helpers.ts";
import { findActionableCase } from "../case-access.ts";
import type { CasesEnv } from "../env.ts";
import { COMMITTEE_CASES } from "../procedures.ts";
import { summaryOf } from "../read-models/case-summary.ts";
import * as repo from "../repository.ts";

/** Challenge (wraking) or recusal (verschoning) of a committee member (001 Bijlage 2 art. 10–11). */
export async function recordChallenge(
  env: CasesEnv,
  principal: Principal,
  meta: RequestMeta,
  id: string,
  input: { kind: string; member: string; outcome: string; date: string },
) {
  const row = await findActionableCase(env, principal, id);
  if (!COMMITTEE_CASES.includes(row.type as CaseKind)) {
    throw new AppError(
      "conflict",
      "Challenge and recusal concern the disputes committee's cases.",
      {
        code: "not_a_committee_case",
      },
    );
  }
  const actor = actorOf(principal);
  const challenges = [...((row.facts as { challenges?: unknown[] }).challenges ?? []), input];
  await env.db.transaction(async (tx) => {
    await repo.updateCase(tx, id, {
      facts: { ...(row.facts as object), challenges },
      updatedAt: env.clock.now(),
    });
    await recordCaseEvent(env, tx, id, actor, input.kind, {
      outcome: input.outcome,
      date: input.date,
    });
    await auditCase(env, tx, meta, actor, row, input.kind, { outcome: input.outcome });
  });
  return summaryOf(env, id);
}
