/**
 * Who may do what with a registration: the access decisions of this resource, used by the
 * use cases, the routes and the pages alike.
 */
import { hasRole, type Principal } from "../../platform/auth/access.ts";
import type { Db } from "../../platform/db/database.ts";
import { AppError, notFound } from "../../platform/errors.ts";
import { findRegistration, type RegistrationRow } from "./repository.ts";

/** The primary source's officers and queriers see it; consortium admins see every one. */
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
