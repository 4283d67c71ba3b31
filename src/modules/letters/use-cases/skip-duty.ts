import { actorOf } from "../../../platform/audit/actor.ts";
import type { RequestMeta } from "../../../platform/audit/audit.ts";
import { recordSuccess } from "../../../platform/audit/record.ts";
import type { Principal } from "../../../platform/auth/access.ts";
import { AppError, protocolRule } from "../../../platform/errors.ts";
import type { SkipReason } from "../content.ts";
import { contentOf, type LettersEnv } from "../env.ts";
import { visibleDuty } from "../policy.ts";
import { refuseLetterActionOnNotice } from "../recipient-notice.ts";
import * as repo from "../repository.ts";
import { type DutyView, dutyView } from "../views.ts";

/**
 * Skips a duty where the protocol allows it: the person demonstrably already knows (003
 * ch. 10 slot; 001 §3.3, §9.1). The reason is a fixed code, never free text; who and when
 * are recorded. In doubt the letter is sent.
 */
export async function skipDuty(
  env: LettersEnv,
  principal: Principal,
  meta: RequestMeta,
  id: string,
  reason: SkipReason,
): Promise<DutyView> {
  const { clock, db, deps } = env;
  const duty = await visibleDuty(env, principal, id);
  refuseLetterActionOnNotice(duty);
  const profile = await deps.organisations.profile();
  const content = contentOf(profile, duty.kind);
  if (!content.skippable.includes(reason)) {
    throw protocolRule(
      "letter_not_skippable",
      content.skippable.length === 0
        ? `A ${duty.kind} letter may never be skipped under ${profile.title}.`
        : `A ${duty.kind} letter may be skipped only for: ${content.skippable.join(", ")}.`,
      content.skipSource ?? content.source,
      { allowed: content.skippable },
    );
  }
  if (duty.status !== "open") {
    throw new AppError("conflict", "Only an open duty can be skipped.", {
      code: "duty_not_open",
    });
  }
  const actor = actorOf(principal);
  const now = clock.now();
  await db.transaction(async (tx) => {
    const changed = await repo.closeOpenDuty(tx, id, actor, now, {
      status: "skipped",
      skipReason: reason,
    });
    if (!changed)
      throw new AppError("conflict", "Only an open duty can be skipped.", {
        code: "duty_not_open",
      });
    for (const l of await repo.lettersOfDuty(tx, id)) {
      if (l.status === "draft") {
        await repo.updateDraft(tx, l.id, { status: "skipped" });
        await repo.eraseContent(tx, l.id, now);
      }
    }
    if (duty.kind === "placement" && duty.registrationId && profile.twoStepPlacement.value) {
      await deps.registrations().activateAfterNotice(tx, duty.registrationId, meta);
    }
    await recordSuccess(tx, clock, meta, actor, {
      action: "duty.skipped",
      objectType: "notification_duty",
      objectId: id,
      details: { kind: duty.kind, reason, source: content.skipSource ?? content.source },
    });
  });
  return dutyView((await repo.findDuty(db, id))!, clock.today());
}
