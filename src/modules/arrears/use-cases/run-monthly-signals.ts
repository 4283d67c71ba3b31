import type { ArrearsEnv } from "../env.ts";
import * as repo from "../repository.ts";
import { produceDeliveries } from "./produce-deliveries.ts";

/**
 * The `arrears-signals` job: for every landlord with a signed agreement, one delivery per
 * municipality with the tenants eligible on `signalDate` (002 "Vroegsignalering in de
 * praktijk" step 1: signals monthly). A municipality already delivered this month is
 * skipped, so a re-run is harmless.
 */
export async function runMonthlySignals(env: ArrearsEnv, signalDate: string) {
  const { db, deps } = env;
  const summary = {
    landlords: 0,
    deliveries: 0,
    signals: 0,
    repeated: 0,
    notEligible: {} as Record<string, number>,
  };
  for (const organisationId of await repo.organisationsWithSignedAgreements(db)) {
    const access = await deps.organisations.accessOf(organisationId);
    if (!access || access.refusal) continue;
    summary.landlords++;
    const r = await produceDeliveries(env, organisationId, signalDate);
    summary.deliveries += r.deliveries;
    summary.signals += r.signals;
    summary.repeated += r.repeated;
    for (const [k, v] of Object.entries(r.notEligible)) {
      summary.notEligible[k] = (summary.notEligible[k] ?? 0) + v;
    }
  }
  return summary;
}
