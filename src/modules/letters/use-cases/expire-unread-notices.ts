import { SYSTEM } from "../../../platform/audit/actor.ts";
import type { RequestMeta } from "../../../platform/audit/audit.ts";
import { recordSuccess } from "../../../platform/audit/record.ts";
import { addMonths } from "../../../platform/werkdagen.ts";
import type { LettersEnv } from "../env.ts";
import { NOTICE_DETAILS_KEEP_MONTHS, RECIPIENT_NOTICE } from "../recipient-notice.ts";
import * as repo from "../repository.ts";

const SYSTEM_META: RequestMeta = { requestId: null, clientAddress: null };

/**
 * The retention job's rule for recipient notices nobody processed (AVG art. 5 lid 1 e; D-660):
 * NOTICE_DETAILS_KEEP_MONTHS after a notice was made, its sealed facts (whom it concerned,
 * what changed, by whom) are erased. The duty stays open on the recipient's worklist, marked
 * as expired unread, until the recipient closes it; the audit log keeps a receipt without
 * personal data. Each erasure is its own transaction (a stopped run ends the same when run
 * again). Answers how many were erased.
 */
export async function expireUnreadNotices(
  env: LettersEnv,
  today: string,
): Promise<{ noticesExpired: number }> {
  const { db, clock } = env;
  const before = new Date(`${addMonths(today, -NOTICE_DETAILS_KEEP_MONTHS)}T00:00:00Z`);
  let noticesExpired = 0;
  for (const id of await repo.unprocessedNoticesBefore(db, before)) {
    await db.transaction(async (tx) => {
      const changed = await repo.updateDuty(tx, id, { recipientCiphertext: null }, ["open"]);
      if (!changed) return;
      noticesExpired++;
      await recordSuccess(tx, clock, SYSTEM_META, SYSTEM, {
        action: "duty.recipient_notice_expired",
        objectType: "duty",
        objectId: id,
        details: { kind: RECIPIENT_NOTICE, keptMonths: NOTICE_DETAILS_KEEP_MONTHS },
      });
    });
  }
  return { noticesExpired };
}
