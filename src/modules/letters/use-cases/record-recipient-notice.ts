import type { Actor } from "../../../platform/audit/actor.ts";
import type { RequestMeta } from "../../../platform/audit/audit.ts";
import { recordSuccess } from "../../../platform/audit/record.ts";
import { termEnd } from "../../../platform/werkdagen.ts";
import type { LettersEnv } from "../env.ts";
import { formatDate } from "../format.ts";
import {
  type NoticeFacts,
  RECIPIENT_NOTICE,
  RECIPIENT_NOTICE_SOURCE,
} from "../recipient-notice.ts";
import * as repo from "../repository.ts";
import { recipientNoticeTexts } from "../texts/recipient-notice.ts";
import { sealDutyData } from "./seal-duty-data.ts";

/**
 * Tells one recipient that data it received were corrected, restricted or erased (AVG art. 19;
 * 003 hoofdstuk 15): a duty on its worklist with the facts sealed under its own data key (due
 * in two weeks, as the primary source's own removal, 003 §16.3; D-632), and an e-mail without
 * personal data to its functionaris gegevensbescherming when it named one. Call it outside a
 * transaction (it sends mail). Answers whether the e-mail went.
 */
export async function recordRecipientNotice(
  env: LettersEnv,
  actor: Actor,
  meta: RequestMeta,
  input: { organisationId: string; caseId: string | null; facts: NoticeFacts },
): Promise<{ dutyId: string; emailed: boolean }> {
  const { db, clock, deps } = env;
  const { facts } = input;
  const sealed = await sealDutyData(env, input.organisationId, { notice: facts });
  await db.transaction(async (tx) => {
    await repo.insertDuty(tx, {
      id: sealed.dutyId,
      organisationId: input.organisationId,
      registrationId: null,
      caseId: null,
      kind: RECIPIENT_NOTICE,
      deadlineKey: null,
      eventDate: facts.date,
      dueDate: termEnd(facts.date, { weeks: 2 }).date,
      source: RECIPIENT_NOTICE_SOURCE,
      reason: facts.change,
      recipientCiphertext: sealed.ciphertext,
      status: "open",
      createdAt: clock.now(),
    });
    await recordSuccess(tx, clock, meta, actor, {
      action: "duty.recipient_notice",
      objectType: "duty",
      objectId: sealed.dutyId,
      details: {
        recipient: input.organisationId,
        primarySource: facts.primarySource.id,
        change: facts.change,
        caseId: input.caseId,
      },
    });
  });
  const recipient = await deps.organisations.letterhead(input.organisationId);
  const to = recipient?.dpo?.email;
  if (!recipient || !to) return { dutyId: sealed.dutyId, emailed: false };
  const t = recipientNoticeTexts.nl;
  try {
    const mailer = await env.mailers.current();
    if (mailer.kind === "none") return { dutyId: sealed.dutyId, emailed: false };
    await mailer.send({
      to,
      fromName: "Woonsignaal",
      subject: t.subject,
      text: t.body(
        recipient.name,
        facts.primarySource.name,
        t.changes[facts.change],
        formatDate(facts.date, "nl"),
      ),
      letterId: `notice-${sealed.dutyId}`,
    });
    return { dutyId: sealed.dutyId, emailed: true };
  } catch (err) {
    env.logger.warn(
      { dutyId: sealed.dutyId, error: (err as Error).message },
      "recipient notice e-mail not delivered; the duty is on the worklist",
    );
    return { dutyId: sealed.dutyId, emailed: false };
  }
}
