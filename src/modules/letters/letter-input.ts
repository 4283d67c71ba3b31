/**
 * What a letter is made of: the facts it is composed from (`LetterInput`, gathered by the use
 * cases) and the document it becomes (`LetterDocument`, laid out by platform/pdf/pdf.ts).
 */
import type { Language } from "../../platform/i18n.ts";
import type { Block } from "../../platform/pdf/pdf.ts";
import type { CaseKind } from "../../protocol/case-kinds.ts";
import type { RegistrationPart } from "../../protocol/parts.ts";
import type { Profile, Scope } from "../../protocol/profile.ts";
import type { Letterhead } from "../organisations/ports.ts";
import type {
  ContentItem,
  ContinuationGround,
  CorrectionReason,
  ElementKey,
  LetterKind,
  RemovalGround,
} from "./content.ts";

export interface LetterPerson {
  initials: string;
  firstNames?: string | undefined;
  prefix?: string | undefined;
  surname: string;
  birthName?: string | undefined;
  birthDate: string;
  gender?: "M" | "V" | "X" | undefined;
  email?: string | undefined;
  seekerNumber?: string | undefined;
}

export interface LetterAddress {
  street: string;
  houseNumber: string;
  houseNumberAddition?: string | undefined;
  postcode: string;
  city: string;
  country?: string | undefined;
}

/** What a letter may say about the registration it concerns. */
export interface RegistrationFacts {
  id: string;
  categories: readonly string[];
  criteria: readonly string[];
  placementDate: string;
  startDate: string;
  /** When the registration as a whole ends (its last part). */
  endDate: string;
  termMonths: number;
  /** The parts' common scope; null when they differ. */
  scope: Scope | null;
  /**
   * One part per category group with its own term and scope (003 §7; issue #20); absent in
   * facts sealed before parts existed (read them with `partsOfFacts`).
   */
  parts?: readonly RegistrationPart[] | undefined;
  claimCents: number | null;
  objectionPending: boolean;
  objectionOutcome: string | null;
  /** The day it was entered (invoerdatum, 003 §12.1). */
  enteredOn: string;
  /**
   * The protocol version it was decided under (D-760); absent in facts sealed before it was
   * recorded.
   */
  protocolVersion?: string | undefined;
}

/** What a screening disclosed to the querying organisation (never more: 003 §13.5). */
export interface HitFacts {
  screeningDate: string;
  purpose: "allocation" | "urgency" | "direct_mediation" | "subject_request";
  /** Whether the registration applies to the querying organisation (003 §4.3, §13.3). */
  appliesToCaller?: boolean | undefined;
  /**
   * The categories of the part the hit rests on (003 §13.4), where the sender's officers may know
   * them (D-953); absent for another participant under aedes-2021 and kkr (003 §13.5).
   */
  categories?: readonly string[] | undefined;
  since?: string | undefined;
  until?: string | undefined;
  scope?: Scope | undefined;
  /**
   * Every screening of the person by the sender this letter answers (D-990: one letter per
   * letter term), oldest first; absent or one: only the screening above.
   */
  occasions?: readonly { date: string; purpose: HitFacts["purpose"] }[] | undefined;
}

/**
 * A block (003 §6 punt 5): the house-seeker registration the primary source matched to the
 * registered person, and from when to when the block runs, per part. Today a registration
 * has one term and scope, so one part; the list lets several parts follow (issue #20).
 */
export interface BlockFacts {
  /** The inschrijfnummer of the allocation system. */
  seekerNumber: string;
  /** The day the primary source confirmed the match (the block was decided). */
  decidedOn: string;
  parts: readonly { startDate: string; endDate: string; scope: Scope }[];
}

export interface CaseFacts {
  type: CaseKind;
  receivedDate: string;
  /** A short reference the person can quote (no personal data). */
  reference: string;
  outcome?: "upheld" | "rejected" | "partly_upheld" | undefined;
  /** The reasons of a (partial) refusal, as decided (003 §15: een afwijzing wordt gemotiveerd). */
  reasons?: string | undefined;
  /**
   * The date of the decision contested, when it is not the registration itself (an appeal
   * against a decision on an objection): 003 §16.3 "de datum van de beslissing waartegen
   * geklaagd wordt". For an objection or complaint against the registration, the letter uses
   * the registration's entry date.
   */
  contestedDecisionDate?: string | undefined;
  /** The deadline key of the decision (profile.deadlines), for the acknowledgement. */
  decisionDeadlineKey?: string | undefined;
  /** Closed because the region-wide search found no registration about the person (D-913). */
  noRegistrationFound?: boolean | undefined;
}

