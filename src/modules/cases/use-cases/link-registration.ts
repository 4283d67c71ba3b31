import { actorOf } from "../../../platform/audit/actor.ts";
import type { RequestMeta } from "../../../platform/audit/audit.ts";
import { hasRole, type Principal } from "../../../platform/auth/access.ts";
import { AppError, notFound } from "../../../platform/errors.ts";
import type { CaseKind } from "../../../protocol/case-kinds.ts";
import { auditCase, recordCaseEvent } from "../audit-helpers.ts";
import { settleCandidates } from "../candidates-on-receipt.ts";
import { findVisibleCase } from "../case-access.ts";
import { deskCandidatesOf } from "../desk-candidates.ts";
import { place } from "../encryption.ts";
import type { CasesEnv } from "../env.ts";
import { COMMITTEE_CASES } from "../procedures.ts";
import { summaryOf } from "../read-models/case-summary.ts";
import { applyToRegistration, caseStateOnRegistration } from "../registration-state.ts";
import * as repo from "../repository.ts";
import { readRequester, sealRequester } from "../requester.ts";

/**
 * Links a case received without a registration (a public request, D-221) to the
 * registration it is about ("koppelen"), once: the handling organisation its own
 * registration; the primary source of a candidate found on receipt its candidate (D-911), and
 * the case then moves to that primary source, which decides on its own registration (003
 * §16.1, §6.3); the disputes committee any candidate of its hardship request. An objection
 * or rectification then restricts the registration (or keeps the provisional restriction as
 * the case's own), and every other candidate's provisional restriction ends (003 §12.1;
 * AVG art. 18).
 */
export async function linkRegistration(
  env: CasesEnv,
  principal: Principal,
  meta: RequestMeta,
  id: string,
  registrationId: string,
) {
  const { db, clock, deps } = env;
  const row = await findVisibleCase(env, principal, id);
  if (row.registrationId) {
    throw new AppError("conflict", "This case is already linked to a registration.", {
      code: "case_already_linked",
    });
  }
  const type = row.type as CaseKind;
  const committeeCase = COMMITTEE_CASES.includes(type);
  const registration = await deps.registrations.findRow(registrationId);
  const candidate = deskCandidatesOf(row).find(
    (c) => c.registrationId === registrationId && c.decision === "pending",
  );
  const own = registration?.organisationId === row.organisationId;
  const mayLink =
    registration &&
    (own ||
      (candidate &&
        (registration.organisationId === principal.organisationId ||
          (committeeCase && hasRole(principal, ["committee"])) ||
          hasRole(principal, ["consortium_admin"]))));
  if (!registration || !mayLink) {
    throw notFound("registration"); // 003 §6.3: only the primary source knows it
  }
  const open = ["received", "acknowledged"].includes(row.status);
  const actor = actorOf(principal);
  // The primary source decides on its own registration: the case moves there (not a
  // committee case), with the requester re-sealed under its key.
  const moves = !committeeCase && !own;
  const organisationId = moves ? registration.organisationId : row.organisationId;
  const requesterCiphertext =
    moves && row.requesterCiphertext
      ? await sealRequester(env, organisationId, id, await readRequester(env, row))
      : row.requesterCiphertext;
  const hearingReportCiphertext =
    moves && row.hearingReportCiphertext
      ? await env.keyring.encrypt(
          organisationId,
          await env.keyring.decrypt(
            row.organisationId,
            row.hearingReportCiphertext,
            place(id, "hearing_report_ciphertext"),
          ),
          place(id, "hearing_report_ciphertext"),
        )
      : row.hearingReportCiphertext;
  await db.transaction(async (tx) => {
    const { candidates, linkedWasRestricted } = await settleCandidates(env, tx, meta, row, (c) =>
      c.registrationId === registrationId ? "linked" : "rejected",
    );
    let restrictedByCase = linkedWasRestricted;
    const state = caseStateOnRegistration(type, ["objection", "complaint"]);
    if (
      open &&
      (state.restrict || state.objectionLike) &&
      (await applyToRegistration(env, tx, meta, id, registrationId, state))
    ) {
      restrictedByCase = true;
    }
    await repo.updateCase(tx, id, {
      registrationId,
      primarySourceId: registration.organisationId,
      organisationId,
      requesterCiphertext,
      hearingReportCiphertext,
      facts: {
        ...((row.facts as Record<string, unknown>) ?? {}),
        ...(candidates.length > 0 ? { candidates } : {}),
        ...(restrictedByCase ? { restrictedByCase: true } : {}),
        ...(moves ? { receivedBy: row.organisationId } : {}),
      },
      updatedAt: clock.now(),
    });
    await recordCaseEvent(env, tx, id, actor, "registration_linked", {
      ...(moves ? { handledBy: organisationId } : {}),
    });
    await auditCase(env, tx, meta, actor, row, "registration_linked", {
      registrationId,
      ...(moves ? { movedFrom: row.organisationId, movedTo: organisationId } : {}),
    });
  });
  return summaryOf(env, id);
}
