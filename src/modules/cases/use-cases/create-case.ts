import { randomUUID } from "node:crypto";
import { actorOf } from "../../../platform/audit/actor.ts";
import type { RequestMeta } from "../../../platform/audit/audit.ts";
import { hasRole, type Principal } from "../../../platform/auth/access.ts";
import { AppError, notFound, protocolRule } from "../../../platform/errors.ts";
import { compareDates } from "../../../platform/werkdagen.ts";
import type { CaseKind } from "../../../protocol/case-kinds.ts";
import { protocolVersionOf } from "../../../protocol/version.ts";
import { auditCase, recordCaseEvent } from "../audit-helpers.ts";
import { findVisibleCase } from "../case-access.ts";
import { caseLetter, sealCase } from "../case-letters.ts";
import { committeeFor } from "../committee.ts";
import { addReceiptDeadlines, isWindowLate } from "../deadline-helpers.ts";
import { place } from "../encryption.ts";
import type { CasesEnv } from "../env.ts";
import { canRegisterCaseKind } from "../policy.ts";
import { COMMITTEE_CASES, keysOf, NEEDS_REGISTRATION, requiredKey } from "../procedures.ts";
import { summaryOf } from "../read-models/case-summary.ts";
import { applyToRegistration, caseStateOnRegistration } from "../registration-state.ts";
import * as repo from "../repository.ts";
import type { CaseInput, CaseStatus } from "../schemas.ts";

/**
 * Registers a received request, objection, complaint, appeal … (contract §3 POST /cases)
 * with its deadlines from the profile. An objection, complaint or restriction request
 * restricts the registration at once (AVG art. 18; 003 §12.1 "bezwaar lopend"): no hit,
 * match or block while it is pending. A late objection or appeal is declared
 * inadmissible (001 Bijlage 2 art. 5).
 */
