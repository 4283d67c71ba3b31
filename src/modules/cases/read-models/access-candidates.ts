import type { RequestMeta } from "../../../platform/audit/audit.ts";
import { recordSuccess } from "../../../platform/audit/record.ts";
import type { Principal } from "../../../platform/auth/access.ts";
import { accessCandidatesOf, candidatesOpen } from "../access-answer.ts";
import { findActionableAccessRequest } from "../case-access.ts";
import type { CasesEnv } from "../env.ts";

/**
 * GET /cases/{id}/access-candidates: the registrations anywhere in the region the matching
 * engine scores as the requester, each with the comparison against the requester's own data,
 * its primary source and the officer's decision so far (003 §15.2; AVG art. 15, art. 26 lid 3).
 * Reading another participant's registration for this is a joint controller's act: each such
 * read is in the audit log under the registration (so its primary source sees it) and the case.
 * `open`: whether decisions may still be made (false once the request is decided).
 */
export async function accessCandidates(
  env: CasesEnv,
  principal: Principal,
  meta: RequestMeta,
  id: string,
) {
  const { db, clock, deps } = env;
  const row = await findActionableAccessRequest(env, principal, id, "region-wide candidates");
  const candidates = await accessCandidatesOf(env, row);
  const names = new Map<string, string>();
  for (const c of candidates) {
    if (!names.has(c.primarySourceId))
      names.set(c.primarySourceId, (await deps.organisations.getName(c.primarySourceId)) ?? "");
  }
  await db.transaction(async (tx) => {
    for (const c of candidates) {
      if (c.primarySourceId === row.organisationId) continue;
      await recordSuccess(tx, clock, meta, principal, {
        action: "registration.read_for_access_request",
        objectType: "registration",
        objectId: c.registrationId,
        details: { caseId: id, answeringOrganisation: row.organisationId },
      });
    }
    await recordSuccess(tx, clock, meta, principal, {
      action: "case.access_candidates_read",
      objectType: "case",
      objectId: id,
      details: { candidates: candidates.length },
    });
  });
  return {
    caseId: id,
    open: candidatesOpen(row),
    candidates: candidates.map((c) => ({
      registrationId: c.registrationId,
      primarySource: { id: c.primarySourceId, name: names.get(c.primarySourceId) ?? "" },
      score: c.score,
      comparison: c.comparison,
      decision: c.decision,
    })),
  };
}
