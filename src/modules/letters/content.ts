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
import type { LetterContent, LetterKind } from "./content-lists/types.ts";

export type { Language } from "../../platform/i18n.ts";
// The vocabulary of content lists lives in content-lists/types.ts (the lists import it).
export {
  type ContentItem,
  ELEMENT_KEYS,
  type ElementKey,
  LETTER_KINDS,
  type LetterContent,
  type LetterKind,
  SKIP_REASONS,
  type SkipReason,
} from "./content-lists/types.ts";

// The content lists per profile: content-lists/<profile>.ts. How an objection is sent and the
// articles of the complaint route: protocol/citation.ts (the public pages say them too).

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

/**
 * Why a decision was changed (003 §12.3; issue 20 part 4, D-844): the PATCH's closed list of
 * reason codes; the correction letter explains each in plain words.
 */
export const CORRECTION_REASONS = [
  "entry_error",
  "placement_date_corrected",
  "decision_by_court_or_committee",
  "proportionality_reweighed",
  "new_documented_facts",
] as const;
export type CorrectionReason = (typeof CORRECTION_REASONS)[number];

/** Why a registration continues (001 §9.1 B). */
export const CONTINUATION_GROUNDS = [
  "support_team_refused_rehousing",
  "conditions_not_met",
] as const;
export type ContinuationGround = (typeof CONTINUATION_GROUNDS)[number];
