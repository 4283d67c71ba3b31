import { actorOf } from "../../../platform/audit/actor.ts";
import type { RequestMeta } from "../../../platform/audit/audit.ts";
import { recordSuccess } from "../../../platform/audit/record.ts";
import type { Principal } from "../../../platform/auth/access.ts";
import { AppError, protocolRule } from "../../../platform/errors.ts";
import { compareDates } from "../../../platform/werkdagen.ts";
import type { CaseKind } from "../../../protocol/case-kinds.ts";
import type { RemovalGround } from "../../letters/ports.ts";
import { composeAccessAnswer } from "../access-answer.ts";
import { auditCase, recordCaseEvent } from "../audit-helpers.ts";
import { findActionableCase } from "../case-access.ts";
import { caseLetter, sealCase } from "../case-letters.ts";
import { addDeadline } from "../deadline-helpers.ts";
import { deskCandidatesOf } from "../desk-candidates.ts";
import { place } from "../encryption.ts";
import type { CasesEnv } from "../env.ts";
import { keysOf, NEEDS_LINK_TO_DECIDE, RIGHTS } from "../procedures.ts";
import { summaryOf } from "../read-models/case-summary.ts";
import { planRecipientNotices, tellRecipients } from "../recipients-told.ts";
import * as repo from "../repository.ts";
import type { CaseStatus, DecisionInput } from "../schemas.ts";
import { calculateAccessFee } from "./calculate-access-fee.ts";
import { executeDecision } from "./execute-decision.ts";

/**
 * The decision (contract §3 POST /cases/{id}/decision), always with reasons. Upheld or
 * partly upheld: carried out on the registration — an erasure, new chance or hardship
 * removal at once; an objection, complaint or appeal schedules the removal or correction
 * within the profile's term (the registration stays restricted meanwhile, so it gives no
 * hit); a rejection lifts the case's restriction. The person gets the decision letter.
 */
