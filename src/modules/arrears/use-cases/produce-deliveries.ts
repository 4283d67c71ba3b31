import { randomUUID } from "node:crypto";
import { SYSTEM } from "../../../platform/audit/actor.ts";
import { recordSuccess } from "../../../platform/audit/record.ts";
import { addDays, addMonths, isIsoDate } from "../../../platform/werkdagen.ts";
import {
  addressPlace,
  bulkDecrypter,
  type DeliveryDocument,
  documentPlace,
  personPlace,
  type StoredPerson,
} from "../encrypted.ts";
import type { ArrearsEnv } from "../env.ts";
import * as repo from "../repository.ts";
import type { Address } from "../schemas.ts";
import { selectionFacts } from "../selection-facts.ts";
import { REPORTING_POINTS, type SignalRecord } from "../signal-format.ts";

function lastDayOfMonth(month: string) {
  return addDays(addMonths(`${month}-01`, 1), -1);
}

/**
 * One landlord's part of the monthly run: a delivery per municipality with a signed agreement,
 * holding the tenants eligible on `signalDate` (002 step 1); a municipality already delivered
 * this month is skipped.
 */
export async function produceDeliveries(
  env: ArrearsEnv,
  organisationId: string,
  signalDate: string,
) {
  const { database, db, clock, keyring, deps } = env;
  const month = signalDate.slice(0, 7);
  const { agreementOf, assessed } = await selectionFacts(env, organisationId, signalDate);
  const delivered = await repo.deliveredMunicipalities(db, organisationId, month);
  const notEligible: Record<string, number> = {};
  const byMunicipality = new Map<string, typeof assessed>();
  for (const a of assessed) {
    if (!a.assessment.eligible) {
      for (const r of a.assessment.reasons) {
        const k = r.missing ? `${r.code}:${r.missing}` : r.code;
        notEligible[k] = (notEligible[k] ?? 0) + 1;
      }
      continue;
    }
    if (delivered.has(a.tenancy.municipalityCode)) continue;
    const list = byMunicipality.get(a.tenancy.municipalityCode) ?? [];
    list.push(a);
    byMunicipality.set(a.tenancy.municipalityCode, list);
  }
  const result = { deliveries: 0, signals: 0, repeated: 0, notEligible };
  if (byMunicipality.size === 0) return result;
  const facts = await deps.organisations.registryFacts(organisationId);
  const landlord = { name: facts?.name ?? "", kvk: facts?.kvkNumber ?? null };
  const cipher = await repo.ciphertextsIn(database, organisationId, [...byMunicipality.keys()]);
  const decrypt = await bulkDecrypter(
    env,
    organisationId,
    [...cipher.values()].flatMap((c) => [c.personCiphertext, c.addressCiphertext]),
  );
  const encrypt = await keyring.encrypterFor(organisationId);
  const deliveries: Parameters<typeof repo.insertDelivery>[1][] = [];
  const signals: Parameters<typeof repo.insertSignals>[1] = [];
  const now = clock.now();
  for (const [municipalityCode, list] of byMunicipality) {
    const agreement = agreementOf.get(municipalityCode)!;
    const deliveryId = randomUUID();
    const records: SignalRecord[] = [];
    for (const { tenancy: t, assessment } of list) {
      const c = cipher.get(t.id)!;
      const stored = JSON.parse(decrypt(c.personCiphertext, personPlace(t.id))) as StoredPerson;
      const address = JSON.parse(decrypt(c.addressCiphertext, addressPlace(t.id))) as Address;
      records.push({
        tenancyRef: t.tenancyRef,
        initials: stored.person.initials,
        prefix: stored.person.prefix ?? null,
        surname: stored.person.surname,
        birthDate: stored.person.birthDate ?? null,
        street: address.street,
        houseNumber: address.houseNumber,
        houseNumberAddition: address.houseNumberAddition ?? null,
        postcode: address.postcode,
        city: address.city,
        phone: stored.phone ?? null,
        email: stored.person.email ?? null,
        arrearsCents: t.arrearsCents,
        monthsInArrears: assessment.monthsInArrears,
        arrearsBeganOn: t.arrearsBeganOn!,
        signalDate,
        repeated: assessment.repeated,
        landlordName: landlord.name,
        landlordKvk: landlord.kvk,
      });
      signals.push({
        id: randomUUID(),
        deliveryId,
        organisationId,
        tenancyId: t.id,
        tenancyRef: t.tenancyRef,
        municipalityCode,
        arrearsBeganOn: t.arrearsBeganOn!,
        arrearsCents: t.arrearsCents,
        monthsInArrears: assessment.monthsInArrears,
        signalDate,
        repeated: assessment.repeated,
      });
      if (assessment.repeated) result.repeated++;
    }
    const document: DeliveryDocument = {
      format: REPORTING_POINTS[agreement.reportingPoint].format,
      municipalityCode,
      month,
      reportingPoint: agreement.reportingPoint,
      landlord,
      signals: records,
    };
    const deliverBy =
      agreement.deliveryToDay !== null &&
      isIsoDate(`${month}-${String(agreement.deliveryToDay).padStart(2, "0")}`)
        ? `${month}-${String(agreement.deliveryToDay).padStart(2, "0")}`
        : lastDayOfMonth(month);
    deliveries.push({
      id: deliveryId,
      organisationId,
      municipalityCode,
      month,
      signalDate,
      reportingPoint: agreement.reportingPoint,
      deliverBy,
      documentCiphertext: encrypt(JSON.stringify(document), documentPlace(deliveryId)),
      createdAt: now,
    });
    result.deliveries++;
    result.signals += records.length;
  }
  await db.transaction(async (tx) => {
    for (const d of deliveries) await repo.insertDelivery(tx, d);
    await repo.insertSignals(tx, signals);
    await recordSuccess(tx, clock, { requestId: null, clientAddress: null }, SYSTEM, {
      action: "arrears.signals_delivered",
      objectType: "arrears_delivery",
      details: {
        landlord: organisationId,
        month,
        deliveries: deliveries.map((d) => ({
          id: d.id,
          municipalityCode: d.municipalityCode,
          signals: signals.filter((s) => s.deliveryId === d.id).length,
        })),
      },
    });
  });
  return result;
}