export async function createCase(
  env: CasesEnv,
  principal: Principal,
  meta: RequestMeta,
  input: CaseInput,
) {
  const { db, clock, keyring, deps } = env;
  const profile = await deps.organisations.profile();
  const type = input.type;
  const key = requiredKey(type);
  if (!profile.deadlines[key]) {
    throw protocolRule(
      "case_type_not_in_profile",
      `The protocol of this region (${profile.title}) has no procedure "${type}".`,
      `${profile.seed}: geen termijn of procedure voor ${type}`,
      { type },
    );
  }
  if (compareDates(input.receivedDate, clock.today()) > 0) {
    throw new AppError("invalid_input", "The received date cannot be after today.", {
      code: "received_in_future",
    });
  }
  // The committee registers an appeal against a case it has not seen yet: the person
  // names it (its reference is on the decision letter).
  const parent = !input.parentCaseId
    ? undefined
    : type === "appeal" && hasRole(principal, ["committee"])
      ? await repo.findCase(db, input.parentCaseId)
      : await findVisibleCase(env, principal, input.parentCaseId);
  if (input.parentCaseId && !parent) throw notFound("case");
  const registrationId = input.registrationId ?? parent?.registrationId ?? null;
  if (!registrationId && NEEDS_REGISTRATION.includes(type)) {
    throw new AppError(
      "invalid_input",
      `A ${type} case concerns a registration: give registrationId.`,
      {
        code: "registration_required",
      },
    );
  }
  if (!registrationId && !input.person && !parent) {
    throw new AppError(
      "invalid_input",
      "Say whom the case is about: a registrationId, or the requester's person (and address).",
      { code: "requester_required" },
    );
  }
  const registration = registrationId
    ? await deps.registrations.findRow(registrationId)
    : undefined;
  if (registrationId && !registration) throw notFound("registration");
  const isConsortium = hasRole(principal, ["consortium_admin"]);
  const isCommittee = hasRole(principal, ["committee"]);
  if (
    registration &&
    !isConsortium &&
    !isCommittee &&
    registration.organisationId !== principal.organisationId
  ) {
    throw notFound("registration"); // 003 §6.3: only the primary source knows it
  }
  if (!canRegisterCaseKind(principal, type)) {
    throw new AppError(
      "forbidden",
      COMMITTEE_CASES.includes(type)
        ? "Appeals and hardship requests are registered by the disputes committee."
        : "The primary source registers this kind of case.",
    );
  }
  if (type === "appeal") {
    if (!parent || !["objection", "complaint"].includes(parent.type)) {
      throw protocolRule(
        "appeal_without_objection",
        "An appeal follows an objection or complaint: give its case as parentCaseId.",
        "003 §16.4; 001 §11 (Beroep op bezwaarschrift)",
      );
    }
    const parentDeadlines = await repo.deadlinesOf(db, [parent.id]);
    const decisionDue = parentDeadlines.find(
      (d) => d.name === keysOf(parent.type as CaseKind).decision,
    );
    const unanswered =
      parent.decidedOn === null &&
      decisionDue !== undefined &&
      compareDates(decisionDue.dueDate, input.receivedDate) < 0;
    if (parent.outcome !== "rejected" && parent.outcome !== "partly_upheld" && !unanswered) {
      throw protocolRule(
        "appeal_not_open",
        "An appeal is possible after a (partly) rejected objection or complaint, or when it was not answered in time.",
        "003 §16.4 (ongegrond of geen reactie binnen vier weken); 001 §11",
        { parentStatus: parent.status },
      );
    }
  }
  if (type === "support_team" && registrationId) {
    const earlier = (await repo.casesOfRegistration(db, registrationId)).filter(
      (c) => c.type === "support_team" && c.status !== "withdrawn",
    );
    if (earlier.length >= 2) {
      throw protocolRule(
        "support_team_limit",
        "At most two support-team requests per person within the term.",
        "001 Bijlage 1 Toelichting punt 2 (maximaal twee keer binnen de termijn van vijf jaar)",
      );
    }
  }
  // Admissibility: the windows the profile sets (001 Bijlage 2 art. 5; 003 §16.1).
  let inadmissible: string | undefined;
  if (
    type === "objection" &&
    isWindowLate(profile, "objection_window", input.noticeDate, input.receivedDate)
  ) {
    inadmissible = "objection_window";
  }
  if (
    type === "appeal" &&
    parent?.decidedOn &&
    isWindowLate(profile, "appeal_window", parent.decidedOn, input.receivedDate)
  ) {
    inadmissible = "appeal_window";
  }
  if (
    type === "complaint" &&
    parent?.decidedOn &&
    isWindowLate(profile, "complaint_window", parent.decidedOn, input.receivedDate)
  ) {
    inadmissible = "complaint_window";
  }
  const committee = await committeeFor(env, type);
  const organisationId = committee?.id ?? registration?.organisationId ?? principal.organisationId;
  const id = randomUUID();
  const requesterCiphertext = input.person
    ? await keyring.encrypt(
        organisationId,
        JSON.stringify({ person: input.person, address: input.address }),
        place(id, "requester_ciphertext"),
      )
    : null;
  const status: CaseStatus = inadmissible
    ? "inadmissible"
    : type === "consent"
      ? "reflection"
      : "received";
  const now = clock.now();
  const actor = actorOf(principal);
  await db.transaction(async (tx) => {
    await repo.insertCase(tx, {
      id,
      reference: `Z-${id.slice(0, 8).toUpperCase()}`,
      type,
      status,
      organisationId,
      primarySourceId: registration?.organisationId ?? parent?.primarySourceId ?? null,
      registrationId,
      parentCaseId: parent?.id ?? null,
      receivedDate: input.receivedDate,
      noticeDate: input.noticeDate ?? null,
      requesterCiphertext,
      facts: inadmissible ? { inadmissible } : {},
      protocolVersion: protocolVersionOf(profile),
      createdAt: now,
      updatedAt: now,
    });
    if (!inadmissible) {
      await addReceiptDeadlines(tx, profile, id, type, input.receivedDate);
      if (registrationId) {
        const state = caseStateOnRegistration(type, ["objection", "complaint", "appeal"]);
        if (await applyToRegistration(env, tx, meta, id, registrationId, state)) {
          await repo.updateCase(tx, id, { facts: { restrictedByCase: true } });
        }
      }
    }
    await recordCaseEvent(env, tx, id, actor, inadmissible ? "received_inadmissible" : "received", {
      ...(inadmissible ? { window: inadmissible } : {}),
    });
    await auditCase(env, tx, meta, actor, { id, type } as repo.CaseRow, "received", {
      registrationId,
      ...(inadmissible ? { inadmissible } : {}),
    });
  });
  if (inadmissible) {
    // The person is told why, with the same decision letter (001 Bijlage 2 art. 5).
    const row = (await repo.findCase(db, id))!;
    const sealed = await sealCase(env, row, {
      outcome: "rejected",
      reasons: "Niet-ontvankelijk: ingediend na afloop van de termijn.",
    });
    let dutyId = "";
    await db.transaction(async (tx) => {
      ({ id: dutyId } = await caseLetter(env, tx, profile, row, "decision", sealed));
    });
    await deps.letters.produceAfterEvent(dutyId, actor, meta);
  }
  return summaryOf(env, id);
}
