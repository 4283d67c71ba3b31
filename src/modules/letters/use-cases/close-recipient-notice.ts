import { actorOf } from "../../../platform/audit/actor.ts";
import type { RequestMeta } from "../../../platform/audit/audit.ts";
import { recordSuccess } from "../../../platform/audit/record.ts";
import type { Principal } from "../../../platform/auth/access.ts";
import { AppError, notFound } from "../../../platform/errors.ts";
import type { LettersEnv } from "../env.ts";
import { visibleDuty } from "../policy.ts";
import { RECIPIENT_NOTICE } from "../recipient-notice.ts";
import * as repo from "../repository.ts";
import { type DutyView, dutyView } from "../views.ts";

/**
 * POST /duties/{id}/processed: the recipient organisation processed a notice (AVG art. 19) in
 * its own records; the duty leaves its worklist. Who and when are recorded; the sealed facts
 * (whom it concerned) are erased — the recipient no longer needs them, and the registration
 * they came from may already be gone. The audit log keeps that it was told and processed.
 */
export async function closeRecipientNotice(
  env: LettersEnv,
  principal: Principal,
  meta: RequestMeta,
  id: string,
): Promise<DutyView> {
  const { db, clock } = env;
  const duty = await visibleDuty(env, principal, id);
  if (duty.kind !== RECIPIENT_NOTICE) throw notFound("notice");
  const actor = actorOf(principal);
  await db.transaction(async (tx) => {
    const changed = await repo.closeOpenDuty(tx, id, actor, clock.now(), {
      status: "fulfilled",
      recipientCiphertext: null,
    });
    if (!changed)
      throw new AppError("conflict", "This notice was already processed.", {
        code: "duty_not_open",
      });
    await recordSuccess(tx, clock, meta, actor, {
      action: "duty.recipient_notice_processed",
      objectType: "duty",
      objectId: id,
    });
  });
  return dutyView((await repo.findDuty(db, id))!, clock.today());
}
