import type { RequestMeta } from "../../../platform/audit/audit.ts";
import { recordSuccess } from "../../../platform/audit/record.ts";
import type { Principal } from "../../../platform/auth/access.ts";
import { AppError, protocolRule } from "../../../platform/errors.ts";
import type { Person } from "../../registrations/schemas.ts";
import { findActionableCase } from "../case-access.ts";
import { place } from "../encryption.ts";
import type { CasesEnv } from "../env.ts";

/** The access answer's content (AVG art. 15): the data, purposes, recipients, source, and who screened. */
export async function accessReport(
  env: CasesEnv,
  principal: Principal,
  meta: RequestMeta,
  id: string,
) {
  const { db, clock, keyring, deps } = env;
  const row = await findActionableCase(env, principal, id);
  if (row.type !== "access")
    throw new AppError("conflict", "Only an access request has an access report.", {
      code: "not_an_access_request",
    });
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
  let person: Person | undefined = view?.person;
  if (!person && row.requesterCiphertext) {
    person = (
      JSON.parse(
        await keyring.decrypt(
          row.organisationId,
          row.requesterCiphertext,
          place(id, "requester_ciphertext"),
        ),
      ) as { person?: Person }
    ).person;
  }
  const profile = await deps.organisations.profile();
  const screenings = person ? await deps.screenings().screeningsOf(person) : [];
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
    recipients: view
      ? [
          "de deelnemers van de regio, alleen na een bevestigde match of volgens het protocol",
          "het samenwerkingsverband",
        ]
      : [],
    source: view ? view.primarySource.name : null,
    screenings,
  };
}