export async function decideCase(
  env: CasesEnv,
  principal: Principal,
  meta: RequestMeta,
  id: string,
  input: DecisionInput,
) {
  const { db, clock, keyring, deps } = env;
  const row = await findActionableCase(env, principal, id);
  const type = row.type as CaseKind;
  if (!["received", "acknowledged"].includes(row.status)) {
    throw new AppError("conflict", `This case is ${row.status}: it cannot be decided now.`, {
      code: "case_not_open",
    });
  }
  if (type === "consent") {
    throw new AppError(
      "conflict",
      "A consent takes effect after its reflection period; it is not decided.",
      { code: "no_decision_step" },
    );
  }
  const keys = keysOf(type);
  if (keys.acknowledgement && row.status !== "acknowledged") {
    throw protocolRule(
      "acknowledgement_first",
      "Send the acknowledgement of receipt before deciding.",
      "003 §16.2; 001 §11 (Ingekomen bezwaarschrift)",
    );
  }
  const notFound = input.closedReason === "no_registration_found";
  if (NEEDS_LINK_TO_DECIDE.includes(type) && !row.registrationId && !notFound) {
    throw protocolRule(
      "case_not_linked",
      'Link the case to the registration it is about first, or close it as "geen registratie gevonden" (closedReason no_registration_found).',
      "003 §15, §16.1; AVG art. 12 lid 3",
    );
  }
  if (notFound) assertNothingFound(row, input);
  const favourable = input.outcome !== "rejected";
  if (RIGHTS.includes(type) && favourable && !row.identityVerifiedOn) {
    throw protocolRule(
      "identity_not_verified",
      "Record how the requester's identity was verified before granting (and disclosing) anything.",
      "AVG art. 12 lid 6; 003 §15; 001 §9.2",
    );
  }
  if (type === "hardship" && input.newEndDate && row.registrationId) {
    const reg = await deps.registrations.findRow(row.registrationId);
    if (reg && compareDates(input.newEndDate, reg.endDate) >= 0) {
      throw protocolRule(
        "hardship_only_favourable",
        "The hardship clause can only shorten a term, never extend it.",
        "003 hoofdstuk 24; 001 §10",
      );
    }
  }
  if (type === "support_team" && !input.supportTeam) {
    throw new AppError(
      "invalid_input",
      "A support-team decision says whether a home and support are offered (supportTeam).",
      { code: "support_team_outcome_required" },
    );
  }
  if (input.supportTeam && type !== "support_team") {
    throw new AppError("invalid_input", "supportTeam belongs to support-team cases only.", {
      code: "field_not_for_case_type",
    });
  }
  const profile = await deps.organisations.profile();
  let feeCents: number | undefined;
  if (input.feePages !== undefined) {
    feeCents = await calculateAccessFee(env, profile, row, input.feePages);
  }
  const today = clock.today();
  const actor = actorOf(principal);
  const reasons = await keyring.encrypt(
    row.organisationId,
    input.reasons,
    place(id, "reasons_ciphertext"),
  );
  // The access answer covers the whole region; it waits for every candidate's confirmation.
  const access = type === "access" && favourable ? await composeAccessAnswer(env, row) : undefined;
  const sealed = ["support_team"].includes(type)
    ? undefined
    : await sealCase(
        env,
        row,
        {
          outcome: input.outcome,
          reasons: input.reasons,
          ...(notFound ? { noRegistrationFound: true } : {}),
        },
        access,
      );
  const restrictedByCase = (row.facts as { restrictedByCase?: boolean }).restrictedByCase === true;
  const facts: Record<string, unknown> = { ...(row.facts as object) };
  if (feeCents !== undefined) facts.feeCents = feeCents;
  if (input.members) facts.members = input.members;
  if (input.supportTeam) facts.supportTeam = input.supportTeam;
  if (input.newEndDate) facts.newEndDate = input.newEndDate;
  if (notFound) facts.closedReason = "no_registration_found";
  let removeNow: RemovalGround | undefined;
  if (favourable && row.registrationId) {
    if (type === "erasure" || type === "new_chance")
      removeNow = type === "new_chance" ? "new_chance" : "objection_upheld";
    if (type === "hardship" && !input.newEndDate) removeNow = "objection_upheld";
  }
  const consortiumId = await deps.organisations.consortiumId();
  // AVG art. 18, 19: a granted restriction is told to those who received the data.
  const restrictionPlan =
    type === "restriction" && favourable && row.registrationId
      ? await planRecipientNotices(env, row.registrationId)
      : undefined;
  let dutyId = "";
  await db.transaction(async (tx) => {
    let status: CaseStatus = "decided";
    await repo.meetDeadlines(tx, id, [keys.decision ?? ""], today);
    if (row.registrationId) {
      const objectionLike = ["objection", "complaint", "appeal"].includes(type);
      if (objectionLike) {
        await deps.registrations.applyCaseState(
          tx,
          row.registrationId,
          meta,
          {
            objectionPending: false,
            objectionOutcome: input.outcome,
            // Upheld: no hit while the removal is carried out; rejected: the restriction ends.
            ...(favourable
              ? { restrict: "objection_pending" as const }
              : restrictedByCase
                ? { lift: true }
                : {}),
          },
          id,
        );
        if (favourable) await addDeadline(tx, profile, id, keys.removal, today);
        else if (type !== "appeal") {
          await addDeadline(
            tx,
            profile,
            id,
            profile.deadlines.appeal_window ? "appeal_window" : undefined,
            today,
          );
        }
      }
      if (type === "restriction") {
        if (!favourable && restrictedByCase)
          await deps.registrations.applyCaseState(tx, row.registrationId, meta, { lift: true }, id);
        status = "executed";
      }
      if (type === "rectification") {
        if (!favourable && restrictedByCase)
          await deps.registrations.applyCaseState(tx, row.registrationId, meta, { lift: true }, id);
        if (!favourable) status = "closed";
      }
      if (type === "hardship" && favourable && input.newEndDate) {
        await deps.registrations.applyCaseState(
          tx,
          row.registrationId,
          meta,
          { endDate: input.newEndDate },
          id,
        );
        status = "executed";
      }
      if (type === "support_team" && input.supportTeam) {
        if (input.supportTeam.house) {
          status = "probation";
          await addDeadline(tx, profile, id, "support_tenancy_review", today);
        } else {
          status = "closed";
          await deps.letters.recordDuty(tx, profile, {
            organisationId: row.organisationId,
            registrationId: row.registrationId,
            caseId: id,
            kind: "continuation",
            eventDate: today,
            reason: "support_team_refused_rehousing",
          });
        }
      }
    }
    if (!favourable && ["access", "erasure", "new_chance", "hardship"].includes(type))
      status = "closed";
    if (type === "access" && favourable) status = "executed";
    if (notFound) status = "closed";
    await repo.updateCase(tx, id, {
      status,
      outcome: input.outcome,
      reasonsCiphertext: reasons,
      decidedOn: today,
      facts,
      updatedAt: clock.now(),
    });
    if (sealed) {
      ({ id: dutyId } = await caseLetter(
        env,
        tx,
        profile,
        { ...row, status },
        type === "access" && favourable ? "access_answer" : "decision",
        sealed,
      ));
    }
    await recordCaseEvent(env, tx, id, actor, "decided", {
      outcome: input.outcome,
      ...(feeCents !== undefined ? { feeCents } : {}),
    });
    await auditCase(env, tx, meta, actor, row, "decided", { outcome: input.outcome });
    // 003 ch. 15: the consortium is informed of a granted request.
    if (favourable && RIGHTS.includes(type)) {
      await recordSuccess(tx, clock, meta, actor, {
        action: "case.consortium_informed",
        objectType: "case",
        objectId: id,
        details: { type, consortium: consortiumId ?? null },
      });
    }
  });
  if (dutyId) await deps.letters.produceAfterEvent(dutyId, actor, meta);
  await tellRecipients(env, actor, meta, id, restrictionPlan, "restricted");
  if (removeNow && row.registrationId) {
    await executeDecision(env, principal, meta, id, "removed", removeNow);
  }
  return summaryOf(env, id);
}

/**
 * "Geen registratie gevonden" (issue 21 part 3, D-913) is true only for a case that is not
 * linked, is refused (nothing to grant), and whose region-wide search left no candidate
 * waiting for its primary source's judgement.
 */
function assertNothingFound(row: repo.CaseRow, input: DecisionInput) {
  if (row.registrationId || input.outcome !== "rejected") {
    throw new AppError(
      "invalid_input",
      'closedReason "no_registration_found" is for a case not linked to a registration, with outcome "rejected".',
      { code: "closed_reason_not_applicable" },
    );
  }
  const waiting = deskCandidatesOf(row).filter((c) => c.decision === "pending");
  if (waiting.length > 0) {
    throw protocolRule(
      "candidates_pending",
      `${waiting.length} registration(s) in the region may be about this person: their primary source links or rejects each first.`,
      "003 §15.2; AVG art. 12 lid 3",
    );
  }
}
