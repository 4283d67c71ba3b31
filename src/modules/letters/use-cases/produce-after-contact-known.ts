import { type Actor, SYSTEM } from "../../../platform/audit/actor.ts";
import type { RequestMeta } from "../../../platform/audit/audit.ts";
import { recordSuccess } from "../../../platform/audit/record.ts";
import { termEnd } from "../../../platform/werkdagen.ts";
import { type LetterKind, letterContent } from "../content.ts";
import { produce } from "../delivery.ts";
import { type LettersEnv, NO_META } from "../env.ts";
import * as repo from "../repository.ts";

/**
 * 003 ch. 10: "Indien de primaire bron op een later moment de beschikking krijgt over het
 * e-mail- of postadres van de betrokkene, zal hij de betrokkene alsnog informeren." Called
 * when a registration's address or e-mail is added or changed: documented duties reopen
 * with a new deadline and every unsent letter is produced again (and e-mailed when it can).
 */
export async function produceAfterContactKnown(
  env: LettersEnv,
  registrationId: string,
  actor: Actor = SYSTEM,
  meta: RequestMeta = NO_META,
) {
  const { clock, db, deps, logger } = env;
  const profile = await deps.organisations.profile();
  const subject = await deps.registrations().letterSubject(registrationId);
  if (!subject || (!subject.address && !subject.person.email)) return;
  // The duties that write to the registration's person: none sealed with an addressee of its
  // own, and the block letter (it seals only its block, never a person: D-621).
  const duties = (await repo.dutiesOfRegistration(db, registrationId)).filter(
    (d) =>
      d.organisationId === subject.organisationId &&
      (d.recipientCiphertext === null || d.kind === "block") &&
      (d.status === "open" || d.status === "documented"),
  );
  for (const duty of duties) {
    try {
      if (duty.status === "documented") {
        const content = letterContent(profile.id, duty.kind as LetterKind);
        const key =
          content?.lateAddressDeadlineKey ?? duty.deadlineKey ?? content?.deadlineKey ?? "";
        const rule = profile.deadlines[key];
        const today = clock.today();
        await db.transaction(async (tx) => {
          await repo.updateDuty(
            tx,
            duty.id,
            {
              status: "open",
              reopenedAt: clock.now(),
              closedAt: null,
              closedBy: null,
              closedByKind: null,
              ...(rule
                ? {
                    dueDate: termEnd(today, rule.term).date,
                    deadlineKey: key,
                    source: rule.source,
                  }
                : {}),
            },
            ["documented"],
          );
          await recordSuccess(tx, clock, meta, actor, {
            action: "duty.reopened",
            objectType: "notification_duty",
            objectId: duty.id,
            details: { kind: duty.kind, rule: "address_known", source: rule?.source ?? null },
          });
        });
      } else {
        const letters = await repo.lettersOfDuty(db, duty.id);
        if (letters.some((l) => l.status === "sent")) continue;
      }
      const fresh = (await repo.findDuty(db, duty.id))!;
      await produce(env, fresh, { actor, meta });
    } catch (err) {
      logger.error({ err, dutyId: duty.id }, "letter after a new address could not be produced");
    }
  }
}
