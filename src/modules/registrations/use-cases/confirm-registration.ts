import { actorOf } from "../../../platform/audit/actor.ts";
import type { RequestMeta } from "../../../platform/audit/audit.ts";
import { recordSuccess } from "../../../platform/audit/record.ts";
import type { Principal } from "../../../platform/auth/access.ts";
import { AppError } from "../../../platform/errors.ts";
import { compareDates } from "../../../platform/werkdagen.ts";
import { evaluateRegistration } from "../../../protocol/engine.ts";
import { evidenceViolations } from "../../../protocol/evidence.ts";
import { protocolVersionOf } from "../../../protocol/version.ts";
import { type Weighing, weighingViolations } from "../../../protocol/weighing.ts";
import { changed } from "../changes.ts";
import { assertSecondOfficer, confirmingOfficer, fourEyesOf } from "../decision.ts";
import { pendingChangeOf } from "../decision-view.ts";
import type { RegistrationsEnv } from "../env.ts";
import { encryptPerson } from "../person-data.ts";
import { placementDuty } from "../placement.ts";
import { changeableRegistration } from "../policy.ts";
import { refuse } from "../primary-source.ts";
import { optInRefusals } from "../profile-limits.ts";
import { owedAfterNewDecision } from "../redecision.ts";
import * as repo from "../repository.ts";
import type { RegistrationSummary } from "../schemas.ts";
import { fullView, summary } from "../views.ts";

/**
 * A named officer of the primary source confirms, with the declaration "criteria vastgesteld,
 * geen twijfel" (003 §8, §12.1, §12.2; issue 20 part 3):
 *
 * - an import's draft: the importing officer's confirmation is the decision (D-841);
 * - a draft under four eyes, or a lengthening waiting for its second look: a second, different
 *   officer of the same participant confirms (D-842, D-845).
 *
 * Only when nothing waits any more does the registration take effect: the rules are applied
 * again on today (an end date that has passed meanwhile refuses), its term starts today or at
 * its placement date if later — its end stays the placement date plus the term, so waiting
 * never lengthens it (D-846) — and its placement letter is owed from today. A refused
 * confirmation changes nothing.
 */
export async function confirmRegistration(
  env: RegistrationsEnv,
  principal: Principal,
  meta: RequestMeta,
  id: string,
  /**
   * An import's confirmation leaves its letters for `POST /duties/letters`, as the import did.
   * `weighing`: the confirming officer's, where the draft has none yet (D-1060).
   */
  options: { produceLetter?: boolean; weighing?: Weighing | undefined } = {},
): Promise<RegistrationSummary> {
  const { db, deps } = env;
  const row = await changeableRegistration(db, principal, id);
  const person = confirmingOfficer(principal, row);
  const dutyId = pendingChangeOf(row)
    ? await secondLookOnChange(env, principal, meta, row, person)
    : await confirmDraft(env, principal, meta, row, person, options.weighing);
  if (dutyId && options.produceLetter !== false) {
    await deps.letters.produceAfterEvent(dutyId, actorOf(principal), meta);
  }
  await changed(env, id);
  return summary(env, (await repo.findRegistration(db, id))!, undefined, principal);
}

async function confirmDraft(
  env: RegistrationsEnv,
  principal: Principal,
  meta: RequestMeta,
  row: repo.RegistrationRow,
  person: string,
  given: Weighing | undefined,
): Promise<string | null> {
  const { db, clock, deps } = env;
  if (row.status !== "draft") {
    throw new AppError("conflict", "This registration is not a draft: nothing to confirm.", {
      code: "nothing_to_confirm",
    });
  }
  // A draft without a weighing (an import's, a system key's) gets the confirming officer's: the
  // decision is theirs (003 §12.1; D-1060). One that has it keeps the deciding officer's.
  const weighing = row.weighing ?? (await confirmingWeighing(env, row, given));
  const fourEyes = await fourEyesOf(env, row.categories);
  const firstLook = row.decidedBy;
  if (firstLook === null) {
    // An import's draft: the importing officer confirms (their named key counts as them); an
    // import by the consortium on a participant's behalf, or by a key naming no one, any
    // officer of the primary source.
    const importer = (
      await deps.people.namedPeople([{ kind: row.enteredByKind, id: row.enteredBy }])
    ).get(row.enteredBy);
    const importedByOwnOfficer = importer?.organisationId === row.organisationId;
    if (row.importId !== null && importedByOwnOfficer && importer?.id !== person) {
      throw new AppError(
        "forbidden",
        "The officer who imported this registration confirms it (003 §12.2: the functionaris enters it).",
        { code: "importing_officer_confirms" },
      );
    }
  } else {
    assertSecondOfficer(firstLook, person, fourEyes);
  }
  const now = clock.now();
  const today = clock.today();
  // Still under four eyes after this look: the first look is recorded, the draft waits on.
  if (firstLook === null && fourEyes.length > 0) {
    await db.transaction(async (tx) => {
      await repo.updateRegistration(tx, row.id, {
        decidedBy: person,
        decidedAt: now,
        weighing,
        updatedAt: now,
      });
      await recordSuccess(tx, clock, meta, principal, {
        action: "registration.confirmed",
        objectType: "registration",
        objectId: row.id,
        details: { look: "first", declaration: true, awaiting: "second_officer", fourEyes },
      });
    });
    return null;
  }
  const profile = await deps.organisations.profile();
  const evaluation = evaluateRegistration(
    profile,
    {
      categories: row.categories,
      criteria: row.criteria,
      placementDate: row.placementDate,
      termMonths: row.termMonths,
      ...(row.claimCents !== null ? { claimCents: row.claimCents } : {}),
    },
    today,
  );
  const optIn = await optInRefusals(env, profile, row.categories);
  if (!evaluation.ok || optIn.length > 0) {
    throw refuse([...optIn, ...(evaluation.ok ? [] : evaluation.violations)]);
  }
  // D-846: the term runs from the day the decision takes effect, never before; the end stays.
  const startDate = compareDates(evaluation.startDate, today) >= 0 ? evaluation.startDate : today;
  let dutyId = "";
  await db.transaction(async (tx) => {
    await repo.updateRegistration(tx, row.id, {
      status: evaluation.initialStatus,
      startDate,
      endDate: evaluation.endDate,
      scope: evaluation.scope,
      // Each part's term runs from the same day (D-846); its end stays.
      parts: evaluation.parts.map((p) => ({
        ...p,
        startDate: compareDates(p.startDate, startDate) >= 0 ? p.startDate : startDate,
      })),
      protocolVersion: protocolVersionOf(profile),
      weighing,
      ...(firstLook === null
        ? { decidedBy: person, decidedAt: now }
        : { secondLookBy: person, secondLookAt: now }),
      updatedAt: now,
    });
    dutyId = await placementDuty(env, tx, profile, row.organisationId, row.id, today);
    await recordSuccess(tx, clock, meta, principal, {
      action: "registration.confirmed",
      objectType: "registration",
      objectId: row.id,
      details: {
        look: firstLook === null ? "first" : "second",
        declaration: true,
        ...(fourEyes.length > 0 ? { fourEyes } : {}),
        startDate,
      },
    });
  });
  return dutyId;
}

