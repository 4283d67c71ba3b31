import { actorOf } from "../../../platform/audit/actor.ts";
import type { RequestMeta } from "../../../platform/audit/audit.ts";
import { recordSuccess } from "../../../platform/audit/record.ts";
import type { Principal } from "../../../platform/auth/access.ts";
import { AppError } from "../../../platform/errors.ts";
import { compareDates } from "../../../platform/werkdagen.ts";
import { evaluateRegistration } from "../../../protocol/engine.ts";
import { claimKept } from "../../../protocol/profile-limits.ts";
import { protocolVersionOf } from "../../../protocol/version.ts";
import { weighingViolations } from "../../../protocol/weighing.ts";
import { changed } from "../changes.ts";
import { decidingPerson, fourEyesOf } from "../decision.ts";
import { type PendingChange, pendingChangeOf } from "../decision-view.ts";
import type { RegistrationsEnv } from "../env.ts";
import { addressesOf, groundsViolations, personDataOf } from "../grounds.ts";
import { blindIndexesOf, encryptPerson } from "../person-data.ts";
import { changeableRegistration } from "../policy.ts";
import { refuse } from "../primary-source.ts";
import { optInRefusals, personFieldError } from "../profile-limits.ts";
import { owedAfterNewDecision } from "../redecision.ts";
import * as repo from "../repository.ts";
import { DECISION_FIELDS, type RegistrationInput, type RegistrationPatch } from "../schemas.ts";
import { fullView, summary } from "../views.ts";

/**
 * Changes a registration. A change of what was decided (categories, criteria, placement date,
 * claim, term) is a new decision: the rules of the current profile are applied again to the
 * result and its protocol version is recorded. A change of the person or address alone leaves
 * the decision as it was taken, under its own protocol version: a later profile revision never
 * silently moves its term or scope (003 ch. 23; D-760).
 *
 * A new decision (issue 20 part 4; 003 §12.3, ch. 10; D-844, D-845) is taken by a named officer
 * with a reason code; every unsent letter about the old values is withdrawn and a correction
 * letter is owed. A lengthening (a later end date) is confirmed like a new registration: where
 * the region puts a category under four eyes (or no named person asks), it waits as a pending
 * change, without effect, until a second, different officer confirms it.
 */
