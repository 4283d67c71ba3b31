import type { RequestMeta } from "../../../platform/audit/audit.ts";
import { recordSuccess } from "../../../platform/audit/record.ts";
import type { Principal } from "../../../platform/auth/access.ts";
import { AppError } from "../../../platform/errors.ts";
import { compareDates } from "../../../platform/werkdagen.ts";
import type { ArrearsEnv, OnBehalfOf } from "../env.ts";
import { landlordsTenancy } from "../policy.ts";
import * as repo from "../repository.ts";

/** Ends the pauses (not schuldenrust, which is the municipality's) of a tenancy today. */
export async function endPause(
  env: ArrearsEnv,
  principal: Principal,
  meta: RequestMeta,
  tenancyRef: string,
  options: OnBehalfOf = {},
) {
  const { db, clock } = env;
  const { tenancy } = await landlordsTenancy(env, principal, tenancyRef, options);
  const today = clock.today();
  const open = (await repo.holdsOf(db, tenancy.id)).filter(
    (h) => h.kind === "pause" && !h.endedOn && compareDates(today, h.until) <= 0,
  );
  if (open.length === 0)
    throw new AppError("conflict", "There is no pause to end.", { code: "no_pause" });
  await db.transaction(async (tx) => {
    for (const h of open) await repo.endHold(tx, h.id, today, "ended_by_landlord");
    await recordSuccess(tx, clock, meta, principal, {
      action: "arrears.pause_ended",
      objectType: "arrears_tenancy",
      objectId: tenancy.id,
    });
  });
}
