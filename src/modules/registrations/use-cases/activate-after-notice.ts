import { SYSTEM } from "../../../platform/audit/actor.ts";
import type { RequestMeta } from "../../../platform/audit/audit.ts";
import { recordSuccess } from "../../../platform/audit/record.ts";
import type { Db } from "../../../platform/db/database.ts";
import { changedLater } from "../changes.ts";
import type { RegistrationsEnv } from "../env.ts";
import * as repo from "../repository.ts";

/**
 * Two-step placement (kkr: twoStepPlacement): the registration takes effect once its
 * notice is sent or documented. In the letters module's transaction.
 */
export async function activateAfterNotice(
  env: RegistrationsEnv,
  tx: Db,
  id: string,
  meta: RequestMeta,
): Promise<boolean> {
  const { clock } = env;
  const row = await repo.findRegistration(tx, id);
  if (row?.status !== "pending_notice") return false;
  await repo.updateRegistration(tx, id, { status: "active", updatedAt: clock.now() });
  await recordSuccess(tx, clock, meta, SYSTEM, {
    action: "registration.activated",
    objectType: "registration",
    objectId: id,
    details: { rule: "two_step_placement", reason: "notice_given" },
  });
  changedLater(env, id);
  return true;
}
