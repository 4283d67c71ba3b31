import type { RequestMeta } from "../../../platform/audit/audit.ts";
import { recordSuccess } from "../../../platform/audit/record.ts";
import type { Principal } from "../../../platform/auth/access.ts";
import { accessCandidatesOf } from "../access-answer.ts";
import type { CasesEnv } from "../env.ts";
import * as repo from "../repository.ts";
import type { Comparison } from "../requester-candidates.ts";

/**
 * GET /access-confirmations: the primary source's tasks (D-1040). An access request at another
 * participant found one of its registrations by the engine's score, not exactly: its officer
 * judges, from the comparison of the requester's identification with its own registration,
 * whether this is the same person (design.md §2.7; 003 §6 punt 3, §15.2). Only identification
 * fields are shown, never the requester's contact details or the request's words; each read is
 * audited under the registration and the case.
 */
export async function accessConfirmations(env: CasesEnv, principal: Principal, meta: RequestMeta) {
  const org = principal.organisationId;
  const items: {
    caseId: string;
    registrationId: string;
    due: string;
    score: number;
    comparison: Comparison[];
  }[] = [];
  for (const row of await repo.casesCheckedBy(env.db, org)) {
    for (const c of await accessCandidatesOf(env, row)) {
      if (c.check?.status !== "pending" || c.check.organisationId !== org) continue;
      items.push({
        caseId: row.id,
        registrationId: c.registrationId,
        due: c.check.due,
        score: c.score,
        comparison: c.comparison,
      });
    }
  }
  await env.db.transaction(async (tx) => {
    for (const i of items) {
      await recordSuccess(tx, env.clock, meta, principal, {
        action: "registration.access_confirmation_read",
        objectType: "registration",
        objectId: i.registrationId,
        details: { caseId: i.caseId },
      });
    }
  });
  return { items };
}
