/**
 * What each letter must say, per profile, as data (design.md §2.1: the protocol is data).
 * Each content list is the seed's own list ("In deze e-mail/brief staan de volgende gegevens
 * vermeld", 003 ch. 10; "In deze brief staan de volgende gegevens vermeld", 001 §3.4), item by
 * item, with its article; items we add for the AVG (art. 13/14) say so. elements/ renders
 * each item; the tests render every list and find every item in the PDF's text.
 *
 * The profiles (src/protocol) hold the deadlines; this file holds the letters' contents and
 * the few letter rules the profiles do not (yet) carry: which letters a profile knows, and when
 * a letter may be skipped because the person demonstrably knows already.
 */
import type { ProfileId } from "../../protocol/profile.ts";
import { AEDES } from "./content-lists/aedes-2021.ts";
import { KEURMERK } from "./content-lists/keurmerk-2013.ts";
import { KKR } from "./content-lists/kkr.ts";
import { skipReasonTexts } from "./texts/skip-reasons.ts";

export const LETTER_KINDS = [
  "placement",
  "continuation",
  "removal",
  "hit",
  "acknowledgement",
  "decision",
  "access_answer",
] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];

/** The one language type (platform/i18n.ts), re-exported for the letters' importers. */
export type { Language } from "../../platform/i18n.ts";

/** The elements a letter can be built from; elements/ renders each. */
export const ELEMENT_KEYS = [
  "letter_date",
  "recipient_address",
  "person_identity",
  "postal_address",
  "categories",
  "rating_number",
  "purpose_legal_basis",
  "term",
  "consequence",
  "participants_web_address",
  "primary_source",
  "dwelling_address",
  "right_to_object",
  "objection_procedure",
  "objection_address",
  "consent_disclosure",
  "register_address",
  "rights",
  "dpo",
  "continuation_details",
  "removal_details",
  "removal_consequence",
  "hit_details",
  "case_received",
  "decision_due",
  "placement_letter_date",
  "entry_date",
  "decision_outcome",
  "decision_reasons",
  "appeal_route",
  "huurcommissie",
  "committee_address",
  "stored_data",
  "recipients",
  "data_source",
  "retention",
] as const;
export type ElementKey = (typeof ELEMENT_KEYS)[number];

export interface ContentItem {
  key: ElementKey;
  /** The item as the seed words it (Dutch). */
  requirement: string;
  source: string;
  /**
   * "if_dpo": only when the organisation has a data protection officer ("indien van
   * toepassing", 003 ch. 10); "if_refused": only when a request or objection was not (fully)
   * upheld (003 §15: "een afwijzing wordt gemotiveerd").
   */
  when?: "if_dpo" | "if_refused";
}

/**
 * Fixed reasons for skipping a letter: the person demonstrably knows already. Never free text.
 * The codes with their Dutch text; both languages in texts/skip-reasons.ts.
 */
export const SKIP_REASONS = skipReasonTexts.nl;
export type SkipReason = keyof typeof SKIP_REASONS;

export interface LetterContent {
  /** The profile's deadline key for the duty (profile.deadlines); the cases module may pass another. */
  deadlineKey: string;
  /** When a documented duty reopens because an address became known: the key counted from then. */
  lateAddressDeadlineKey?: string;
  /** Reasons for which the letter may be skipped (empty: never). */
  skippable: readonly SkipReason[];
  skipSource?: string;
  items: readonly ContentItem[];
  source: string;
}

// The content lists per profile: content-lists/<profile>.ts.

export const LETTER_CONTENTS: Readonly<
  Record<ProfileId, Readonly<Partial<Record<LetterKind, LetterContent>>>>
> = {
  "aedes-2021": AEDES,
  "keurmerk-2013": KEURMERK,
  kkr: KKR,
};

/** The content list of a letter kind under a profile, or undefined when the profile has no such letter. */
export function letterContent(profileId: ProfileId, kind: LetterKind): LetterContent | undefined {
  return LETTER_CONTENTS[profileId][kind];
}

/** The Huurcommissie (003 §16.4), printed in decision letters under 003. */
export const HUURCOMMISSIE = {
  name: "Huurcommissie",
  postalAddress: ["Postbus 16495", "2500 BL Den Haag"],
  phone: "0800 – 4887243",
  website: "www.huurcommissie.nl",
  source: "003 §16.4",
} as const;

/** Why a registration was removed: fixed codes (the removal letter explains each). */
export const REMOVAL_GROUNDS = [
  "term_expired",
  "objection_upheld",
  "new_chance",
  "participant_left",
  "claim_paid_in_full",
  "claim_settled",
  "claim_half_paid_with_arrangement",
  "support_team_rehousing",
  "erased_by_primary_source",
] as const;
export type RemovalGround = (typeof REMOVAL_GROUNDS)[number];

/** Why a registration continues (001 §9.1 B). */
export const CONTINUATION_GROUNDS = [
  "support_team_refused_rehousing",
  "conditions_not_met",
] as const;
export type ContinuationGround = (typeof CONTINUATION_GROUNDS)[number];
