/**
 * A protocol profile: the rules of one protocol as data, each citing its source article
 * (design.md §2.1). This file holds the shape; aedes-2021.ts, keurmerk-2013.ts and kkr.ts hold
 * the data; engine.ts applies the registration rules. Code implements mechanisms, profiles
 * choose: a region changing its protocol edits data, not code.
 *
 * Every rule object carries `source` (the article) and, where the seed was ambiguous or silent
 * and we chose, a `note` saying what we chose and why (profiles.test.ts walks the objects).
 */
import type { OrganisationKind, Role } from "../platform/auth/roles.ts";
import type { Term } from "../platform/werkdagen.ts";
import type { EvidenceRule, TenancyRelation } from "./evidence-kinds.ts";

export const PROFILE_IDS = ["aedes-2021", "keurmerk-2013", "kkr"] as const;
export type ProfileId = (typeof PROFILE_IDS)[number];

/**
 * The fields of a person (contract §3 Person) a profile may allow a registration to store.
 * Each profile lists its own from its article (003 §12.1, 001 §4.2, 000); a body with another
 * field is refused with 400 naming it (review 001-04, D-761).
 */
export const PERSON_FIELD_NAMES = [
  "initials",
  "firstNames",
  "prefix",
  "surname",
  "birthName",
  "birthDate",
  "gender",
  "email",
  "seekerNumber",
] as const;
export type PersonFieldName = (typeof PERSON_FIELD_NAMES)[number];

/** A rule value with the article it comes from. */
export interface Sourced<T> {
  value: T;
  source: string;
  /** Why we read the article this way, when it was ambiguous or silent. */
  note?: string;
}

// ---------------------------------------------------------------------------
// Registration rules
// ---------------------------------------------------------------------------

/**
 * Who an exclusion applies to, narrowest first: the primary source only ("uitsluiting
 * corporatie"), every participant of the region/register ("uitsluiting regio"), or every
 * participant of a national register.
 */
export const SCOPES = ["organisation", "region", "national"] as const;
export type Scope = (typeof SCOPES)[number];

/**
 * One damage bracket (003 §7 D.VIII, 001 Bijlage 1 W2): a claim in [minCents, maxCents] with
 * the stated inclusivity gives `termMonths`. Amounts in euro cents.
 */
export interface DamageBracket {
  minCents: number;
  minInclusive: boolean;
  /** null: no upper bound. */
  maxCents: number | null;
  maxInclusive: boolean;
  termMonths: number;
}

export interface TermRule {
  /** The longest term this category allows, in months. */
  maxMonths: number;
  /**
   * "maximum": the officer may choose a shorter term (default the maximum);
   * "fixed": the term is exactly maxMonths (001 W3: "vaste termijn van 5 jaar").
   */
  kind: "maximum" | "fixed";
  /** When present the maximum follows from the claim through these brackets (contiguous). */
  damageBrackets?: readonly DamageBracket[];
  source: string;
  note?: string;
}

export interface ClaimRule {
  /**
   * "required": claimCents must be given (the term or a formal criterion depends on it);
   * "optional": may be given; "not_applicable": the category takes no amount (data
   * minimisation, 003 §12.1 / 001 §4.2).
   */
  mode: "required" | "optional" | "not_applicable";
  /** Smallest claim accepted, in euro cents (inclusive). */
  minimumCents?: number;
  /**
   * `value: false`: the amount decides the term at the decision and is then not stored (001
   * §4.2 lists no amount; D-761). Absent: stored with the registration.
   */
  amountKept?: { value: boolean; source: string; note?: string };
  source: string;
  note?: string;
}

export interface PlacementRule {
  /** The event whose date is the placement date (moment van plaatsing), in Dutch. */
  moment: string;
  /**
   * Criteria under which the placement date may lie after today (003 §5: for E.IX on
   * criterion e.i the moment is the exclusion or change of inschrijftijd). Empty: never.
   */
  futureAllowedForCriteria: readonly string[];
  source: string;
  note?: string;
}

export type RemovalTrigger =
  /** The term has run out (always applies; the retention job does it). */
  | "term_expired"
  /** An objection, complaint or appeal was upheld, or the registration proved unjustified. */
  | "objection_upheld"
  /** A new chance was offered and accepted (003 §4.4, §12.4). */
  | "new_chance"
  /** The primary source left or was excluded (003 §17, §20; 001 §4.4.2, §7.3). */
  | "participant_left"
  /** The whole claim (with costs) has been paid. */
  | "claim_paid_in_full"
  /** A settlement was reached, with or without a payment arrangement (003 §12.4 D). */
  | "claim_settled"
  /** 001 W2: within half the term at least half paid, and an arrangement for the rest kept. */
  | "claim_half_paid_with_arrangement"
  /** 001 W1: the begeleidingsteam decided re-housing is possible and the conditions are met. */
  | "support_team_rehousing";

