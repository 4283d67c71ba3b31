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

/** The kinds of request the public form and API accept (docs/decisions.md D-221). */
export const PUBLIC_REQUEST_TYPES = ["access", "rectification", "erasure", "objection"] as const;

export interface PublicRequestInput {
  organisationId: string;
  type: (typeof PUBLIC_REQUEST_TYPES)[number];
  person: Person;
  address?: Address | undefined;
  phone?: string | undefined;
  /** For an objection: the date of the letter it is against, when the person has it. */
  noticeDate?: string | undefined;
}

/** Public requests per client address per hour (per app instance: D-222). */
export const PUBLIC_REQUEST_LIMIT = { perAddress: 5, windowMs: 3_600_000 };
