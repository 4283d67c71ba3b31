/**
 * Who a principal is: the roles a person or system can hold, and the kinds of organisation they
 * belong to. Profiles (protocol/) say which roles each kind may hold; access checks read these.
 */
/** Roles a person can hold. */
export const HUMAN_ROLES = [
  "officer",
  "querier",
  "consortium_admin",
  "auditor",
  "support",
  "committee",
] as const;
/** Every role: a person's, and the allocation system's (for API keys only). */
export const ROLES = [...HUMAN_ROLES, "allocation_system"] as const;
export type Role = (typeof ROLES)[number];

export type OrganisationKind =
  | "housing_corporation"
  | "private_landlord"
  | "municipality"
  | "consortium"
  | "auditor"
  | "supplier"
  | "committee";