export interface RemovalRule {
  trigger: RemovalTrigger;
  /** What happens, in Dutch (for the officer and the person's letters). */
  text: string;
  /**
   * The rule ends this group's part; the registration as a whole ends only when it has no
   * other part (003 §12.4: "indien categorie D de enige ... is"; issue #20).
   */
  onlyWhenSoleGroup?: string;
  /** Numbers the retention/cases modules apply (e.g. fractions for 001 W2). */
  params?: Readonly<Record<string, number | boolean>>;
  source: string;
  note?: string;
}

export interface CategoryRule {
  /** The code of contract.md §4, e.g. "D.VIII", "W2", "FIN". */
  code: string;
  /** The group the category belongs to ("A" … "E" in 003; the code itself elsewhere). */
  group: string;
  groupTitle: string;
  /** Dutch title and a short Dutch description (UI, letters, docs). */
  title: string;
  description: string;
  /** Sub-kinds the seed lists for this category (000, 001 W3), when it lists any. */
  kinds?: readonly string[];
  source: string;
  term: TermRule;
  scope: Sourced<Scope>;
  claim: ClaimRule;
  placement: PlacementRule;
  /** Early removal particular to this category; `Profile.generalRemoval` applies to all. */
  removal: readonly RemovalRule[];
  /**
   * The category is off in a region until its consortium admin switches it on with a recorded
   * legal basis (000 PSY: health data, AVG art. 9; review 000-08, H-7, D-766). Registrations
   * of an unswitched category are refused with 422 naming the article and the setting.
   */
  regionOptIn?: { reason: string; source: string; note?: string };
}

export interface CriterionRule {
  /** The code of contract.md §4, e.g. "e.i", "W2.2", "FIN.1". */
  code: string;
  /** The formal criterion (formeel criterium voor opname), in Dutch. */
  text: string;
  /** The categories this criterion can ground. */
  categories: readonly string[];
  /** What must ground it on record, per kind its article (003 §8; 001 Bijlage 1; evidence.ts). */
  evidence: EvidenceRule;
  /**
   * Who can be registered on it (003 ch. 5 Hoofdregel; review 003-05). A criterion without
   * "woningzoekende" is about a tenancy: its registration names the rented dwelling.
   */
  relations: Sourced<readonly TenancyRelation[]>;
  source: string;
  note?: string;
}

/** Rules about a registration as a whole, each with its article. */
export interface RegistrationRules {
  /** Only the profile's categories can ground a registration. */
  closedCategories: { source: string; note?: string };
  /** Each category needs a formal criterion that grounds it; none may be left over. */
  formalCriteria: { source: string; note?: string };
  /** The term: whole months, at least `minimumMonths`, default the maximum. */
  term: { minimumMonths: number; defaultTo: "maximum"; source: string; note?: string };
  /**
   * Several categories: one part per category group, each with its own term (the longest
   * maximum within the group) and scope, and its own expiry (003 §5, §7; issue #20 part 1).
   */
  multipleCategories: { parts: "one_per_group"; source: string; note: string };
  /** The placement date is the start date and lies not after today (unless a category allows). */
  placementDate: { source: string; note?: string };
  /**
   * endDate = placementDate + term (month-end clamp). `inclusive: false`: on the end date the
   * registration no longer applies, so it ends on the earliest reading.
   */
  endDate: { inclusive: false; source: string; note: string };
  /** An early removal rule must hold for every category of a multi-category registration. */
  earlyRemovalWithSeveralCategories: { source: string; note: string };
}

// ---------------------------------------------------------------------------
// Disclosure on a screening hit
// ---------------------------------------------------------------------------

/**
 * What a screening result may show (contract.md §3 `results[]`), beyond the bare hit:
 * since = startDate, until = endDate, primarySource = {id, name}, supportTeamProcedure = 001
 * §4.2 punt 6 (date and outcome of the begeleidingsteam procedure), objectionStatus = 003
 * §12.1 (objection pending / outcome), enteredBy = the named officers who entered and decided
 * it (`enteredBy`, `decidedBy`: `{ id, name }`, the name only to the own organisation; D-843).
 * appliesToCaller = whether the registration (its block) applies to the caller's own
 * organisation: true for a region-wide or national scope and for the primary source itself,
 * false for another participant under an organisation scope (003 §4.3, §13.3: others may at
 * most set conditions).
 */
export const DISCLOSURE_FIELDS = [
  "appliesToCaller",
  "since",
  "until",
  "scope",
  "primarySource",
  "categories",
  "criteria",
  "placementDate",
  "claim",
  "supportTeamProcedure",
  "objectionStatus",
  "enteredBy",
] as const;
export type DisclosureField = (typeof DISCLOSURE_FIELDS)[number];

/** Whose registration it is, seen from the screening organisation. */
export const HIT_AUDIENCES = ["primary_source", "other_participant"] as const;
export type HitAudience = (typeof HIT_AUDIENCES)[number];

