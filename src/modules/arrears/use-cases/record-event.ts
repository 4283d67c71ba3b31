import { randomUUID } from "node:crypto";
import type { RequestMeta } from "../../../platform/audit/audit.ts";
import { recordSuccess } from "../../../platform/audit/record.ts";
import type { Principal } from "../../../platform/auth/access.ts";
import { AppError } from "../../../platform/errors.ts";
import { compareDates } from "../../../platform/werkdagen.ts";
import { type ArrearsEnv, type OnBehalfOf, recorder } from "../env.ts";
import { landlordsTenancy } from "../policy.ts";
import * as repo from "../repository.ts";
import type { EventInput } from "../schemas.ts";

/**
 * A legal precondition of a signal (Bgs art. 2; 002): a contact attempt, a referral to debt
 * help, a reminder with the offer to share data, or the tenant's refusal.
 */
export async function recordEvent(
  env: ArrearsEnv,
  principal: Principal,
  meta: RequestMeta,
  tenancyRef: string,
  input: EventInput,
  options: OnBehalfOf = {},
) {
  const { db, clock } = env;
  const { organisationId, tenancy } = await landlordsTenancy(env, principal, tenancyRef, options);
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
    await recordSuccess(tx, clock, meta, principal, {
      action: "arrears.event_recorded",
      objectType: "arrears_tenancy",
      objectId: tenancy.id,
      details: { type: input.type, date: input.date },
    });
  });
  return { tenancyRef, type: input.type, date: input.date, channel: input.channel ?? null };
}
