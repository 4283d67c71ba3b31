import type { RequestMeta } from "../../../platform/audit/audit.ts";
import { recordSuccess } from "../../../platform/audit/record.ts";
import type { Principal } from "../../../platform/auth/access.ts";
import { AppError } from "../../../platform/errors.ts";
import { changed } from "../changes.ts";
import type { RegistrationsEnv } from "../env.ts";
import { changeableRegistration } from "../policy.ts";
import * as repo from "../repository.ts";
import { summary } from "../views.ts";

/** Ends a restriction (AVG art. 18): the registration takes effect again. */
export async function liftRestriction(
  env: RegistrationsEnv,
  principal: Principal,
  meta: RequestMeta,
  id: string,
) {
  const { db, clock } = env;
  const row = await changeableRegistration(db, principal, id);
  if (row.status !== "restricted") {
    throw new AppError("conflict", "This registration is not restricted.");
  }
  await db.transaction(async (tx) => {
    await repo.updateRegistration(tx, id, {
      status: "active",
      restrictionReason: null,
      updatedAt: clock.now(),
    });
    await recordSuccess(tx, clock, meta, principal, {
      action: "registration.restriction_lifted",
      objectType: "registration",
      objectId: id,
    });
  });
  await changed(env, id);
  return summary(env, (await repo.findRegistration(db, id))!);
}
