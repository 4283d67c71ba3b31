import { actorOf } from "../../../platform/audit/actor.ts";
import type { RequestMeta } from "../../../platform/audit/audit.ts";
import type { Principal } from "../../../platform/auth/access.ts";
import { auditCase, recordCaseEvent } from "../audit-helpers.ts";
import { findActionableCase } from "../case-access.ts";
import type { CasesEnv } from "../env.ts";
import { summaryOf } from "../read-models/case-summary.ts";
import * as repo from "../repository.ts";

/** Identity verified (and how) before anything is disclosed (AVG art. 12 lid 6). */
export async function verifyIdentity(
  env: CasesEnv,
  principal: Principal,
  meta: RequestMeta,
  id: string,
  input: { method: string; date: string },
) {
  const row = await findActionableCase(env, principal, id);
  const actor = actorOf(principal);
  await env.db.transaction(async (tx) => {
    await repo.updateCase(tx, id, {
      identityVerifiedOn: input.date,
      identityMethod: input.method,
      updatedAt: env.clock.now(),
    });
    await recordCaseEvent(env, tx, id, actor, "identity_verified", {
      method: input.method,
      date: input.date,
    });
    await auditCase(env, tx, meta, actor, row, "identity_verified", { method: input.method });
  });
  return summaryOf(env, id);
}
