import type { RequestMeta } from "../../../platform/audit/audit.ts";
import type { Principal } from "../../../platform/auth/access.ts";
import { accessCandidatesOf, candidatesOpen, shown } from "../access-answer.ts";
import { readCandidatesFor } from "../candidate-reads.ts";
import { findActionableAccessRequest } from "../case-access.ts";
import type { CasesEnv } from "../env.ts";

/**
 * GET /cases/{id}/access-candidates: the registrations anywhere in the region the matching
 * engine scores as the requester, each with the comparison against the requester's own data,
 * its primary source and the officer's decision so far (003 §15.2; AVG art. 15, art. 26 lid 3).
 * Reading another participant's registration for this is a joint controller's act: each such
 * read is in the audit log under the registration (so its primary source sees it) and the case.
 * `open`: whether decisions may still be made (false once the request is decided).
 * Another primary source's candidate that is not exactly the requester is shown only once that
 * primary source confirmed it (D-1040); until then only `checking` counts such candidates and
 * gives the last day of their check, without any of their data or their primary source. One
 * the primary source rejected is never shown.
 */
export async function accessCandidates(
  env: CasesEnv,
  principal: Principal,
  meta: RequestMeta,
  id: string,
) {
  const row = await findActionableAccessRequest(env, principal, id, "region-wide candidates");
  const all = await accessCandidatesOf(env, row);
  const candidates = all.filter(shown);
  const checking = all.filter((c) => c.check?.status === "pending").map((c) => c.check!.due);
  const names = await readCandidatesFor(env, principal, meta, id, {
    registrations: candidates
      .filter((c) => c.primarySourceId !== row.organisationId)
      .map((c) => ({ registrationId: c.registrationId, organisationId: c.primarySourceId })),
    registrationAction: "registration.read_for_access_request",
    caseAction: "case.access_candidates_read",
    details: { answeringOrganisation: row.organisationId },
  });
  for (const c of candidates) {
    if (!names.has(c.primarySourceId))
      names.set(c.primarySourceId, (await env.deps.organisations.getName(c.primarySourceId)) ?? "");
  }
  return {
    caseId: id,
    open: candidatesOpen(row),
    checking: { count: checking.length, due: checking.sort()[0] ?? null },
    candidates: candidates.map((c) => ({
      registrationId: c.registrationId,
      primarySource: { id: c.primarySourceId, name: names.get(c.primarySourceId) ?? "" },
      score: c.score,
      comparison: c.comparison,
      decision: c.decision,
    })),
  };
}
