import { randomUUID } from "node:crypto";
import type { RequestMeta } from "../../../platform/audit/audit.ts";
import { recordSuccess } from "../../../platform/audit/record.ts";
import type { Principal } from "../../../platform/auth/access.ts";
import { AppError } from "../../../platform/errors.ts";
import { DEFAULT_MIN_DAYS_LATE } from "../eligibility.ts";
import { contactsPlace } from "../encrypted.ts";
import type { ArrearsEnv, OnBehalfOf } from "../env.ts";
import { landlordFor } from "../policy.ts";
import { agreementView } from "../read-models/agreements.ts";
import * as repo from "../repository.ts";
import type { AgreementInput } from "../schemas.ts";

/** The agreement with a municipality (002 "Overeenkomst met gemeente nodig"). */
export async function putAgreement(
  env: ArrearsEnv,
  principal: Principal,
  meta: RequestMeta,
  municipalityCode: string,
  input: AgreementInput,
  options: OnBehalfOf = {},
) {
  const { db, clock, keyring } = env;
  const organisationId = await landlordFor(env, principal, options.onBehalfOf);
  if (input.deliveryWindow && input.deliveryWindow.fromDay > input.deliveryWindow.toDay) {
    throw new AppError("invalid_input", "deliveryWindow: fromDay is after toDay.", {
      code: "invalid_delivery_window",
    });
  }
  const existing = await repo.findAgreement(db, organisationId, municipalityCode);
  const id = existing?.id ?? randomUUID();
  const contacts =
    input.contactPerson || input.signatory
      ? await keyring.encrypt(
          organisationId,
          JSON.stringify({ contactPerson: input.contactPerson, signatory: input.signatory }),
          contactsPlace(id),
        )
      : (existing?.contactsCiphertext ?? null);
  const now = clock.now();
  await db.transaction(async (tx) => {
    await repo.upsertAgreement(tx, {
      id,
      organisationId,
      municipalityCode,
      status: input.status,
      reportingPoint: input.reportingPoint,
      // Default lateness 30 days (contract §3); a municipality may set its own threshold.
      minDaysLate: input.minDaysLate ?? DEFAULT_MIN_DAYS_LATE,
      minAmountCents: input.minAmountCents ?? null,
      signedOn: input.signedOn ?? (input.status === "signed" ? clock.today() : null),
      deliveryFromDay: input.deliveryWindow?.fromDay ?? null,
      deliveryToDay: input.deliveryWindow?.toDay ?? null,
      contactsCiphertext: contacts,
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
    });
    await recordSuccess(tx, clock, meta, principal, {
      action: "arrears.agreement_saved",
      objectType: "arrears_agreement",
      objectId: id,
      details: { municipalityCode, status: input.status, reportingPoint: input.reportingPoint },
    });
  });
  return agreementView(env, (await repo.findAgreement(db, organisationId, municipalityCode))!);
}
