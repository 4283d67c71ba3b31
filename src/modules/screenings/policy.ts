/**
 * What a screening may show (003 §13; 001 §5.2): the access decisions of a hit, used by the
 * screening use case. Whether a grant applies at all is the protocol's (`disclosureGrant`).
 */
import { appliesTo } from "../../protocol/engine.ts";
import type { DisclosureField, DisclosureGrant } from "../../protocol/profile.ts";
import type { Candidate } from "../registrations/ports.ts";
import type { ScreeningResult } from "./schemas.ts";

/** Written consent (001 §5.5) adds fields for other participants once its reflection ended. */
export function withConsent(
  grant: DisclosureGrant,
  consent: readonly DisclosureField[],
): DisclosureGrant {
  return consent.length ? { ...grant, fields: [...new Set([...grant.fields, ...consent])] } : grant;
}

/** A registration as a hit shows it to the caller's organisation: only the fields the grant names. */
export async function disclose(
  grant: DisclosureGrant,
  c: Candidate,
  callerOrganisationId: string,
  nameOf: (organisationId: string) => Promise<string | undefined>,
): Promise<ScreeningResult> {
  const r = c.row;
  const has = (f: DisclosureGrant["fields"][number]) => grant.fields.includes(f);
  const result: ScreeningResult = {};
  if (has("appliesToCaller")) result.appliesToCaller = appliesTo(r, callerOrganisationId);
  if (has("since")) result.since = r.startDate;
  if (has("until")) result.until = r.endDate;
  if (has("scope")) result.scope = r.scope;
  if (has("primarySource")) {
    result.primarySource = {
      id: r.organisationId,
      name: (await nameOf(r.organisationId)) ?? "",
    };
  }
  if (has("categories")) result.categories = r.categories;
  if (has("criteria")) result.criteria = r.criteria;
  if (has("placementDate")) result.placementDate = r.placementDate;
  if (has("claim")) result.claimCents = r.claimCents;
  if (has("objectionStatus")) {
    result.objectionStatus = { pending: r.objectionPending, outcome: r.objectionOutcome };
  }
  if (has("enteredBy")) result.enteredBy = { kind: r.enteredByKind, id: r.enteredBy };
  return result;
}
