/** The vocabulary of letter content lists: letter kinds, element keys, items, skip reasons. */
import { skipReasonTexts } from "../texts/skip-reasons.ts";

export const LETTER_KINDS = [
  "placement",
  "continuation",
  "removal",
  "hit",
  "acknowledgement",
  "decision",
  "access_answer",
  /** 003 §6 punt 5: a confirmed match blocks a house-seeker registration; the person is told. */
  "block",
  /** 003 §12.3, ch. 10: a changed decision (date, term, categories, criteria); D-844. */
  "correction",
  /**
   * 003 §7, §12.4, §13.4: one part of a registration ended (its term, or a settled claim) while
   * other parts run on; the person is told which categories ended and what still runs (D-950).
   */
  "part_ended",
] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];

/** The one language type (platform/i18n.ts), re-exported for the letters' importers. */

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
  "recipients_told",
  "appeal_route",
  "committee_address",
  "stored_data",
  "recipients",
  "data_source",
  "retention",
  "block_details",
  "block_consequence",
  /** 001 Bijlage 1, toelichting punt 2: the pointer to the begeleidingsteam (W1). */
  "support_team_pointer",
  /** 003 §12.3: what changed, why, and that this letter replaces the earlier one (D-844). */
  "correction_notice",
  /** 003 §7, §12.4: which part ended, from when and why (D-950). */
  "part_ended_details",
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
   * upheld (003 §15: "een afwijzing wordt gemotiveerd"); "if_support_team": only when a
   * category of the registration can end through the begeleidingsteam (001 W1, Bijlage 1
   * toelichting punt 2; review 001-11).
   */
  when?: "if_dpo" | "if_refused" | "if_support_team";
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
