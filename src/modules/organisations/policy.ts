/** Who may see which organisation, and whether an organisation's people may act today. */
import { hasRole, type Principal } from "../../platform/auth/access.ts";
import { protocolRule } from "../../platform/errors.ts";
import { compareDates } from "../../platform/werkdagen.ts";
import type { Profile } from "../../protocol/index.ts";
import type { OrganisationRow } from "./repository.ts";
import type { OrganisationView } from "./schemas.ts";
import type { OrganisationAccess } from "./types.ts";

/** The kinds of organisation that take part under the region's profile (and sign the protocol). */
export const PARTICIPANT_SCOPED = new Set([
  "housing_corporation",
  "private_landlord",
  "municipality",
]);

/** Consortium staff see every organisation. */
export function seesEveryOrganisation(principal: Principal): boolean {
  return hasRole(principal, ["consortium_admin", "auditor", "support"]);
}

/** Can this caller see organisation `id`? Consortium staff see all; others only their own. */
export function canSee(principal: Principal, id: string): boolean {
  return principal.organisationId === id || seesEveryOrganisation(principal);
}

/** Under this profile, may an organisation of this kind be a participant? Throws when not. */
export function checkKind(p: Profile, kind: OrganisationView["kind"]): void {
  if (PARTICIPANT_SCOPED.has(kind) && !p.participantKinds.value.includes(kind)) {
    throw protocolRule(
      "participant_kind_not_allowed",
      `Under ${p.title} an organisation of this kind cannot be a participant.`,
      p.participantKinds.source,
      { kind },
    );
  }
}

/**
 * The disputes committee must have a postal address: every decision letter prints it as the
 * next step (003 §16.3 "alsmede … de gegevens van het samenwerkingsverband"; 001 §11 "het
 * postadres van de Geschillencommissie"). Throws when a committee would have none (003-66).
 */
export function checkCommitteeAddress(
  kind: OrganisationView["kind"],
  address: OrganisationView["address"] | undefined,
): void {
  if (kind === "committee" && !address) {
    throw protocolRule(
      "committee_address_required",
      "The disputes committee needs a postal address: every decision letter tells the person where to write to it.",
      "003 §16.3, §16.4; 001 §11 (Reactie op bezwaarschrift: het postadres van de Geschillencommissie)",
    );
  }
}

/** Why the people of this organisation may not act on `today`, or null when they may. */
export function accessRefusal(row: OrganisationRow, today: string): OrganisationAccess["refusal"] {
  if (
    row.status === "withdrawn" ||
    (row.withdrawnOn && compareDates(row.withdrawnOn, today) <= 0)
  ) {
    return "withdrawn";
  }
  if (row.status === "excluded" || (row.excludedOn && compareDates(row.excludedOn, today) <= 0)) {
    return "excluded";
  }
  if (row.status === "suspended") return "suspended";
  if (
    PARTICIPANT_SCOPED.has(row.kind) &&
    (!row.protocolSignedOn || compareDates(row.protocolSignedOn, today) > 0)
  ) {
    return "protocol_not_signed"; // 003 §14, §17; 001 §7.1: sign first, then access
  }
  return null;
}
