/**
 * Who a principal is: the roles a person or system can hold, and the kinds of organisation they
 * belong to. Profiles (protocol/) say which roles each kind may hold; access checks read these.
 */
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

/** Roles a person can hold (allocation_system is for API keys only). */
export const HUMAN_ROLES = [
  "officer",
  "querier",
  "consortium_admin",
  "auditor",
  "support",
  "committee",
] as const satisfies readonly Role[];

export type OrganisationKind =
  | "housing_corporation"
  | "private_landlord"
  | "municipality"
  | "consortium"
  | "auditor"
  | "supplier"
  | "committee";
