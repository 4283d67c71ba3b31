/**
 * What a screening may show (003 §13; 001 §5.2): the access decisions of a hit, used by the
 * screening use case. Whether a grant applies at all is the protocol's (`disclosureGrant`).
 */
import { compareDates } from "../../platform/werkdagen.ts";
import { appliesTo, hitLetterFields } from "../../protocol/engine.ts";
import { partsInForce, type RegistrationPart } from "../../protocol/parts.ts";
import type { DisclosureField, DisclosureGrant, Profile } from "../../protocol/profile.ts";
import type { Candidate } from "../registrations/ports.ts";
import type { HitDutyInput } from "../seekers/ports.ts";
import type { ScreeningResult } from "./schemas.ts";

/** Written consent (001 §5.5) adds fields for other participants once its reflection ended. */
export function withConsent(
  grant: DisclosureGrant,
  consent: readonly DisclosureField[],
): DisclosureGrant {
  return consent.length ? { ...grant, fields: [...new Set([...grant.fields, ...consent])] } : grant;
}

/**
 * A registration as a hit shows it to the caller's organisation: one result per part in force
 * (each with its own end and scope, 003 §7; contract §6), only the fields the grant names. The
 * part that concerns the caller most comes first: one that applies to it, then the widest
 * scope, then the latest end.
 */
export async function disclose(
  grant: DisclosureGrant,
  c: Candidate,
  callerOrganisationId: string,
  nameOf: (organisationId: string) => Promise<string | undefined>,
  today: string,
  officersOf: (row: Candidate["row"]) => Promise<Pick<ScreeningResult, "enteredBy" | "decidedBy">>,
): Promise<{ part: RegistrationPart; result: ScreeningResult }[]> {
  const r = c.row;
  const has = (f: DisclosureGrant["fields"][number]) => grant.fields.includes(f);
  const name = has("primarySource") ? ((await nameOf(r.organisationId)) ?? "") : "";
  // The grant's `enteredBy` shows the named officers of the decision (003 §12.1; D-843).
  const officers = has("enteredBy") ? await officersOf(r) : undefined;
  const order = { national: 3, region: 2, organisation: 1 } as const;
  const parts = partsInForce(r.parts, today)
    .map((part) => ({
      part,
      applies: appliesTo(
        { organisationId: r.organisationId, scope: part.scope },
        callerOrganisationId,
      ),
    }))
    .sort(
      (a, b) =>
        Number(b.applies) - Number(a.applies) ||
        order[b.part.scope] - order[a.part.scope] ||
        compareDates(b.part.endDate, a.part.endDate),
    );
  return parts.map(({ part, applies }) => {
    const result: ScreeningResult = {};
    if (has("appliesToCaller")) result.appliesToCaller = applies;
    if (has("since")) result.since = part.startDate;
    if (has("until")) result.until = part.endDate;
    if (has("scope")) result.scope = part.scope;
    if (has("primarySource")) result.primarySource = { id: r.organisationId, name };
    if (has("categories")) result.categories = part.categories;
    if (has("criteria")) result.criteria = r.criteria;
    if (has("placementDate")) result.placementDate = r.placementDate;
    if (has("claim")) result.claimCents = r.claimCents;
    if (has("objectionStatus")) {
      result.objectionStatus = { pending: r.objectionPending, outcome: r.objectionOutcome };
    }
    if (officers) {
      result.enteredBy = officers.enteredBy;
      result.decidedBy = officers.decidedBy;
    }
    return { part, result };
  });
}

/**
 * What the hit letter tells the person of the part the screening rests on (003 §13.4; D-953):
 * that part's categories, start, end and reach — never the other parts, never the registration
 * as a whole — as far as the letter's readers may know them. The letter is read by the querying
 * organisation's officers (and the consortium admin), so it says what their grant shows, or the
 * caller's where that is more (003 §13.5: another participant under aedes-2021 and kkr learns no
 * category, date or reach; the primary source's own letter names them all; keurmerk-2013 the
 * W-category and since, 001 §5.2); protocol/disclosure.ts `hitLetterFields` says which.
 */
export function hitLetterFacts(
  profile: Profile,
  grant: DisclosureGrant,
  consent: readonly DisclosureField[],
  callerOrganisationId: string,
  c: Candidate,
  part: RegistrationPart,
): HitDutyInput["hits"][number] {
  const fields = hitLetterFields(profile, grant, callerOrganisationId, c.row.organisationId);
  // Written consent (001 §5.5) adds to what the organisation may know, letter included.
  for (const f of consent) fields.add(f);
  const applies = appliesTo(
    { organisationId: c.row.organisationId, scope: part.scope },
    callerOrganisationId,
  );
  return {
    ...(fields.has("appliesToCaller") ? { appliesToCaller: applies } : {}),
    ...(fields.has("categories") ? { categories: part.categories } : {}),
    ...(fields.has("since") ? { since: part.startDate } : {}),
    ...(fields.has("until") ? { until: part.endDate } : {}),
    ...(fields.has("scope") ? { scope: part.scope } : {}),
    primarySourceId: c.row.organisationId,
    // Never shown: groups one person's hits into one duty (D-990).
    registrationId: c.row.id,
  };
}