export async function updateRegistration(
  env: RegistrationsEnv,
  principal: Principal,
  meta: RequestMeta,
  id: string,
  patch: RegistrationPatch,
) {
  const { db, clock, keyring, deps } = env;
  const row = await changeableRegistration(db, principal, id);
  const redecided = DECISION_FIELDS.some((f) => patch[f] !== undefined);
  if (redecided && patch.reason === undefined) {
    throw new AppError("invalid_input", "A change of the decision needs a reason code.", {
      details: [{ path: "reason", in: "body", problem: "required" }],
    });
  }
  const person = redecided ? decidingPerson(principal) : undefined;
  if (redecided && pendingChangeOf(row)) {
    throw new AppError(
      "conflict",
      "A lengthening of this registration waits for a second officer's look: confirm or leave it first.",
      { code: "change_awaiting_second_look" },
    );
  }
  const current = await fullView(env, row);
  const given = addressesOf(patch);
  const next: RegistrationInput = {
    person: patch.person ?? current.person,
    contactAddress: given.contactAddress ?? current.contactAddress ?? undefined,
    dwellingAddress: given.dwellingAddress ?? current.dwellingAddress ?? undefined,
    tenancyRelation: patch.tenancyRelation ?? current.tenancyRelation ?? undefined,
    // Evidence of a criterion the change drops grounds nothing any more: it goes with it. That
    // of a criterion a waiting lengthening adds stays for its second look (D-845, D-961).
    evidence:
      patch.evidence ??
      (current.evidence ?? []).filter((e) =>
        (patch.criteria ?? [...row.criteria, ...(pendingChangeOf(row)?.criteria ?? [])]).includes(
          e.criterion,
        ),
      ),
    categories: patch.categories ?? row.categories,
    criteria: patch.criteria ?? row.criteria,
    placementDate: patch.placementDate ?? row.placementDate,
    ...(patch.claimCents !== undefined || row.claimCents !== null
      ? { claimCents: patch.claimCents ?? row.claimCents ?? undefined }
      : {}),
    ...(patch.termMonths !== undefined
      ? { termMonths: patch.termMonths }
      : { termMonths: row.termMonths }),
  };
  if (next.contactAddress === undefined) delete next.contactAddress;
  if (next.dwellingAddress === undefined) delete next.dwellingAddress;
  if (next.tenancyRelation === undefined) delete next.tenancyRelation;
  if (next.claimCents === undefined) delete next.claimCents;
  const profile = await deps.organisations.profile();
  const fieldError = personFieldError(profile, patch.person);
  if (fieldError) throw fieldError;
  const decision = redecided
    ? evaluateRegistration(profile, next, clock.today())
    : ({
        ok: true,
        startDate: row.startDate,
        endDate: row.endDate,
        termMonths: row.termMonths,
        scope: row.scope,
        parts: row.parts,
      } as const);
  const optIn = await optInRefusals(
    env,
    profile,
    next.categories.filter((c) => !row.categories.includes(c)),
  );
  // A new decision, or new evidence or relation, must rest on evidence (issue 20); a change of
  // the person or an address alone leaves a registration from before v2 as it was decided.
  const grounds =
    redecided || patch.evidence !== undefined || patch.tenancyRelation !== undefined
      ? groundsViolations(profile, next, clock.today())
      : [];
  // A new term or new categories are weighed again by the deciding officer (003 §12.1, §7;
  // D-1060); an import's draft waiting for its confirmation is weighed then.
  const awaitsConfirmation = row.status === "draft" && row.decidedBy === null;
  const weighed =
    (patch.termMonths !== undefined || patch.categories !== undefined) &&
    !(awaitsConfirmation && patch.weighing === undefined)
      ? weighingViolations(
          patch.weighing,
          decision.ok && "maxTermMonths" in decision ? decision : undefined,
        )
      : [];
  if (!decision.ok || optIn.length > 0 || grounds.length > 0 || weighed.length > 0) {
    throw refuse([...optIn, ...(decision.ok ? [] : decision.violations), ...grounds, ...weighed]);
  }
  const evaluation = decision;
  const inForce = row.status !== "draft";
  const lengthens = redecided && inForce && compareDates(evaluation.endDate, row.endDate) > 0;
  const secondLook = lengthens ? await fourEyesOf(env, next.categories) : [];
  const hold = lengthens && (secondLook.length > 0 || person === undefined);
  const claimCents = claimKept(profile, next.categories) ? (next.claimCents ?? null) : null;
  const reason = patch.reason!;
  // A waiting lengthening has no effect: the evidence of what is in force stays beside the new
  // evidence until the second look (D-845, D-961); a new item of the same kind replaces its own.
  const kept = hold
    ? (current.evidence ?? []).filter(
        (e) =>
          row.criteria.includes(e.criterion) &&
          !(next.evidence ?? []).some((n) => n.criterion === e.criterion && n.kind === e.kind),
      )
    : [];
  const encrypted = await encryptPerson(
    env,
    row.organisationId,
    id,
    personDataOf({ ...next, evidence: [...(next.evidence ?? []), ...kept] }),
  );
  const indexes = await blindIndexesOf(keyring, next.person);
  const now = clock.now();
  let dutyId: string | null = null;
  await db.transaction(async (tx) => {
    if (hold) {
      const pending: PendingChange = {
        categories: next.categories,
        criteria: next.criteria,
        placementDate: next.placementDate,
        claimCents,
        termMonths: evaluation.termMonths,
        startDate: evaluation.startDate,
        endDate: evaluation.endDate,
        scope: evaluation.scope,
        reason,
        by: person ?? principal.id,
        ...(patch.weighing ? { weighing: patch.weighing } : {}),
      };
      await repo.updateRegistration(tx, id, {
        pendingChange: pending,
        ...encrypted,
        updatedAt: now,
      });
    } else {
      await repo.updateRegistration(tx, id, {
        categories: next.categories,
        criteria: next.criteria,
        placementDate: next.placementDate,
        startDate: evaluation.startDate,
        endDate: evaluation.endDate,
        termMonths: evaluation.termMonths,
        scope: evaluation.scope,
        parts: evaluation.parts,
        claimCents,
        ...(redecided
          ? {
              protocolVersion: protocolVersionOf(profile),
              // A draft's first look (four eyes) is taken again on the new values; an import's
              // draft still waits for its confirmation (D-841).
              decidedBy: inForce ? (person ?? row.decidedBy) : row.decidedBy && (person ?? null),
              decidedAt: inForce || row.decidedBy ? now : null,
              secondLookBy: null,
              secondLookAt: null,
              ...(patch.weighing ? { weighing: patch.weighing } : {}),
            }
          : {}),
        ...encrypted,
        tenancyRelation: next.tenancyRelation ?? null,
        updatedAt: now,
      });
      if (redecided && inForce) dutyId = await owedAfterNewDecision(env, tx, profile, row, reason);
    }
    await repo.replaceBlindIndexes(tx, id, indexes);
    // Who, when and which fields — never their values (issue 4).
    await recordSuccess(tx, clock, meta, principal, {
      action: "registration.updated",
      objectType: "registration",
      objectId: id,
      details: {
        ...(redecided
          ? {
              reason,
              newDecision: !hold,
              lengthened: lengthens,
              ...(hold ? { awaiting: "second_officer" } : {}),
            }
          : {}),
        fields: [
          ...Object.keys(patch).filter((k) => !["person", "address", "reason"].includes(k)),
          ...(patch.person ? Object.keys(patch.person).map((k) => `person.${k}`) : []),
          ...(patch.address ? Object.keys(patch.address).map((k) => `address.${k}`) : []),
        ],
      },
    });
  });
  // 003 ch. 10: an address or e-mail that becomes known later means the letter goes now.
  const contactChanged =
    JSON.stringify(next.contactAddress ?? null) !==
      JSON.stringify(current.contactAddress ?? null) ||
    (next.person.email ?? null) !== (current.person.email ?? null);
  if (contactChanged && (next.contactAddress || next.person.email)) {
    await deps.letters.contactKnown(id, actorOf(principal), meta);
  }
  if (dutyId) await deps.letters.produceAfterEvent(dutyId, actorOf(principal), meta);
  await changed(env, id);
  return summary(env, (await repo.findRegistration(db, id))!, undefined, principal);
}
