/**
 * Who may read and act on letters and notification duties: the officers of the organisation
 * that owes or sent them, and the consortium admin acting for every participant. Used by the
 * use cases (and the routes through them); a letter or duty the caller may not see answers 404.
 */
import { hasRole, type Principal } from "../../platform/auth/access.ts";
import { notFound } from "../../platform/errors.ts";
import type { LettersEnv } from "./env.ts";
import * as repo from "./repository.ts";

/** The roles that read letters and duties and act on them. */
export const READERS = ["officer", "consortium_admin"] as const;

/** May this principal read (and act on) the letters and duties of this organisation? */
export function mayReadLetters(principal: Principal, organisationId: string): boolean {
  if (!hasRole(principal, READERS)) return false;
  return principal.organisationId === organisationId || hasRole(principal, ["consortium_admin"]);
}

/** May this principal produce the missing letters of the duties it can see? */
export function mayProduceLetters(principal: Principal): boolean {
  return hasRole(principal, READERS);
}

/** Only a consortium admin tests the region's mail settings. */
export function maySendTestMail(principal: Principal): boolean {
  return hasRole(principal, ["consortium_admin"]);
}

/** The organisations whose letters and duties a principal lists (undefined: every one). */
export function letterScope(principal: Principal): string[] | undefined {
  return hasRole(principal, ["consortium_admin"]) ? undefined : [principal.organisationId];
}

/** The row (a letter or duty), when the principal may see it; otherwise 404 naming `what`. */
function seenBy<R extends { organisationId: string }>(
  principal: Principal,
  row: R | undefined,
  what: string,
): R {
  if (!row || !mayReadLetters(principal, row.organisationId)) throw notFound(what);
  return row;
}

/** The letter, when the principal may see it; otherwise 404. */
export async function visibleLetter(env: LettersEnv, principal: Principal, id: string) {
  return seenBy(principal, await repo.findLetter(env.db, id), "letter");
}

/** The duty, when the principal may see it; otherwise 404. */
export async function visibleDuty(env: LettersEnv, principal: Principal, id: string) {
  return seenBy(principal, await repo.findDuty(env.db, id), "duty");
}
