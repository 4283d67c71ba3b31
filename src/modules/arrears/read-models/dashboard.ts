import type { Principal } from "../../../platform/auth/access.ts";
import { addMonths, compareDates, daysBetween } from "../../../platform/werkdagen.ts";
import type { ArrearsEnv, OnBehalfOf } from "../env.ts";
import { landlordFor } from "../policy.ts";
import * as repo from "../repository.ts";
import { arrangementsWithStatus } from "../views.ts";

/** Counts and trends for a landlord; no names, no references (issue #11 dashboard). */
export async function dashboard(env: ArrearsEnv, principal: Principal, options: OnBehalfOf = {}) {
  const { database, db, clock } = env;
  const organisationId = await landlordFor(env, principal, options.onBehalfOf);
  const today = clock.today();
  const since = addMonths(today, -12);
  const tenancies = await repo.tenanciesInArrears(database, organisationId);
  const age = { "1-29": 0, "30-59": 0, "60-89": 0, "90+": 0 };
  const amount = { "<500": 0, "500-999": 0, "1000-2499": 0, "2500+": 0 };
  for (const t of tenancies) {
    const d = t.oldestUnpaidDueDate ? Math.max(0, daysBetween(t.oldestUnpaidDueDate, today)) : 0;
    age[d < 30 ? "1-29" : d < 60 ? "30-59" : d < 90 ? "60-89" : "90+"]++;
    const e = t.arrearsCents / 100;
    amount[e < 500 ? "<500" : e < 1000 ? "500-999" : e < 2500 ? "1000-2499" : "2500+"]++;
  }
  const holds = await repo.openHolds(db, organisationId, today);
  const active = holds.filter((h) => compareDates(h.hold.startDate, today) <= 0);
  const arrangementCounts = { on_track: 0, kept: 0, broken: 0 };
  for (const a of await arrangementsWithStatus(env, organisationId, today)) {
    arrangementCounts[a.status]++;
  }
  return {
    today,
    inArrears: {
      tenancies: tenancies.length,
      totalCents: tenancies.reduce((s, t) => s + t.arrearsCents, 0),
      byDaysLate: age,
      byAmountEuros: amount,
    },
    trend: (await repo.positionTrend(database, organisationId, since)).map((r) => ({
      asOf: r.as_of,
      inArrears: Number(r.in_arrears),
      arrearsCents: Number(r.arrears_cents),
    })),
    signals: (await repo.signalTrend(database, organisationId, since)).map((r) => ({
      month: r.month,
      signals: Number(r.signals),
      repeated: Number(r.repeated),
    })),
    outcomes: Object.fromEntries(
      (await repo.outcomeCounts(database, organisationId, since)).map((r) => [
        r.outcome,
        Number(r.count),
      ]),
    ),
    holdsActive: {
      schuldenrust: active.filter((h) => h.hold.kind === "schuldenrust").length,
      pause: active.filter((h) => h.hold.kind === "pause").length,
    },
    arrangements: arrangementCounts,
    measures: Object.fromEntries(
      (await repo.measureCounts(db, organisationId, since)).map((r) => [r.kind, Number(r.count)]),
    ),
  };
}
