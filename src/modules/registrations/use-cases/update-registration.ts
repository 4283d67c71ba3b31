import { actorOf } from "../../../platform/audit/actor.ts";
import type { RequestMeta } from "../../../platform/audit/audit.ts";
import { recordSuccess } from "../../../platform/audit/record.ts";
import type { Principal } from "../../../platform/auth/access.ts";
import { evaluateRegistration } from "../../../protocol/engine.ts";
import { claimKept } from "../../../protocol/profile-limits.ts";
import { protocolVersionOf } from "../../../protocol/version.ts";
import { changed } from "../changes.ts";
import type { RegistrationsEnv } from "../env.ts";
import { addressesOf, groundsViolations, personDataOf } from "../grounds.ts";
import { blindIndexesOf, encryptPerson } from "../person-data.ts";
import { changeableRegistration } from "../policy.ts";
import { refuse } from "../primary-source.ts";
import { optInRefusals, personFieldError } from "../profile-limits.ts";
import * as repo from "../repository.ts";
import { DECISION_FIELDS, type RegistrationInput, type RegistrationPatch } from "../schemas.ts";
import { fullView, summary } from "../views.ts";

/**
 * Changes a registration. A change of what was decided (categories, criteria, placement date,
 * claim, term) is a new decision: the rules of the current profile are applied again to the
 * result and its protocol version is recorded. A change of the person or address alone leaves
 * the decision as it was taken, under its own protocol version: a later profile revision never
 * silently moves its term or scope (003 ch. 23; D-760).
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
  const current = await fullView(env, row);
  const given = addressesOf(patch);
  const next: RegistrationInput = {
    person: patch.person ?? current.person,
    contactAddress: given.contactAddress ?? current.contactAddress ?? undefined,
    dwellingAddress: given.dwellingAddress ?? current.dwellingAddress ?? undefined,
    tenancyRelation: patch.tenancyRelation ?? current.tenancyRelation ?? undefined,
    // Evidence of a criterion the change drops grounds nothing any more: it goes with it.
    evidence:
      patch.evidence ??
      current.evidence.filter((e) => (patch.criteria ?? row.criteria).includes(e.criterion)),
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
  const redecided = DECISION_FIELDS.some((f) => patch[f] !== undefined);
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
  if (!decision.ok || optIn.length > 0 || grounds.length > 0) {
    throw refuse([...optIn, ...(decision.ok ? [] : decision.violations), ...grounds]);
  }
  const evaluation = decision;
  const encrypted = await encryptPerson(env, row.organisationId, id, personDataOf(next));
  const indexes = await blindIndexesOf(keyring, next.person);
  await db.transaction(async (tx) => {
    await repo.updateRegistration(tx, id, {
      categories: next.categories,
      criteria: next.criteria,
      placementDate: next.placementDate,
      startDate: evaluation.startDate,
      endDate: evaluation.endDate,
      termMonths: evaluation.termMonths,
      scope: evaluation.scope,
      parts: evaluation.parts,
      claimCents: claimKept(profile, next.categories) ? (next.claimCents ?? null) : null,
      ...(redecided ? { protocolVersion: protocolVersionOf(profile) } : {}),
      ...encrypted,
      tenancyRelation: next.tenancyRelation ?? null,
      updatedAt: clock.now(),
    });
    await repo.replaceBlindIndexes(tx, id, indexes);
    // Who, when and which fields — never their values (issue 4).
    await recordSuccess(tx, clock, meta, principal, {
      action: "registration.updated",
      objectType: "registration",
      objectId: id,
      details: {
        fields: [
          ...Object.keys(patch).filter((k) => k !== "person" && k !== "address"),
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
  await changed(env, id);
  return summary(env, (await repo.findRegistration(db, id))!);
}
