import type { RequestMeta } from "../../../platform/audit/audit.ts";
import { recordSuccess } from "../../../platform/audit/record.ts";
import type { Principal } from "../../../platform/auth/access.ts";
import { AppError } from "../../../platform/errors.ts";
import type { RegistrationsEnv } from "../env.ts";
import { changeableRegistration } from "../policy.ts";
import * as repo from "../repository.ts";
import { summary } from "../views.ts";

/**
 * Restriction (AVG art. 18; 003 §15.5): kept, but no hit, match or block while it lasts —
 * for example while accuracy is contested or an objection is pending.
 */
export async function restrictRegistration(
  env: RegistrationsEnv,
  principal: Principal,
  meta: RequestMeta,
  id: string,
  reason: NonNullable<repo.RegistrationRow["restrictionReason"]>,
) {
  const { db, clock } = env;
  const row = await changeableRegistration(db, principal, id);
  if (row.status === "draft") {
    throw new AppError("conflict", "A draft has no effect yet: there is nothing to restrict.", {
      code: "draft_has_no_effect",
    });
  }
  if (row.status === "restricted") {
    throw new AppError("conflict", "This registration is already restricted.");
  }
  await db.transaction(async (tx) => {
    await repo.updateRegistration(tx, id, {
      status: "restricted",
      restrictionReason: reason,
      ...(reason === "objection_pending" ? { objectionPending: true } : {}),
      updatedAt: clock.now(),
    });
    await recordSuccess(tx, clock, meta, principal, {
      action: "registration.restricted",
      objectType: "registration",
      objectId: id,
      details: { reason },
    });
  });
  return summary(env, (await repo.findRegistration(db, id))!);
}
