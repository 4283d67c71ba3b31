import type { RequestMeta } from "../../../platform/audit/audit.ts";
import { hasRole, type Principal } from "../../../platform/auth/access.ts";
import type { CaseKind } from "../../../protocol/case-kinds.ts";
import { requesterOf } from "../access-answer.ts";
import { readCandidatesFor } from "../candidate-reads.ts";
import { findVisibleCase } from "../case-access.ts";
import { deskCandidatesOf } from "../desk-candidates.ts";
import type { CasesEnv } from "../env.ts";
import { COMMITTEE_CASES } from "../procedures.ts";
import { scoreRequester } from "../requester-candidates.ts";

/**
 * GET /cases/{id}/candidates: the registrations the request was matched to on receipt, as far
 * as the caller may know them — its own organisation's (003 §6.3: only the primary source
 * knows a registration), all of them for the committee's hardship request and the consortium
 * — each with the per-field comparison against the requester's own data as it stands now, its
 * decision and whether the case restricts it provisionally (issue 21 part 2–3, D-911). Each
 * read is audited under the registration and the case.
 */
export async function caseCandidates(
  env: CasesEnv,
  principal: Principal,
  meta: RequestMeta,
  id: string,
) {
  const row = await findVisibleCase(env, principal, id);
  const seesAll =
    hasRole(principal, ["consortium_admin"]) ||
    (COMMITTEE_CASES.includes(row.type as CaseKind) &&
      hasRole(principal, ["committee"]) &&
      row.organisationId === principal.organisationId);
  const stored = deskCandidatesOf(row).filter(
    (c) => seesAll || c.organisationId === principal.organisationId,
  );
  const person = stored.length > 0 ? await requesterOf(env, row) : undefined;
  const scored = person ? await scoreRequester(env, person) : [];
  const names = await readCandidatesFor(env, principal, meta, id, {
    registrations: stored,
    registrationAction: "registration.read_for_request",
    caseAction: "case.candidates_read",
    details: {},
  });
  return {
    caseId: id,
    linkedRegistrationId: row.registrationId,
    candidates: stored.map((c) => ({
      registrationId: c.registrationId,
      primarySource: { id: c.organisationId, name: names.get(c.organisationId) ?? "" },
      score: c.score,
      decision: c.decision,
      provisionalRestriction: c.provisional,
      // Erased or changed since receipt: no comparison (nothing left to compare).
      comparison: scored.find((s) => s.registrationId === c.registrationId)?.comparison ?? [],
    })),
  };
}
