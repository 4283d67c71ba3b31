import type { Principal } from "../../../platform/auth/access.ts";
import { compareDates, daysBetween } from "../../../platform/werkdagen.ts";
import type { ArrearsEnv, OnBehalfOf } from "../env.ts";
import { SCHULDENRUST_DAYS } from "../periods.ts";
import { landlordsTenancy } from "../policy.ts";
import * as repo from "../repository.ts";

/** For the collection system: may it act now? (002 step 3 schuldenrust; 004 pause button) */
export async function collectionHold(
  env: ArrearsEnv,
  principal: Principal,
  tenancyRef: string,
  options: OnBehalfOf = {},
) {
  const { db, clock } = env;
  const { tenancy } = await landlordsTenancy(env, principal, tenancyRef, options);
  const today = clock.today();
  const holds = await repo.holdsOf(db, tenancy.id);
  const active = holds
    .filter(
      (h) =>
        !h.endedOn && compareDates(h.startDate, today) <= 0 && compareDates(today, h.until) <= 0,
    )
    .sort((a, b) => compareDates(b.until, a.until));
  const first = active[0];
  if (first) {
    return {
      onHold: true,
      until: first.until,
      reason: first.kind === "schuldenrust" ? "help_accepted" : `pause_${first.reason}`,
    };
  }
  const endedEarly = holds.find(
    (h) =>
      h.endReason === "new_rent_unpaid" &&
      h.endedOn !== null &&
      daysBetween(h.endedOn, today) <= SCHULDENRUST_DAYS,
  );
  return endedEarly ? { onHold: false, reason: "hold_ended_new_rent_unpaid" } : { onHold: false };
}