export interface DisclosureGrant {
  fields: readonly DisclosureField[];
  /** A hit shows only once a human of the primary source confirmed the match (003 §6). */
  requiresConfirmedMatch: boolean;
  source: string;
  note?: string;
}

export interface DisclosureRules {
  /**
   * Per audience and role: what a hit shows. A role without a grant is told nothing (no hit,
   * no fields). The reasons behind a registration are never disclosed: there are none stored.
   */
  hit: Record<HitAudience, Partial<Record<Role, DisclosureGrant>>>;
  /** Showing more to other participants on the person's written consent (001 §5.5). */
  consent: {
    allowed: boolean;
    /** Fields added to the other participants' grant once consent is given. */
    fields: readonly DisclosureField[];
    /** Key in `deadlines` of the reflection period before consent counts. */
    reflectionDeadline?: string;
    source: string;
    note?: string;
  };
}

// ---------------------------------------------------------------------------
// Deadlines
// ---------------------------------------------------------------------------

/** The event a deadline is counted from (the day itself is not counted, Atw). */
export type DeadlineAnchor =
  | "placement"
  | "address_known"
  | "block"
  | "screening"
  | "continuation_decision"
  | "removal"
  | "notice"
  | "receipt"
  | "acknowledgement"
  | "decision"
  | "decision_due"
  | "execution"
  | "request"
  | "rehousing"
  | "advice_sent"
  | "hearing";

/** Who must act before the deadline. */
export type DeadlineActor =
  | "primary_source"
  | "querying_participant"
  | "register"
  | "committee"
  | "participant"
  | "person";

export interface DeadlineRule {
  /** Length of the term (werkdagen.termEnd computes its last day under the Atw). */
  term: Term;
  from: DeadlineAnchor;
  by: DeadlineActor;
  /** Counted backwards from the anchor ("uiterlijk één week vóór de zitting"). */
  before?: boolean;
  /** What must happen, in Dutch. */
  text: string;
  source: string;
  note?: string;
}

/** A place where the seed was ambiguous or silent, what we chose, and why. */
export interface AmbiguityChoice {
  topic: string;
  choice: string;
  reason: string;
  source: string;
}

// ---------------------------------------------------------------------------
// The profile
// ---------------------------------------------------------------------------

export interface Profile {
  id: ProfileId;
  title: string;
  /** Changes when the protocol text changes: users accept the declaration again (001 §3.2). */
  version: string;
  /**
   * The profile's own revision under that text: raised whenever a rule of the profile changes
   * (a term, scope, category, person field, participant rule). `protocolVersionOf` joins it
   * with `version`; every registration and case stores that identifier at creation, so a
   * later revision never silently changes what was decided under an earlier one (003 ch. 23;
   * review 003-75, D-760).
   */
  revision: { number: number; date: string; changes: string; source: string };
  /**
   * The protocol text's edition as a letter names it, in plain Dutch ("versie 1.4 van 13
   * december 2021"): the first half of the protocol version identifier.
   */
  edition: string;
  /** The seed document this profile implements. */
  seed: string;
  /** Which kinds of organisation may be participants (deelnemers). */
  participantKinds: Sourced<readonly OrganisationKind[]>;
  /**
   * A participant is admitted only when it lets through an agent the register recognises
   * (001 §2 Deelnemer, §7.1: a Keurmerk makelaar): the agent's name is then required and
   * recorded on the participant (review 001-01, D-763). Absent: no such condition.
   */
  participantAgent?: { label: string; source: string; note?: string };
  /** The person fields a registration may store; any other is refused (400, naming it). */
  personFields: Sourced<readonly PersonFieldName[]>;
  /** At most this many officers per participant; null when the protocol sets no cap. */
  maxOfficersPerParticipant: Sourced<number | null>;
  /** Which roles must accept the declaration of compliance and confidentiality first. */
  declaration: {
    roles: readonly Role[];
    /** What the user declares, in Dutch, shown before first use. */
    text: string;
    source: string;
  };
  /** The categories of unwanted behaviour (codes of contract.md §4). */
  categories: readonly CategoryRule[];
  /** The formal criteria for placement (codes of contract.md §4). */
  criteria: readonly CriterionRule[];
  registrationRules: RegistrationRules;
  /**
   * Must the person be informed before the registration takes effect? true: a new
   * registration starts as "pending_notice" and takes effect once the notice is sent.
   */
  twoStepPlacement: Sourced<boolean>;
  /** Removal rules that apply to every category. */
  generalRemoval: readonly RemovalRule[];
  disclosure: DisclosureRules;
  /** Every legal deadline, by stable key (cases and letters modules read them by key). */
  deadlines: Readonly<Record<string, DeadlineRule>>;
  /** Where the seed was ambiguous or silent: the choice and its reason. */
  ambiguities: readonly AmbiguityChoice[];
}
