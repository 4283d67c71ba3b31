/**
 * Notification duties and letters (design.md §2.4: a person's rights are deadlines the system
 * keeps). Every event that owes the person a letter records a duty with the profile's deadline;
 * `produceLetter` writes the letter (content list of content.ts, rendered by pdfmake), e-mails
 * it when an e-mail address is known, or leaves it for the post; with no address at all it is
 * documented (003 ch. 10) and produced again once an address becomes known.
 *
 * This file only wires: each method delegates to its use case (use-cases/) or read model
 * (read-models/) with the environment built here (env.ts). Who may see what: policy.ts.
 */
import { bindUseCases } from "../../platform/use-cases.ts";
import { createMailers, type LettersContext, type LettersDeps, type LettersEnv } from "./env.ts";
import { blockLetterSent } from "./read-models/block-letter-sent.ts";
import { dutiesOf, openDutiesOf } from "./read-models/duty-lists.ts";
import { dutySubjects } from "./read-models/duty-subjects.ts";
import { hitDutyDetails } from "./read-models/hit-duties.ts";
import { hitLettersAbout } from "./read-models/hit-letters.ts";
import { getLetter, listLetters } from "./read-models/letter-lists.ts";
import { recipientNotice } from "./read-models/recipient-notice.ts";
import { skipReasons } from "./read-models/skip-reasons.ts";
import { statistics } from "./read-models/statistics.ts";
import { listDuties } from "./read-models/worklist.ts";
import type { DutyRow } from "./repository.ts";
import { closeRecipientNotice } from "./use-cases/close-recipient-notice.ts";
import { deliverPreparedLetter } from "./use-cases/deliver-prepared-letter.ts";
import { eraseCaseLetters } from "./use-cases/erase-case-letters.ts";
import { expireUnreadNotices } from "./use-cases/expire-unread-notices.ts";
import { markLetterDocumented } from "./use-cases/mark-letter-documented.ts";
import { markLetterSent } from "./use-cases/mark-letter-sent.ts";
import { prepareRemovalLetter } from "./use-cases/prepare-removal-letter.ts";
import { produceAfterContactKnown } from "./use-cases/produce-after-contact-known.ts";
import { produceAfterEvent } from "./use-cases/produce-after-event.ts";
import { produceLetter } from "./use-cases/produce-letter.ts";
import { produceMissingLetters } from "./use-cases/produce-missing-letters.ts";
import { readLetterPdf } from "./use-cases/read-letter-pdf.ts";
import { recordDuty } from "./use-cases/record-duty.ts";
import { recordErasure } from "./use-cases/record-erasure.ts";
import { recordHitDuty } from "./use-cases/record-hit-duty.ts";
import { recordRecipientNotice } from "./use-cases/record-recipient-notice.ts";
import { sealDutyData } from "./use-cases/seal-duty-data.ts";
import { sealHitDuty } from "./use-cases/seal-hit-duty.ts";
import { sendAccountMail } from "./use-cases/send-account-mail.ts";
import { sendRequestReceipt } from "./use-cases/send-request-receipt.ts";
import { sendTestMail } from "./use-cases/send-test-mail.ts";
import { skipDuty } from "./use-cases/skip-duty.ts";
import { withdrawBlockLetters } from "./use-cases/withdraw-block-letters.ts";
import { withdrawDecisionLetters } from "./use-cases/withdraw-decision-letters.ts";
import { type DutyView, dutyView } from "./views.ts";

export {
  DUTY_ENCRYPTED_COLUMNS,
  LETTER_ENCRYPTED_COLUMNS,
} from "./encrypted-columns.ts";
export type {
  LetterSubject,
  OrganisationsForLetters,
  RegistrationsForLetters,
} from "./env.ts";
export type { BuiltLetter, DutyData, DutyKind, PreparedRemoval } from "./production.ts";
export type { HitDutyDetails } from "./read-models/hit-duties.ts";
export { NOTICE_DETAILS_KEEP_MONTHS, RECIPIENT_NOTICE } from "./recipient-notice.ts";
export type { DutyView, LetterView } from "./views.ts";

export function createLettersService(ctx: LettersContext, deps: LettersDeps) {
  const { database, clock, keyring, logger, config } = ctx;
  const env: LettersEnv = {
    db: database.db,
    clock,
    keyring,
    logger,
    config,
    deps,
    mailers: createMailers(config, deps.organisations, logger),
  };
  return {
    /**
     * Where the development/test outbox writes e-mails (undefined when the environment has
     * SMTP or no e-mail; a region SMTP server set in the settings takes precedence over it).
     */
    get outboxDir(): string | undefined {
      return env.mailers.environment.kind === "outbox" ? config.outboxDir : undefined;
    },

    // Not bound: a transaction's helper and plain functions of the clock or of nothing.
    eraseCaseLetters,
    dutyView: (row: DutyRow): DutyView => dutyView(row, clock.today()),
    skipReasons,

    ...bindUseCases(env, {
      // ---- for other modules (ports.ts) ---------------------------------------------------------
      statistics,
      sealDutyData,
      recordDuty,
      sealHitDuty,
      recordHitDuty,
      produceAfterEvent,
      contactKnown: produceAfterContactKnown,
      prepareRemovalLetter,
      recordErasure,
      withdrawBlockLetters,
      blockLetterSent,
      withdrawDecisionLetters,
      deliverPrepared: deliverPreparedLetter,
      recordRecipientNotice,
      hitLettersAbout,
      expireUnreadNotices,
      sendAccountMail,
      sendRequestReceipt,

      // ---- the officer's (and the consortium admin's) actions -----------------------------------
      sendTestMail,
      produceLetter,
      produceMissingLetters,
      markSent: markLetterSent,
      markDocumented: markLetterDocumented,
      skipDuty,
      closeRecipientNotice,

      // ---- reading ------------------------------------------------------------------------------
      listDuties,
      dutySubjects,
      listLetters,
      getLetter,
      letterPdf: readLetterPdf,
      dutiesOf,
      openDutiesOf,
      recipientNotice,
      hitDutyDetails,
    }),
  };
}

export type LettersService = ReturnType<typeof createLettersService>;
