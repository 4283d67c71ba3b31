import { randomUUID } from "node:crypto";
import { AppError } from "../../../platform/errors.ts";
import { compareDates } from "../../../platform/werkdagen.ts";
import { recorder } from "../env.ts";
import * as repo from "../repository.ts";
import type { EventInput } from "../schemas.ts";
import { auditTenancy, tenancyStep } from "../tenancy-step.ts";

/**
 * A legal precondition of a signal (Bgs art. 2; 002): a contact attempt, a referral to debt
 * help, a reminder with the offer to share data, or the tenant's refusal.
 */
export const recordEvent = tenancyStep(async (call, input: EventInput) => {
  const { db, clock, principal, organisationId, tenancy } = call;
  if (compareDates(input.date, clock.today()) > 0) {
    throw new AppError("invalid_input", "date: lies in the future.", {
      code: "date_in_future",
    });
  }
  if (input.channel && input.type !== "contact_attempt") {
    throw new AppError("invalid_input", "channel: only for a contact attempt.", {
      code: "channel_not_applicable",
    });
  }
  const id = randomUUID();
  await db.transaction(async (tx) => {
    await repo.insertEvents(tx, [
      {
        id,
        organisationId,
        tenancyId: tenancy.id,
        type: input.type,
        date: input.date,
        channel: input.channel ?? null,
        ...recorder(principal),
        createdAt: clock.now(),
      },
    ]);
    await auditTenancy(tx, call, "arrears.event_recorded", { type: input.type, date: input.date });
  });
  return {
    tenancyRef: tenancy.tenancyRef,
    type: input.type,
    date: input.date,
    channel: input.channel ?? null,
  };
});
