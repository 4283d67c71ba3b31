/**
 * The case types' procedures: which kinds exist, who decides them, and the profile deadline
 * keys of their steps. Pure rules, shared by the use cases, read models and web pages.
 */
import { CASE_KINDS, type CaseKind } from "../../protocol/case-kinds.ts";
import type { Profile } from "../../protocol/profile.ts";
import type { Address, Person } from "../registrations/schemas.ts";
import * as repo from "./repository.ts";

/** Rights requests (AVG art. 15–18; 003 ch. 15; 001 §9.2–9.4). */
export const RIGHTS: readonly CaseKind[] = ["access", "rectification", "erasure", "restriction"];
/** Cases decided by the disputes committee (003 §16.4, ch. 24; 001 §10, §11). */
export const COMMITTEE_CASES: readonly CaseKind[] = ["appeal", "hardship"];
/** Cases about the registration itself: they need one. */
export const NEEDS_REGISTRATION: readonly CaseKind[] = [
  "rectification",
  "erasure",
  "restriction",
  "objection",
  "new_chance",
  "support_team",
  "consent",
];

/** The profile deadline keys of each step, per case type. */
export function keysOf(type: CaseKind) {
  switch (type) {
    case "access":
    case "rectification":
    case "erasure":
    case "restriction":
      return { decision: `${type}_request_decision` };
    case "objection":
    case "complaint":
      return {
        acknowledgement: `${type}_acknowledgement`,
        decision: `${type}_decision`,
        removal: `upheld_${type}_removal`,
      };
    case "appeal":
      return {
        acknowledgement: "appeal_acknowledgement",
        decision: "appeal_decision",
        removal: "upheld_appeal_removal",
      };
    case "hardship":
      return { decision: "hardship_decision" };
    case "new_chance":
      return { decision: "new_chance_decision" };
    case "support_team":
      return {};
    case "consent":
      return { decision: "consent_reflection" };
  }
}

/** What each case type needs in the profile to exist at all (else 422: not in this protocol). */
export function requiredKey(type: CaseKind): string {
  if (type === "support_team") return "support_tenancy_review";
  if (type === "consent") return "consent_reflection";
  return keysOf(type).decision ?? "";
}

/** The case types the region's protocol knows (the others are refused on registration). */
export function caseTypesInProfile(profile: Profile): CaseKind[] {
  return CASE_KINDS.filter((t) => Boolean(profile.deadlines[requiredKey(t)]));
}

/** A finished case: closed, inadmissible, withdrawn, executed or (a consent) effective. */
export function finished(status: string) {
  return (repo.FINISHED as readonly string[]).includes(status);
}

/**
 * The kinds of request the public form and API accept (D-221, D-910): every request the
 * protocols give the person — 003 ch. 15 (rights), §16.1 (complaint), §12.4 (new chance
 * "te allen tijde"), ch. 24 (hardship); the profile decides which exist in a region.
 */
export const PUBLIC_REQUEST_TYPES = [
  "access",
  "rectification",
  "erasure",
  "restriction",
  "objection",
  "complaint",
  "new_chance",
  "hardship",
] as const;
export type PublicRequestType = (typeof PUBLIC_REQUEST_TYPES)[number];

/** The person's own words: grounds or what is wrong (encrypted with the case; D-910). */
export const EXPLANATION_MAX = 5000;

/**
 * Requests that are about one registration and change it: they cannot be decided while the
 * case is not linked, unless closed as "geen registratie gevonden" (issue 21 part 3).
 */
export const NEEDS_LINK_TO_DECIDE: readonly CaseKind[] = [
  "objection",
  "rectification",
  "restriction",
  "erasure",
];

/**
 * Requests that restrict a matching registration at once, provisionally, until the officer
 * links or unlinks it (AVG art. 18 lid 1 a, d; 003 §12.1 "bezwaar lopend"; issue 21 part 2).
 */
export const RESTRICTS_ON_RECEIPT: readonly CaseKind[] = [
  "objection",
  "rectification",
  "restriction",
];

export interface PublicRequestInput {
  organisationId: string;
  type: PublicRequestType;
  person: Person;
  address?: Address | undefined;
  phone?: string | undefined;
  /** For an objection: the date of the letter it is against, when the person has it. */
  noticeDate?: string | undefined;
  /** The person's grounds or what is wrong (≤ EXPLANATION_MAX characters). */
  explanation?: string | undefined;
}

/** Public requests per client address per hour (per app instance: D-222). */
export const PUBLIC_REQUEST_LIMIT = { perAddress: 5, windowMs: 3_600_000 };
