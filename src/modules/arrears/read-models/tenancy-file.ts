import { monthsInArrears } from "../eligibility.ts";
import { addressPlace, personPlace, type StoredPerson } from "../encrypted.ts";
import * as repo from "../repository.ts";
import type { Address } from "../schemas.ts";
import { selectionFacts } from "../selection-facts.ts";
import { auditTenancy, tenancyAction } from "../tenancy-step.ts";
import { arrangementView, holdView, publicAssessment } from "../views.ts";

/** The tenancy's whole file, with the person; reading it is audited. */
export const getTenancy = tenancyAction(async (call) => {
  const { env, db, clock, keyring, organisationId, tenancy: t } = call;
  const stored = JSON.parse(
    await keyring.decrypt(organisationId, t.personCiphertext, personPlace(t.id)),
  ) as StoredPerson;
  const address = JSON.parse(
    await keyring.decrypt(organisationId, t.addressCiphertext, addressPlace(t.id)),
  ) as Address;
  const today = clock.today();
  const { assessed } = await selectionFacts(env, organisationId, today);
  const assessment = assessed.find((a) => a.tenancy.id === t.id)?.assessment;
  const [positions, events, signals, feedback, holds, measures, arrangements] = [
    await repo.positionsOf(db, t.id),
    await repo.eventsOf(db, t.id),
    await repo.signalsOfTenancy(db, t.id),
    await repo.feedbackOfTenancy(db, t.id),
    await repo.holdsOf(db, t.id),
    await repo.measuresOf(db, t.id),
    await repo.arrangementsOfTenancy(db, t.id),
  ];
  const instalments = await repo.instalmentsOf(
    db,
    arrangements.map((a) => a.id),
  );
  await auditTenancy(db, call, "arrears.tenancy_viewed");
  return {
    tenancyRef: t.tenancyRef,
    municipalityCode: t.municipalityCode,
    municipalityDerived: t.municipalityDerived,
    person: stored.person,
    phone: stored.phone ?? null,
    address,
    monthlyRentCents: t.monthlyRentCents,
    arrearsCents: t.arrearsCents,
    monthsInArrears: monthsInArrears(t.arrearsCents, t.monthlyRentCents),
    oldestUnpaidDueDate: t.oldestUnpaidDueDate,
    arrearsBeganOn: t.arrearsBeganOn,
    arrearsEndedOn: t.arrearsEndedOn,
    asOf: t.asOf,
    signal: assessment ? publicAssessment(assessment) : null,
    positions: positions.map((p) => ({
      asOf: p.asOf,
      arrearsCents: p.arrearsCents,
      monthlyRentCents: p.monthlyRentCents,
      oldestUnpaidDueDate: p.oldestUnpaidDueDate,
      lastPaymentDate: p.lastPaymentDate,
    })),
    events: events.map((e) => ({
      type: e.type,
      date: e.date,
      channel: e.channel,
      recordedBy: { kind: e.recordedByKind, id: e.recordedBy },
    })),
    signals: signals.map((s) => ({
      municipalityCode: s.municipalityCode,
      signalDate: s.signalDate,
      arrearsCents: s.arrearsCents,
      monthsInArrears: s.monthsInArrears,
      repeated: s.repeated,
    })),
    feedback: feedback.map((f) => ({
      municipalityCode: f.municipalityCode,
      outcome: f.outcome,
      date: f.date,
    })),
    holds: holds.map(holdView),
    measures: measures.map((m) => ({
      kind: m.kind,
      date: m.date,
      details: m.details,
      recordedBy: { kind: m.recordedByKind, id: m.recordedBy },
    })),
    arrangements: await Promise.all(
      arrangements.map((a) =>
        arrangementView(
          env,
          a,
          instalments.filter((i) => i.arrangementId === a.id),
        ),
      ),
    ),
  };
});
