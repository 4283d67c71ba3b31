import { compareDates } from "../../platform/werkdagen.ts";
import { type AgreementTerms, assessSignal, type EventType } from "./eligibility.ts";
import type { ArrearsEnv } from "./env.ts";
import * as repo from "./repository.ts";

function terms(a: repo.AgreementRow | undefined): AgreementTerms | undefined {
  return a
    ? { status: a.status, minDaysLate: a.minDaysLate, minAmountCents: a.minAmountCents }
    : undefined;
}

/** The event types of a bit mask (repo.EVENT_BITS), dated on `date` (inside the episode). */
function eventsOfMask(mask: number, date: string): { type: EventType; date: string }[] {
  return (Object.entries(repo.EVENT_BITS) as [EventType, number][])
    .filter(([, bit]) => (mask & bit) !== 0)
    .map(([type]) => ({ type, date }));
}

/**
 * Every fact the eligibility rules need, for all of a landlord's tenancies in arrears: the
 * monthly run, the worklist and the tenancy file assess the same way.
 */
export async function selectionFacts(env: ArrearsEnv, organisationId: string, signalDate: string) {
  const { database, db } = env;
  const agreements = await repo.listAgreements(db, organisationId);
  const latest = await repo.latestAsOf(db, organisationId);
  const tenancies = await repo.tenanciesInArrears(database, organisationId);
  const masks = await repo.episodeEventTypes(database, organisationId, signalDate);
  const last = await repo.lastSignals(database, organisationId);
  const holds = await repo.openHolds(db, organisationId, signalDate);
  const agreementOf = new Map(agreements.map((a) => [a.municipalityCode, a]));
  const schuldenrust = new Set(
    holds
      .filter(
        (h) => h.hold.kind === "schuldenrust" && compareDates(h.hold.startDate, signalDate) <= 0,
      )
      .map((h) => h.hold.tenancyId),
  );
  const assessed = tenancies.map((t) => {
    const assessment = assessSignal(
      {
        arrearsCents: t.arrearsCents,
        monthlyRentCents: t.monthlyRentCents,
        oldestUnpaidDueDate: t.oldestUnpaidDueDate,
        arrearsBeganOn: t.arrearsBeganOn,
        asOf: t.asOf,
        latestAsOf: latest ?? t.asOf,
        // The SQL kept only events within the episode; their dates are not needed again.
        events: eventsOfMask(masks.get(t.id) ?? 0, t.arrearsBeganOn ?? signalDate),
        lastSignal: last.get(t.id),
        onSchuldenrust: schuldenrust.has(t.id),
      },
      terms(agreementOf.get(t.municipalityCode)),
      signalDate,
    );
    return { tenancy: t, assessment };
  });
  return { agreementOf, assessed, holds };
}
