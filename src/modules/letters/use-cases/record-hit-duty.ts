import { randomUUID } from "node:crypto";
import { SYSTEM } from "../../../platform/audit/actor.ts";
import { recordSuccess } from "../../../platform/audit/record.ts";
import type { Db } from "../../../platform/db/database.ts";
import { termEnd } from "../../../platform/werkdagen.ts";
import type { Profile } from "../../../protocol/profile.ts";
import { contentOf, type LettersEnv, NO_META } from "../env.ts";
import type { SealedHitDuty } from "../production.ts";
import * as repo from "../repository.ts";
import { recordDuty } from "./record-duty.ts";

/**
 * Records a screening's (or block look-up's) hit duty in the caller's transaction, without
 * piling up (003 §13.4; 001 §3.3; D-990): when the organisation already has a hit duty for the
 * same registration whose letter term holds this day, the screening joins it as an occasion
 * (the letter lists every screening) instead of owing a second letter. `produce` says whether
 * a letter should be (re)made after the transaction: a new duty, or a joined duty still open
 * (its draft is replaced by one listing this screening too). A joined duty whose letter went
 * out or was skipped owes nothing more: within the term the person knows of the registration
 * and their rights (001 §3.3 "kan achterwege blijven indien … reeds op de hoogte"). A duty
 * that is unsent takes the contact data this screening brought (`contactFor`); a documented
 * one (no address, 003 ch. 10) then reopens, as it would for a registration's new address.
 */
export async function recordHitDuty(
  env: LettersEnv,
  tx: Db,
  profile: Profile,
  input: {
    organisationId: string;
    eventDate: string;
    purpose: string;
    sealed: SealedHitDuty;
  },
): Promise<{ id: string; joined: boolean; produce: boolean; reopened: boolean }> {
  const { sealed } = input;
  const existing = await repo.dutyToJoin(
    tx,
    input.organisationId,
    "hit",
    sealed.groupRef,
    input.eventDate,
  );
  let duty: { id: string; joined: boolean; produce: boolean; reopened: boolean };
  if (!existing) {
    const { id } = await recordDuty(env, tx, profile, {
      organisationId: input.organisationId,
      registrationId: null,
      kind: "hit",
      eventDate: input.eventDate,
      sealed,
      groupRef: sealed.groupRef,
    });
    duty = { id, joined: false, produce: true, reopened: false };
  } else {
    const contact = sealed.contactFor?.dutyId === existing.id ? sealed.contactFor : undefined;
    const unsent = existing.status === "open" || existing.status === "documented";
    const reopened = Boolean(contact) && existing.status === "documented";
    if (contact && unsent) {
      const term = profile.deadlines[contentOf(profile, "hit").deadlineKey]?.term;
      await repo.updateDuty(
        tx,
        existing.id,
        {
          recipientCiphertext: contact.ciphertext,
          ...(reopened
            ? {
                status: "open",
                reopenedAt: env.clock.now(),
                closedAt: null,
                closedBy: null,
                closedByKind: null,
                ...(term ? { dueDate: termEnd(input.eventDate, term).date } : {}),
              }
            : {}),
        },
        ["open", "documented"],
      );
      if (reopened) {
        await recordSuccess(tx, env.clock, NO_META, SYSTEM, {
          action: "duty.reopened",
          objectType: "notification_duty",
          objectId: existing.id,
          details: { kind: "hit", rule: "address_known", source: existing.source },
        });
      }
    }
    duty = {
      id: existing.id,
      joined: true,
      produce: existing.status === "open" || reopened,
      reopened,
    };
  }
  await repo.insertOccasion(tx, {
    id: randomUUID(),
    organisationId: input.organisationId,
    dutyId: duty.id,
    occurredOn: input.eventDate,
    purpose: input.purpose,
    createdAt: env.clock.now(),
  });
  return duty;
}
