import type { Role } from "../platform/auth/roles.ts";
import type { DisclosureGrant, HitAudience, Profile } from "./profile.ts";

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
