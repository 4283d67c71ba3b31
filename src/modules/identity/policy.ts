/**
 * Who may manage which account and API key, and which roles an organisation's people and
 * systems may hold: the access decisions of this module's resources, used by the use cases,
 * the routes and the pages alike.
 */
import { hasRole, type Principal } from "../../platform/auth/access.ts";
import type { OrganisationKind, Role } from "../../platform/auth/roles.ts";
import { AppError, notFound, protocolRule } from "../../platform/errors.ts";
import type { IdentityEnv } from "./env.ts";
import * as repo from "./repository.ts";

/**
 * Which roles people and systems of each kind of organisation may hold (003 §14.1, §17;
 * design.md §1): participants register and screen; the consortium runs the region and its
 * allocation system; the auditor audits; the supplier supports; the committee decides.
 */
export const ROLES_BY_ORGANISATION_KIND: Record<OrganisationKind, readonly Role[]> = {
  housing_corporation: ["officer", "querier", "allocation_system"],
  private_landlord: ["officer", "querier"],
  municipality: ["officer", "querier"],
  consortium: ["consortium_admin", "allocation_system"],
  auditor: ["auditor"],
  supplier: ["support"],
  committee: ["committee"],
};

/** Refuses (422, with the article) roles that an organisation of this kind cannot hold. */
export function checkRolesFit(kind: OrganisationKind, roles: readonly Role[]) {
  const allowed = ROLES_BY_ORGANISATION_KIND[kind];
  const wrong = roles.filter((r) => !allowed.includes(r));
  if (wrong.length > 0) {
    throw protocolRule(
      "role_not_allowed_for_organisation",
      `An organisation of kind ${kind} cannot hold the role ${wrong.join(", ")}.`,
      "003 §14.1 (toegangsrechten per categorie), §17",
      { kind, allowed },
    );
  }
}

/** Consortium admins manage users and keys of every organisation (003 §14.1). */
export function mayManageAccounts(principal: Principal): boolean {
  return hasRole(principal, ["consortium_admin"]);
}

/** The account a consortium admin manages (003 §14.1); 404 when it is not there or they may not. */
export async function manageableUser(env: IdentityEnv, principal: Principal, id: string) {
  const user = await repo.findUser(env.db, id);
  if (!user || !mayManageAccounts(principal)) throw notFound("account");
  return user;
}

/** The API key a consortium admin manages (003 §14.1); 404 when it is not there or they may not. */
export async function manageableApiKey(env: IdentityEnv, principal: Principal, id: string) {
  const key = await repo.findApiKey(env.db, id);
  if (!key || !mayManageAccounts(principal)) throw notFound("API key");
  return key;
}

/**
 * Whose accounts and API keys a principal may list: consortium admins, auditors and support
 * every organisation's (or the one asked for); anyone else only their own organisation's.
 * Undefined means every organisation; null means none (another organisation was asked for).
 */
export function listingScope(
  principal: Principal,
  organisationId?: string,
): string | undefined | null {
  const all = hasRole(principal, ["consortium_admin", "auditor", "support"]);
  if (!all && organisationId && organisationId !== principal.organisationId) return null;
  return all ? organisationId : principal.organisationId;
}

/**
 * Display names of accounts of the caller's own organisation only (a registration's history
 * names its colleagues); accounts of other organisations stay unnamed.
 */
export function mayNameAccount(principal: Principal, account: { organisationId: string }): boolean {
  return account.organisationId === principal.organisationId;
}

/** The organisation whose accounts and keys the principal manages; 404 when it may not. */
export async function requireManageable(
  env: IdentityEnv,
  principal: Principal,
  organisationId: string,
) {
  // Consortium admins manage users and keys of every organisation (003 §14.1).
  if (!mayManageAccounts(principal)) throw notFound("organisation");
  const access = await env.deps.organisations.accessOf(organisationId);
  if (!access) throw notFound("organisation");
  return access;
}

/** Who sees the four-eyes requests for auditor access (F16): consortium admins and auditors. */
export function mayReadAuditorRequests(principal: Principal): boolean {
  return hasRole(principal, ["consortium_admin", "auditor"]);
}

/**
 * The request a consortium admin may decide (F16). Approving needs a person (not an API key)
 * other than the one who asked: that is the second pair of eyes. Rejecting needs any consortium
 * admin, the one who asked included (withdrawing).
 */
export async function checkAuditorRequestDecider(
  env: IdentityEnv,
  principal: Principal,
  id: string,
  decision: "approve" | "reject",
) {
  const row = await repo.findAuditorRequest(env.db, id);
  if (!row || !hasRole(principal, ["consortium_admin"])) throw notFound("auditor request");
  if (decision === "approve" && principal.kind !== "user") {
    throw new AppError(
      "forbidden",
      "A second consortium admin must approve this, signed in as a person (not with an API key).",
      { code: "four_eyes_person_required" },
    );
  }
  if (decision === "approve" && principal.id === row.requestedBy) {
    throw new AppError(
      "forbidden",
      "You asked for this yourself; a different consortium admin must approve it.",
      { code: "four_eyes_same_person" },
    );
  }
  return row;
}