/** The confirming officer's weighing of a draft that has none: 422 without it (003 §12.1). */
async function confirmingWeighing(
  env: RegistrationsEnv,
  row: repo.RegistrationRow,
  given: Weighing | undefined,
): Promise<Weighing> {
  const profile = await env.deps.organisations.profile();
  const evaluation = evaluateRegistration(
    profile,
    {
      categories: row.categories,
      criteria: row.criteria,
      placementDate: row.placementDate,
      termMonths: row.termMonths,
      ...(row.claimCents !== null ? { claimCents: row.claimCents } : {}),
    },
    env.clock.today(),
  );
  const violations = weighingViolations(given, evaluation.ok ? evaluation : undefined);
  if (violations.length > 0) throw refuse(violations);
  return given!;
}

/** The second look on a lengthening (D-845): its values take effect as a new decision. */
async function secondLookOnChange(
  env: RegistrationsEnv,
  principal: Principal,
  meta: RequestMeta,
  row: repo.RegistrationRow,
  person: string,
): Promise<string> {
  const { db, clock, deps } = env;
  const pending = pendingChangeOf(row)!;
  assertSecondOfficer(pending.by, person, await fourEyesOf(env, pending.categories));
  const profile = await deps.organisations.profile();
  const evaluation = evaluateRegistration(
    profile,
    {
      categories: pending.categories,
      criteria: pending.criteria,
      placementDate: pending.placementDate,
      termMonths: pending.termMonths,
      ...(pending.claimCents !== null ? { claimCents: pending.claimCents } : {}),
    },
    clock.today(),
  );
  // The rules run again on the second look, the evidence too: only what grounds the new
  // criteria is kept (issue 20 part 2; D-961).
  const view = await fullView(env, row);
  const evidence = (view.evidence ?? []).filter((e) => pending.criteria.includes(e.criterion));
  const grounds = evidenceViolations(
    profile,
    { criteria: pending.criteria, evidence },
    clock.today(),
  );
  if (!evaluation.ok || grounds.length > 0) {
    throw refuse([...(evaluation.ok ? [] : evaluation.violations), ...grounds]);
  }
  const encrypted = await encryptPerson(env, row.organisationId, row.id, {
    person: view.person,
    contactAddress: view.contactAddress,
    dwellingAddress: view.dwellingAddress,
    evidence,
  });
  const now = clock.now();
  let dutyId = "";
  await db.transaction(async (tx) => {
    await repo.updateRegistration(tx, row.id, {
      ...encrypted,
      categories: pending.categories,
      criteria: pending.criteria,
      placementDate: pending.placementDate,
      claimCents: pending.claimCents,
      termMonths: evaluation.termMonths,
      startDate: evaluation.startDate,
      endDate: evaluation.endDate,
      scope: evaluation.scope,
      parts: evaluation.parts,
      protocolVersion: protocolVersionOf(profile),
      decidedBy: pending.by,
      decidedAt: now,
      // The weighing the first officer gave with the change (D-1060), where it gave one.
      ...(pending.weighing ? { weighing: pending.weighing } : {}),
      secondLookBy: person,
      secondLookAt: now,
      pendingChange: null,
      updatedAt: now,
    });
    dutyId = await owedAfterNewDecision(env, tx, profile, row, pending.reason);
    await recordSuccess(tx, clock, meta, principal, {
      action: "registration.confirmed",
      objectType: "registration",
      objectId: row.id,
      details: { look: "second", declaration: true, change: true, reason: pending.reason },
    });
  });
  return dutyId;
}
