import type { RequestMeta } from "../../../platform/audit/audit.ts";
import { recordSuccess } from "../../../platform/audit/record.ts";
import { hasRole, type Principal } from "../../../platform/auth/access.ts";
import { AppError } from "../../../platform/errors.ts";
import { findVisibleCase } from "../case-access.ts";
import type { CasesEnv } from "../env.ts";
import { canActOnCase } from "../policy.ts";
import { readRequester } from "../requester.ts";

/**
 * GET /cases/{id}/requester: who asked and in their own words (issue 21 part 3, D-910) —
 * decrypted only for the handling officer and for the committee (a case it handles, or the
 * objection an appeal to it follows); each view is audited. Another participant that has the
 * case on its desk sees the comparison (candidates), not the requester's contact details.
 */
export async function caseRequester(
  env: CasesEnv,
  principal: Principal,
  meta: RequestMeta,
  id: string,
) {
  const row = await findVisibleCase(env, principal, id);
  const mayRead = canActOnCase(principal, row) || hasRole(principal, ["committee"]);
  if (!mayRead) {
    throw new AppError("forbidden", "Only the officer handling the case reads the requester.", {
      code: "requester_not_yours",
    });
  }
  const r = await readRequester(env, row);
  await recordSuccess(env.db, env.clock, meta, principal, {
    action: "case.requester_viewed",
    objectType: "case",
    objectId: id,
    details: { explanation: r.explanation !== undefined },
  });
  return {
    caseId: id,
    person: r.person ?? null,
    address: r.address ?? null,
    phone: r.phone ?? null,
    explanation: r.explanation ?? null,
    channel: r.channel ?? null,
  };
}
