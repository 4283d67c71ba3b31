/**
 * What other modules may use of the registrations module: each port only the calls its
 * consumer needs, plus the vocabulary of a person (schemas.ts owns it). The composition root
 * (modules/index.ts) passes the registrations service, which implements them all; a consumer
 * depends on its port, never on the concrete service.
 */
import type { RegistrationsService } from "./service.ts";

export type { Candidate, ErasureReason } from "./env.ts";
export type { RegistrationRow } from "./repository.ts";
export {
  ADDRESS_FIELDS,
  type Address,
  addressSchema,
  MATCH_FIELDS,
  PERSON_FIELDS,
  type Person,
  personSchema,
  REQUIRED_PERSON_FIELDS,
} from "./schemas.ts";

/**
 * Cases: a case's effect on its registration, the person for an access answer, erasure; the
 * registrations held about a person region-wide (the access answer, AVG art. 15, art. 26).
 */
export type RegistrationsForCases = Pick<
  RegistrationsService,
  | "applyCaseState"
  | "eraseForCase"
  | "findRow"
  | "viewForCase"
  | "heldCandidatesFor"
  | "letterSubject"
>;

/** Seekers: candidate retrieval and the registrations in effect, for matching and blocks. */
export type RegistrationsForSeekers = Pick<
  RegistrationsService,
  "candidatesFor" | "effectiveCandidate" | "effectiveIds" | "findRow" | "isEffective"
>;

/**
 * Screenings: candidate retrieval for a screening's hit, a hit read again later (issue 24), and
 * the named officers where a grant shows them (D-843: the name only to the own organisation and
 * the auditor).
 */
export type RegistrationsForScreenings = Pick<
  RegistrationsService,
  "candidatesFor" | "effectiveCandidate" | "decisionMakers"
>;

/** Letters: the subject of a letter, and activation once a notice was given (kkr). */
export type RegistrationsForLetters = Pick<
  RegistrationsService,
  "letterSubject" | "activateAfterNotice"
>;

/** Retention: ended terms, erasure with the removal letter, replay after a restore. */
export type RegistrationsForRetention = Pick<
  RegistrationsService,
  | "eraseForRetention"
  | "endPartsForRetention"
  | "existingIds"
  | "idsEnded"
  | "idsWithPartEnded"
  | "replayErasure"
>;

/** Organisations' termination hooks: a departing participant's registrations and letters. */
export type RegistrationTermination = Pick<
  RegistrationsService,
  "prepareTerminationLetters" | "eraseAllOfOrganisation" | "deliverTerminationLetters"
>;

/** Who reads a registration's grounds (evidence, weighing): the cases module's case file asks. */
export { mayReadEvidence } from "./policy.ts";