/** One registration an access answer lists: as its primary source holds it (AVG art. 15). */
export interface AccessRegistration {
  /** The participant that registered the person (the primary source): name and address lines. */
  primarySource: { id: string; name: string; address: string[] };
  person: LetterPerson;
  address: LetterAddress | null;
  facts: RegistrationFacts;
}

/**
 * What an access answer discloses region-wide (003 Definities "gezamenlijke
 * verwerkingsverantwoordelijken", §15.2; AVG art. 15, art. 26 lid 3): every registration about
 * the person the handling officer confirmed, the sender's own screenings of the person, and
 * the actual recipients (CJEU C-154/21). Sealed in the duty at the decision.
 */
export interface AccessFacts {
  registrations: AccessRegistration[];
  /**
   * The sender's own screenings of the person; a hit owed the person a hit letter: the day it
   * was sent, or null while it was not.
   */
  ownScreenings: {
    date: string;
    purpose: HitFacts["purpose"];
    hit: boolean;
    hitLetterSentOn?: string | null;
  }[];
  /** Who received data about the person: a screening with a hit, or a block seen. */
  recipients: { organisation: string; date: string; how: "screening" | "block" }[];
  /** Screenings by anyone in the region, hit or not (none and no registration: "no data"). */
  screeningsInRegion: number;
  /**
   * Registrations elsewhere its primary source had not yet confirmed or rejected as the
   * person's when the answer was due: not in the answer, but said (D-1041).
   */
  stillChecked?: number;
}

export interface LetterInput {
  profile: Profile;
  kind: LetterKind;
  language: Language;
  letterDate: string;
  /** The letter's id: printed as its reference (kenmerk). */
  reference: string;
  publicBaseUrl: string;
  sender: Letterhead;
  /** The registration's primary source (for a hit: another organisation than the sender). */
  primarySource: Letterhead | undefined;
  /** The consortium / register body (Meldpunt, samenwerkingsverband). */
  register: Letterhead | undefined;
  /** The disputes committee (geschillencommissie). */
  committee: Letterhead | undefined;
  person: LetterPerson;
  /** Where the letter goes (the contact address). */
  address: LetterAddress | null;
  /** The rented dwelling the registration is about, under its own heading (003 §16.3). */
  dwellingAddress?: LetterAddress | null | undefined;
  registration: RegistrationFacts | null;
  /** 001 §4.2 punt 6: date and outcome of the begeleidingsteam procedure, when there was one. */
  supportTeam?: { date: string; outcome: string } | null;
  hit?: HitFacts | undefined;
  removal?: { ground: RemovalGround; date: string } | undefined;
  continuation?: { ground: ContinuationGround } | undefined;
  /** The part that ended while others run on: its categories, the day and why (D-950). */
  partEnded?: { categories: readonly string[]; date: string; ground: RemovalGround } | undefined;
  /** Why a changed decision is told (the correction letter; D-844). */
  correction?: { reason: CorrectionReason } | undefined;
  case?: CaseFacts | undefined;
  /** An access answer's region-wide facts (replaces `registration` in its data elements). */
  access?: AccessFacts | undefined;
  /** The block a block letter announces. */
  block?: BlockFacts | undefined;
  /** The day the placement letter was sent (001 §11 Reactie), when it was. */
  placementLetterSentOn?: string | null | undefined;
}

export interface Section {
  key: ElementKey;
  heading: string;
  blocks: Block[];
}

export interface LetterDocument {
  language: Language;
  title: string;
  sender: Letterhead;
  recipientLines: string[];
  letterDateText: string;
  referenceText: string;
  salutation: string;
  intro: string;
  sections: Section[];
  closing: string[];
  /** The content list's items that were rendered (the letter_date and address are in the head). */
  items: ContentItem[];
}
