/**
 * Who may do what with a registration: the access decisions of this resource, used by the
 * use cases, the routes and the pages alike.
 */
import { hasRole, type Principal } from "../../platform/auth/access.ts";
import type { Role } from "../../platform/auth/roles.ts";
import type { Db } from "../../platform/db/database.ts";
import { AppError, notFound } from "../../platform/errors.ts";
import { findRegistration, type RegistrationRow } from "./repository.ts";

/**
 * Who reads the register itself, with its personal data (003 §13.2, §13.3; review 003-46,
 * security F1; contract §6 "Who reads the register"): the primary source's officers and the
 * consortium admin. A querier (bevrager) sees screening answers, never the register; the
 * committee and the auditor read what they need through their own routes (cases, oversight).
 * The routes' access declarations, the pages and the use cases all take this one list.
 */
export const REGISTER_READERS = ["officer", "consortium_admin"] as const satisfies readonly Role[];

/** Whether this principal may read the register's personal data at all (see REGISTER_READERS). */
export function mayReadRegister(principal: Principal): boolean {
  return hasRole(principal, REGISTER_READERS);
}

/**
 * Who reads a registration's grounds — its evidence and the deciding officer's weighing (issue 20
 * part 2: "shown to the primary source, the auditor and the committee only"; 003 §8, §12.1): the primary source's own people, the auditor and
 * the committee — not the consortium admin of another organisation, who reads the register but
 * does not weigh the grounds (a case number or ECLI finds the judgment about the person). No
 * viewer: the module itself (letters, the grounds view), which applies its own rule.
 */
export function mayReadEvidence(viewer: Principal | undefined, organisationId: string): boolean {
  return (
    !viewer || viewer.organisationId === organisationId || hasRole(viewer, ["auditor", "committee"])
  );
}

/** 403 for a principal who may not read the register (a querier: screening only). */
export function assertMayReadRegister(principal: Principal): void {
  if (!mayReadRegister(principal)) {
    throw new AppError(
      "forbidden",
      "A querier sees screening answers, not the register: only the primary source's officers " +
        "and the consortium read registrations.",
      { details: { allowedRoles: REGISTER_READERS } },
    );
  }
}

/**
 * Who reads what a registration rests on — its evidence and the named officers who entered and
 * decided it — without the person (issue 20 parts 2 and 3; 003 §8, §12.1, ch. 21; D-960): the
 * auditor, for every participant. The primary source and the consortium read it in the register
 * itself, the committee in the case file it judges (D-821).
 */
export const GROUNDS_READERS = ["auditor"] as const satisfies readonly Role[];

/** 403 for anyone but the auditor on the grounds route (see GROUNDS_READERS). */
export function assertMayReadGrounds(principal: Principal): void {
  if (!hasRole(principal, GROUNDS_READERS)) {
    throw new AppError(
      "forbidden",
      "Only the auditor reads what a registration rests on through this route.",
      { details: { allowedRoles: GROUNDS_READERS } },
    );
  }
}

/** The primary source's officers see it; consortium admins see every one. */
export function maySeeRegistration(
  principal: Principal,
  row: Pick<RegistrationRow, "organisationId">,
): boolean {
  // 003 §6.3: only the primary source sees it
  return (
    row.organisationId === principal.organisationId || hasRole(principal, ["consortium_admin"])
  );
}

/** Only the primary source's officers (and the consortium admin) change or erase (003 §14.1). */
export function mayChangeRegistration(
  principal: Principal,
  row: Pick<RegistrationRow, "organisationId">,
): boolean {
  const own = row.organisationId === principal.organisationId && hasRole(principal, ["officer"]);
  return own || hasRole(principal, ["consortium_admin"]);
}

/** Only the consortium may register on behalf of another participant (003 §14.1). */
export function mayRegisterOnBehalfOf(principal: Principal, organisationId: string): boolean {
  return organisationId === principal.organisationId || hasRole(principal, ["consortium_admin"]);
}

/** The registration when the principal may see it; 404 otherwise, as if it did not exist. */
export async function visibleRegistration(
  db: Db,
  principal: Principal,
  id: string,
): Promise<RegistrationRow> {
  assertMayReadRegister(principal);
  const row = await findRegistration(db, id);
  if (!row) throw notFound("registration");
  if (!maySeeRegistration(principal, row)) {
    throw notFound("registration"); // 003 §6.3: only the primary source sees it
  }
  return row;
}

/** The registration when the principal may change or erase it (003 §14.1); 404 or 403. */
export async function changeableRegistration(
  db: Db,
  principal: Principal,
  id: string,
): Promise<RegistrationRow> {
  const row = await visibleRegistration(db, principal, id);
  if (!mayChangeRegistration(principal, row)) {
    throw new AppError(
      "forbidden",
      "Only the primary source's officers may change this registration.",
    );
  }
  return row;
}
