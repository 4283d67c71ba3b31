import { actorOf } from "../../../platform/audit/actor.ts";
import type { RequestMeta } from "../../../platform/audit/audit.ts";
import { recordSuccess } from "../../../platform/audit/record.ts";
import type { Principal } from "../../../platform/auth/access.ts";
import { notFound } from "../../../platform/errors.ts";
import type { LettersEnv } from "../env.ts";
import { visibleDuty } from "../policy.ts";
import { dutyData } from "../production.ts";
import { type NoticeFacts, RECIPIENT_NOTICE } from "../recipient-notice.ts";
import { type DutyView, dutyView } from "../views.ts";

/**
 * GET /duties/{id}/notice: what a recipient notice tells the recipient organisation (AVG
 * art. 19) — whom it concerns as it knew them, what changed, when, and by which primary
 * source. Only the recipient's officers (and the consortium) read it; each read is audited.
 * A notice that expired unread (D-660) answers `notice: null`; a processed one 404.
 */
export async function recipientNotice(
  env: LettersEnv,
  principal: Principal,
  meta: RequestMeta,
  id: string,
): Promise<{ duty: DutyView; notice: NoticeFacts | null }> {
  const duty = await visibleDuty(env, principal, id);
  if (duty.kind !== RECIPIENT_NOTICE) throw notFound("notice");
  const view = dutyView(duty, env.clock.today());
  // Expired unread (D-660): the duty is still to be closed, but whom it concerned is gone.
  const { notice } = view.noticeExpired ? { notice: null } : await dutyData(env, duty);
  if (!notice && !view.noticeExpired) throw notFound("notice");
  await recordSuccess(env.db, env.clock, meta, actorOf(principal), {
    action: "duty.recipient_notice_read",
    objectType: "duty",
    objectId: id,
  });
  return { duty: view, notice: notice ?? null };
}
