import { AppError } from "../../../platform/errors.ts";
import { compareDates } from "../../../platform/werkdagen.ts";
import * as repo from "../repository.ts";
import { auditTenancy, tenancyAction } from "../tenancy-step.ts";

/** Ends the pauses (not schuldenrust, which is the municipality's) of a tenancy today. */
export const endPause = tenancyAction(async (call) => {
  const { db, clock, tenancy } = call;
  const today = clock.today();
  const open = (await repo.holdsOf(db, tenancy.id)).filter(
    (h) => h.kind === "pause" && !h.endedOn && compareDates(today, h.until) <= 0,
  );
  if (open.length === 0)
    throw new AppError("conflict", "There is no pause to end.", { code: "no_pause" });
  await db.transaction(async (tx) => {
    for (const h of open) await repo.endHold(tx, h.id, today, "ended_by_landlord");
    await auditTenancy(tx, call, "arrears.pause_ended");
  });
});
