import type { Role } from "../platform/auth/roles.ts";
import type { DisclosureField, DisclosureGrant, HitAudience, Profile } from "./profile.ts";

/** Roles in the order their grants are consulted: the most informative grant a caller holds. */
const GRANT_ORDER: readonly Role[] = [
  "consortium_admin",
  "officer",
  "querier",
  "allocation_system",
];

/**
 * What a hit (or a block) on a registration may show to this caller (profile.disclosure.hit,
 * contract §3): the primary source's own people or other participants, by role. Undefined:
 * the caller is told nothing at all (no hit, no fields).
 */
export function disclosureGrant(
  profile: Profile,
  callerOrganisationId: string,
  roles: readonly Role[],
  registrationOrganisationId: string,
): DisclosureGrant | undefined {
  const audience: HitAudience =
    callerOrganisationId === registrationOrganisationId ? "primary_source" : "other_participant";
  const grants = profile.disclosure.hit[audience];
  for (const role of GRANT_ORDER) {
    if (roles.includes(role) && grants[role]) return grants[role];
  }
  return undefined;
}

/**
 * Whether a registration applies to this organisation: a region-wide or national one to every
 * participant, an organisation-scoped one (003 §7 A and D, "uitsluiting corporatie") only to
 * its primary source; others may at most set conditions (003 §4.3, §13.3). keurmerk-2013 has
 * one scope for all participants (001 §5.1), so there it always applies.
 */
export function appliesTo(
  registration: { organisationId: string; scope: string },
  organisationId: string,
): boolean {
  return registration.scope !== "organisation" || registration.organisationId === organisationId;
}

/**
 * What the querying organisation's hit letter may tell (003 §13.4, §13.5; D-953): the letter is
 * read by that organisation's officers (and the consortium admin), so the caller's grant
 * together with the organisation's officer grant — the latter only when it asks no more
 * confirmation than the caller's did (then the match is confirmed).
 */
export function hitLetterFields(
  profile: Profile,
  grant: DisclosureGrant,
  callerOrganisationId: string,
  registrationOrganisationId: string,
): Set<DisclosureField> {
  const fields = new Set(grant.fields);
  const officers = disclosureGrant(
    profile,
    callerOrganisationId,
    ["officer"],
    registrationOrganisationId,
  );
  if (officers && (!officers.requiresConfirmedMatch || grant.requiresConfirmedMatch)) {
    for (const f of officers.fields) fields.add(f);
  }
  return fields;
}
