import type { Principal } from "../../platform/auth/access.ts";
import { compareDates, todayInAmsterdam } from "../../platform/werkdagen.ts";
import { agreedTerms } from "../../protocol/parts.ts";
import type { LetterSubject } from "../letters/ports.ts";
import type { OrganisationAccess } from "../organisations/ports.ts";
import { decisionOf } from "./decision-view.ts";
import type { RegistrationsEnv } from "./env.ts";
import { addressOf, dwellingAddressOf, evidenceOf, personOf } from "./person-data.ts";
import { mayReadEvidence } from "./policy.ts";
import type { RegistrationRow } from "./repository.ts";
import type { RegistrationSummary, RegistrationView } from "./schemas.ts";

/** A registration's status as the outside sees it: expired once its end date has come. */
function effectiveStatus(row: RegistrationRow, today: string): RegistrationSummary["status"] {
  return compareDates(row.endDate, today) <= 0 ? "expired" : row.status;
}

/** What was registered and for how long: the facts both the summary and a letter show. */
function terms(row: RegistrationRow) {
  return {
    categories: row.categories,
    criteria: row.criteria,
    placementDate: row.placementDate,
    startDate: row.startDate,
    termMonths: row.termMonths,
    claimCents: row.claimCents,
    protocolVersion: row.protocolVersion,
  };
}

/**
 * A registration without personal data, as lists and answers show it. `viewer` decides whether
 * the officers' names show: to the primary source's own organisation and the auditor (D-843).
 */
export async function summary(
  env: RegistrationsEnv,
  row: RegistrationRow,
  names?: Map<string, Promise<OrganisationAccess | undefined>>,
  viewer?: Principal,
): Promise<RegistrationSummary> {
  // A list names each primary source once, not once per row.
  let lookup = names?.get(row.organisationId);
  if (!lookup) {
    lookup = env.deps.organisations.accessOf(row.organisationId);
    names?.set(row.organisationId, lookup);
  }
  const source = await lookup;
  return {
    id: row.id,
    status: effectiveStatus(row, env.clock.today()),
    ...terms(row),
    // Top-level end date and scope only where every part agrees (contract §6).
    ...agreedTerms(row.parts),
    parts: row.parts.map(({ group: _, ...part }) => part),
    restrictionReason: row.restrictionReason,
    objectionPending: row.objectionPending,
    objectionOutcome: row.objectionOutcome,
    primarySource: { id: row.organisationId, name: source?.name ?? "" },
    tenancyRelation: row.tenancyRelation,
    ...(await decisionOf(env, row, viewer)),
  };
}

/** The registration with its person and address decrypted. */
export async function fullView(
  env: RegistrationsEnv,
  row: RegistrationRow,
  viewer?: Principal,
): Promise<RegistrationView> {
  const person = await personOf(env, row);
  const address = await addressOf(env, row);
  return {
    ...(await summary(env, row, undefined, viewer)),
    person,
    address,
    contactAddress: address,
    dwellingAddress: await dwellingAddressOf(env, row),
    // Omitted, not empty, for a viewer who may not read it: an empty list would say "none".
    ...(mayReadEvidence(viewer, row.organisationId)
      ? { evidence: await evidenceOf(env, row) }
      : {}),
  };
}

/** What the letters module writes about: the person, address and facts of the registration. */
export async function subjectOf(
  env: RegistrationsEnv,
  row: RegistrationRow,
): Promise<LetterSubject> {
  const view = await fullView(env, row);
  return {
    organisationId: row.organisationId,
    status: row.status,
    person: view.person,
    address: view.contactAddress,
    dwellingAddress: view.dwellingAddress,
    facts: {
      id: row.id,
      ...terms(row),
      endDate: row.endDate,
      scope: row.scope,
      parts: row.parts,
      objectionPending: row.objectionPending,
      objectionOutcome: row.objectionOutcome,
      enteredOn: todayInAmsterdam(row.createdAt),
    },
  };
}
