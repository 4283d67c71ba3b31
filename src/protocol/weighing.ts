/**
 * The officer's weighing (review row 003-02; issue 20, data never prose): 003 §12.1
 * "Vastleggende partij" — the decision is taken by "de daartoe aangewezen geautoriseerd
 * functionaris", who "dient de … belangenafweging te maken, alsmede het
 * proportionaliteitsbeginsel in acht te nemen" — and 003 §7: the term is a maximum, "waarbij de
 * ernst en de gevolgen van het aan de huurder verwijtbare gedrag bepalend zijn". The weighing is
 * recorded as data: the interests were weighed, the term chosen (the profile's term or a shorter
 * one) and, for a shorter term, one reason of a closed list; asked with every decision on a
 * registration (D-1060).
 */
import type { RuleViolation } from "./engine.ts";

export const WEIGHING_SOURCE =
  "003 §12.1 (Vastleggende partij: belangenafweging, proportionaliteitsbeginsel), §7, §4";

/**
 * The grounds a shorter term can rest on, each from the seed:
 * - `lesser_severity`: 003 §7 "de ernst en de gevolgen van het … verwijtbare gedrag bepalend
 *   … voor de op te leggen uitsluitingsduur" (the terms are maxima);
 * - `claim_arrangement`: 003 §7 D "of zoveel eerder als er een passende oplossing is geboden
 *   tussen verhuurder en (ex)huurder";
 * - `new_chance_guidance`: 003 §4 Subsidiariteit and Nieuwe-kansbeleid — an adapted tenancy
 *   with (woon)begeleiding is in view, so a shorter exclusion suffices;
 * - `interests_of_person`: 003 §4 gerechtvaardigd-belangtoets (ii) "de belangen van de
 *   (ex-)huurders" weigh against a full term (proportionaliteit).
 */
export const SHORTER_TERM_REASONS = [
  "lesser_severity",
  "claim_arrangement",
  "new_chance_guidance",
  "interests_of_person",
] as const;
export type ShorterTermReason = (typeof SHORTER_TERM_REASONS)[number];

export const WEIGHING_TERMS = ["standard", "shorter"] as const;

export interface Weighing {
  /** Whether the officer weighed the interests (003 §4, §12.1); false is refused. */
  interestsWeighed: boolean;
  term: (typeof WEIGHING_TERMS)[number];
  shorterReason?: ShorterTermReason | undefined;
}

/**
 * The rules a weighing given with a decision follows (003 §12.1, §7), each refusal naming the
 * field: it is there, the interests were weighed, a shorter term names its reason and the
 * standard term names none, and the term asked for agrees with the choice (a shorter term is
 * below the profile's longest term for these categories; the standard term is that term).
 */
export function weighingViolations(
  weighing: Weighing | undefined,
  /** The decided term and the profile's longest for it; unknown (a refused evaluation): unchecked. */
  term: { termMonths: number | undefined; maxTermMonths: number } | undefined,
): RuleViolation[] {
  const refuse = (rule: string, field: string, message: string): RuleViolation[] => [
    { rule, message, source: WEIGHING_SOURCE, details: { field } },
  ];
  if (weighing === undefined) {
    return refuse(
      "weighing_required",
      "weighing",
      "The deciding officer records their weighing of interests and the term chosen (standard or shorter).",
    );
  }
  if (weighing.interestsWeighed !== true) {
    return refuse(
      "weighing_required",
      "weighing.interestsWeighed",
      "The deciding officer weighs the interests before deciding.",
    );
  }
  if (weighing.term === "shorter") {
    if (weighing.shorterReason === undefined) {
      return refuse(
        "shorter_term_reason_required",
        "weighing.shorterReason",
        `A shorter term names its reason: ${SHORTER_TERM_REASONS.join(", ")}.`,
      );
    }
    if (term === undefined) return [];
    if (term.termMonths === undefined || term.termMonths >= term.maxTermMonths) {
      return refuse(
        "shorter_term_not_shorter",
        "termMonths",
        `A shorter term asks for fewer than ${term.maxTermMonths} months in termMonths.`,
      );
    }
    return [];
  }
  if (weighing.shorterReason !== undefined) {
    return refuse(
      "shorter_term_reason_without_shorter_term",
      "weighing.shorterReason",
      "A reason for a shorter term goes with a shorter term only.",
    );
  }
  if (term?.termMonths !== undefined && term.termMonths < term.maxTermMonths) {
    return refuse(
      "shorter_term_not_weighed",
      "weighing.term",
      `termMonths asks for a shorter term than ${term.maxTermMonths} months: record the weighing as a shorter term with its reason.`,
    );
  }
  return [];
}
