import { actorOf } from "../../../platform/audit/actor.ts";
import type { RequestMeta } from "../../../platform/audit/audit.ts";
import type { Principal } from "../../../platform/auth/access.ts";
import { AppError } from "../../../platform/errors.ts";
import {
  accessCandidatesOf,
  type CandidateDecision,
  candidatesOpen,
  shown,
  storedDecisions,
} from "../access-answer.ts";
import { auditCase, recordCaseEvent } from "../audit-helpers.ts";
import { findActionableAccessRequest } from "../case-access.ts";
import type { CasesEnv } from "../env.ts";
import { summaryOf } from "../read-models/case-summary.ts";
import * as repo from "../repository.ts";

/**
 * POST /cases/{id}/access-candidates: the handling officer confirms that a region-wide
 * candidate is the requester (it goes into the access answer with its primary source) or
 * rejects it (another person). Only a candidate the engine still scores as a match, only while
 * the request is open; audited on the case and under the registration (a joint controller's
 * act, 003 §15.2; AVG art. 26 lid 3).
 */
export async function decideAccessCandidate(
  env: CasesEnv,
  principal: Principal,
  meta: RequestMeta,
  id: string,
  input: { registrationId: string; decision: CandidateDecision },
) {
  const { db, clock } = env;
  const row = await findActionableAccessRequest(env, principal, id, "region-wide candidates");
  if (!candidatesOpen(row)) {
    throw new AppError("conflict", `This case is ${row.status}: the answer is already given.`, {
      code: "case_not_open",
    });
  }
  // Only a candidate the officer may see (D-1040): an unconfirmed one is "not a candidate".
  const candidate = (await accessCandidatesOf(env, row)).find(
    (c) => c.registrationId === input.registrationId && shown(c),
  );
  if (!candidate) {
    throw new AppError(
      "not_found",
      "No registration in the region scores as this requester under that id.",
      {
        code: "not_a_candidate",
      },
    );
  }
  if (input.registrationId === row.registrationId && input.decision === "rejected") {
    throw new AppError(
      "conflict",
      "The case is filed on this registration; it cannot be rejected.",
      {
        code: "case_registration",
      },
    );
  }
  const actor = actorOf(principal);
  await db.transaction(async (tx) => {
    await repo.updateCase(tx, id, {
      facts: {
        ...(row.facts as object),
        accessCandidates: { ...storedDecisions(row), [input.registrationId]: input.decision },
      },
      updatedAt: clock.now(),
    });
    const details = {
      registrationId: input.registrationId,
      primarySourceId: candidate.primarySourceId,
    };
    await recordCaseEvent(env, tx, id, actor, `access_candidate_${input.decision}`, details);
    await auditCase(env, tx, meta, actor, row, `access_candidate_${input.decision}`, details);
  });
  return summaryOf(env, id);
}
