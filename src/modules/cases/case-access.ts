import { hasRole, type Principal } from "../../platform/auth/access.ts";
import { AppError, notFound } from "../../platform/errors.ts";
import type { CasesEnv } from "./env.ts";
import { canActOnCase, canSeeCase } from "./policy.ts";
import * as repo from "./repository.ts";

/** The case, if the principal may see it (policy.ts canSeeCase); else 404, never whether it exists. */
export async function findVisibleCase(
  env: CasesEnv,
  principal: Principal,
  id: string,
): Promise<repo.CaseRow> {
  const row = await repo.findCase(env.db, id);
  if (!row) throw notFound("case");
  if (canSeeCase(principal, row)) return row;
  // The committee sees the objection or complaint an appeal sent to it follows: the file it
  // judges (001 Bijlage 2 art. 7; issue 21 part 5, D-914). Read only: it cannot act on it.
  if (
    hasRole(principal, ["committee"]) &&
    (await repo.appealsFollowing(env.db, id)).some(
      (a) => a.organisationId === principal.organisationId,
    )
  ) {
    return row;
  }
  throw notFound("case");
}

/** The case, if the principal may act on it (policy.ts canActOnCase); else 404 or 403. */
export async function findActionableCase(
  env: CasesEnv,
  principal: Principal,
  id: string,
): Promise<repo.CaseRow> {
  const row = await findVisibleCase(env, principal, id);
  if (!canActOnCase(principal, row)) {
    throw new AppError("forbidden", "Only the organisation that handles this case may act on it.");
  }
  return row;
}

/**
 * An access request the principal may act on (findActionableCase), for the steps only an
 * access request has (its report, its region-wide candidates); any other case is 409
 * `not_an_access_request`, `what` naming the step in the message.
 */
export async function findActionableAccessRequest(
  env: CasesEnv,
  principal: Principal,
  id: string,
  what: string,
): Promise<repo.CaseRow> {
  const row = await findActionableCase(env, principal, id);
  if (row.type !== "access") {
    throw new AppError("conflict", `Only an access request has ${what}.`, {
      code: "not_an_access_request",
    });
  }
  return row;
}
