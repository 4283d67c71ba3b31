import type { Principal } from "../../../platform/auth/access.ts";
import { contactsPlace } from "../encrypted.ts";
import type { ArrearsEnv, OnBehalfOf } from "../env.ts";
import { landlordFor } from "../policy.ts";
import * as repo from "../repository.ts";

/** An agreement as the API answers it, its contact person and signatory decrypted. */
export async function agreementView(env: ArrearsEnv, a: repo.AgreementRow) {
  const { keyring } = env;
  const contacts = a.contactsCiphertext
    ? JSON.parse(await keyring.decrypt(a.organisationId, a.contactsCiphertext, contactsPlace(a.id)))
    : {};
  return {
    municipalityCode: a.municipalityCode,
    status: a.status,
    reportingPoint: a.reportingPoint,
    minDaysLate: a.minDaysLate,
    minAmountCents: a.minAmountCents,
    signedOn: a.signedOn,
    deliveryWindow:
      a.deliveryFromDay !== null && a.deliveryToDay !== null
        ? { fromDay: a.deliveryFromDay, toDay: a.deliveryToDay }
        : null,
    contactPerson: contacts.contactPerson ?? null,
    signatory: contacts.signatory ?? null,
    signalsAllowed: a.status === "signed",
  };
}

/** The landlord's agreements with municipalities. */
export async function listAgreements(
  env: ArrearsEnv,
  principal: Principal,
  options: OnBehalfOf = {},
) {
  const { db } = env;
  const organisationId = await landlordFor(env, principal, options.onBehalfOf);
  const rows = await repo.listAgreements(db, organisationId);
  return { items: await Promise.all(rows.map((a) => agreementView(env, a))) };
}
