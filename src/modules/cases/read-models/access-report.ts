import type { RequestMeta } from "../../../platform/audit/audit.ts";
import { recordSuccess } from "../../../platform/audit/record.ts";
import type { Principal } from "../../../platform/auth/access.ts";
import { protocolRule } from "../../../platform/errors.ts";
import type { Person } from "../../registrations/schemas.ts";
import { accessCandidatesOf, actualRecipients, requesterOf, shown } from "../access-answer.ts";
import { findActionableAccessRequest } from "../case-access.ts";
import type { CasesEnv } from "../env.ts";

/** The access answer's content (AVG art. 15): the data, purposes, recipients, source, and who screened. */
export async function accessReport(
  env: CasesEnv,
  principal: Principal,
  meta: RequestMeta,
  id: string,
) {
  const { db, clock, deps } = env;
  const row = await findActionableAccessRequest(env, principal, id, "an access report");
  if (!row.identityVerifiedOn) {
    throw protocolRule(
      "identity_not_verified",
      "Record how the requester's identity was verified before anything is disclosed.",
      "AVG art. 12 lid 6; 003 §15; 001 §9.2",
    );
  }
  const view = row.registrationId
    ? await deps.registrations.viewForCase(row.registrationId)
    : undefined;
  const person: Person | undefined = view?.person ?? (await requesterOf(env, row));
  const profile = await deps.organisations.profile();
  const screenings = person ? await deps.screenings().screeningsOf(person) : [];
  // Region-wide (003 §15.2; AVG art. 26 lid 3): the registrations the officer confirmed.
  const confirmed = (await accessCandidatesOf(env, row)).filter(
    (c) => shown(c) && c.decision === "confirmed",
  );
  const registrations = [];
  for (const c of confirmed) {
    const reg = await deps.registrations.findRow(c.registrationId);
    if (!reg) continue;
    registrations.push({
      registrationId: c.registrationId,
      primarySource: {
        id: c.primarySourceId,
        name: (await deps.organisations.getName(c.primarySourceId)) ?? "",
      },
      endDate: reg.endDate,
      protocolVersion: reg.protocolVersion,
    });
  }
  const recipients = person
    ? await actualRecipients(
        env,
        person,
        registrations.map((r) => ({ id: r.registrationId, organisationId: r.primarySource.id })),
      )
    : [];
  await recordSuccess(db, clock, meta, principal, {
    action: "case.access_report",
    objectType: "case",
    objectId: id,
  });
  return {
    caseId: id,
    registration: view ? (view as unknown as Record<string, unknown>) : null,
    purposes: [
      `${profile.title}: het voorkomen van herhaling van ernstig ongewenst huurgedrag in de regio (${profile.seed})`,
    ],
    registrations,
    recipients:
      registrations.length > 0
        ? [
            "de deelnemers van de regio, alleen na een bevestigde match of volgens het protocol",
            "het samenwerkingsverband",
          ]
        : [],
    actualRecipients: recipients.map((r) => ({
      organisation: { id: r.organisationId, name: r.organisation },
      date: r.date,
      how: r.how,
    })),
    source: view ? view.primarySource.name : (registrations[0]?.primarySource.name ?? null),
    screenings,
  };
}
