/**
 * A protocol profile: the rules of one protocol as data, each citing its source article
 * (design.md §2.1). This file holds the shape; aedes-2021.ts, keurmerk-2013.ts and kkr.ts hold
 * the data. The registration rules (categories, criteria, terms, disclosure, deadlines) join
 * these objects with the registrations issue.
 */
export const PROFILE_IDS = ["aedes-2021", "keurmerk-2013", "kkr"] as const;
export type ProfileId = (typeof PROFILE_IDS)[number];

export const ROLES = [
  "officer",
  "querier",
  "consortium_admin",
  "auditor",
  "support",
  "committee",
  "allocation_system",
] as const;
export type Role = (typeof ROLES)[number];

export type OrganisationKind =
  | "housing_corporation"
  | "private_landlord"
  | "municipality"
  | "consortium"
  | "auditor"
  | "supplier"
  | "committee";

/** A rule value with the article it comes from. */
export interface Sourced<T> {
  value: T;
  source: string;
}

export interface Profile {
  id: ProfileId;
  title: string;
  /** Changes when the protocol text changes: users accept the declaration again (001 §3.2). */
  version: string;
  /** The seed document this profile implements. */
  seed: string;
  /** Which kinds of organisation may be participants (deelnemers). */
  participantKinds: Sourced<readonly OrganisationKind[]>;
  /** At most this many officers per participant; null when the protocol sets no cap. */
  maxOfficersPerParticipant: Sourced<number | null>;
  /** Which roles must accept the declaration of compliance and confidentiality first. */
  declaration: {
    roles: readonly Role[];
    /** What the user declares, in Dutch, shown before first use. */
    text: string;
    source: string;
  };
}
