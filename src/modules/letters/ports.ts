/**
 * What other modules may use of the letters module: the duties to inform and the letters that
 * follow an event, each port only the calls its consumer needs. The composition root
 * (modules/index.ts) passes the letters service, which implements them all; a consumer
 * depends on its port, never on the concrete service.
 */
import type { LettersService } from "./service.ts";

export type { CorrectionReason, RemovalGround } from "./content.ts";
export { CORRECTION_REASONS } from "./content.ts";
export type { LetterSubject } from "./env.ts";
export type { AccessFacts, AccessRegistration, BlockFacts, CaseFacts } from "./letter-input.ts";
export type { PreparedRemoval } from "./production.ts";

/**
 * Cases: a case's duties and letters, erasing a case's letters with the case, and telling the
 * recipients of a correction, restriction or erasure (AVG art. 19).
 */
export type LetterDuties = Pick<
  LettersService,
  | "recordDuty"
  | "produceAfterEvent"
  | "sealDutyData"
  | "eraseCaseLetters"
  | "recordRecipientNotice"
  | "hitLettersAbout"
  | "sendRequestReceipt"
>;
export type { NoticeChange, NoticeFacts } from "./recipient-notice.ts";

/**
 * Registrations: placement, part-ended and removal letters, and the duties of a registration.
 */
export type RegistrationLetters = Pick<
  LettersService,
  | "contactKnown"
  | "sealDutyData"
  | "deliverPrepared"
  | "prepareRemovalLetter"
  | "produceAfterEvent"
  | "recordDuty"
  | "recordErasure"
  | "withdrawDecisionLetters"
>;

/** Screenings: the hit letter's duty, one per person and term (D-990). */
export type ScreeningLetters = Pick<
  LettersService,
  "produceAfterEvent" | "recordHitDuty" | "sealHitDuty"
>;

/** Seekers: the block letter's duty when a match is confirmed (003 §6 punt 5). */
export type BlockLetters = Pick<
  LettersService,
  "produceAfterEvent" | "recordDuty" | "sealDutyData" | "withdrawBlockLetters" | "blockLetterSent"
>;

/** Identity and organisations: e-mails about a person's own account or role (F8, F16). */
export type AccountMail = Pick<LettersService, "sendAccountMail">;

/** Oversight: counts for the annual report. */
export type LetterStatistics = Pick<LettersService, "statistics">;
export type { LetterKind } from "./content.ts";
export type { DutyCounts } from "./read-models/statistics.ts";

export type { RequestReceipt } from "./request-receipt.ts";
