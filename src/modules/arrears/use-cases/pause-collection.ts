import { randomUUID } from "node:crypto";
import { AppError, protocolRule } from "../../../platform/errors.ts";
import { compareDates, daysBetween } from "../../../platform/werkdagen.ts";
import { recorder } from "../env.ts";
import { MAX_PAUSE_DAYS } from "../periods.ts";
import * as repo from "../repository.ts";
import type { PAUSE_REASONS } from "../schemas.ts";
import { auditTenancy, tenancyStep } from "../tenancy-step.ts";
import { holdView } from "../views.ts";

/** 004 "Pauze-knop": collection paused for a chosen period, with a reason code. */
type PauseInput = { from: string; until: string; reason: (typeof PAUSE_REASONS)[number] };

export const pauseCollection = tenancyStep(async (call, input: PauseInput) => {
  const { db, clock, principal, organisationId, tenancy } = call;
  if (compareDates(input.until, input.from) < 0) {
    throw new AppError("invalid_input", "until: before from.", { code: "invalid_period" });
  }
  if (daysBetween(input.from, input.until) > MAX_PAUSE_DAYS) {
    throw protocolRule(
      "pause_too_long",
      `A pause lasts at most ${MAX_PAUSE_DAYS} days; record a new one to extend it.`,
      "004 Pauze-knop (decision D-109)",
    );
  }
  const hold = {
    id: randomUUID(),
    organisationId,
    tenancyId: tenancy.id,
    kind: "pause" as const,
    reason: input.reason,
    startDate: input.from,
    until: input.until,
    arrearsCentsAtStart: tenancy.arrearsCents,
    ...recorder(principal),
    createdAt: clock.now(),
  };
  await db.transaction(async (tx) => {
    await repo.insertHold(tx, hold);
    await auditTenancy(tx, call, "arrears.collection_paused", {
      from: input.from,
      until: input.until,
      reason: input.reason,
    });
  });
  return holdView({ ...hold, endedOn: null, endReason: null, feedbackId: null });
});
