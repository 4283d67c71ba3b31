import type { Principal } from "../../../platform/auth/access.ts";
import type { ArrearsEnv } from "../env.ts";
import { landlordFor } from "../policy.ts";
import * as repo from "../repository.ts";

/** The landlord's deliveries with their signals, without personal data (so not audited). */
export async function listDeliveries(
  env: ArrearsEnv,
  principal: Principal,
  options: { month?: string | undefined; onBehalfOf?: string | undefined } = {},
) {
  const { db } = env;
  const organisationId = await landlordFor(env, principal, options.onBehalfOf);
  const deliveries = await repo.listDeliveries(db, organisationId, options.month);
  const signals = await repo.signalsOfDeliveries(
    db,
    deliveries.map((d) => d.id),
  );
  return {
    items: deliveries.map((d) => ({
      id: d.id,
      municipalityCode: d.municipalityCode,
      month: d.month,
      signalDate: d.signalDate,
      reportingPoint: d.reportingPoint,
      deliverBy: d.deliverBy,
      signals: signals
        .filter((s) => s.deliveryId === d.id)
        .map((s) => ({
          tenancyRef: s.tenancyRef,
          arrearsCents: s.arrearsCents,
          monthsInArrears: s.monthsInArrears,
          arrearsBeganOn: s.arrearsBeganOn,
          signalDate: s.signalDate,
          repeated: s.repeated,
        })),
    })),
  };
}
