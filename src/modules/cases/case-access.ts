import type { Principal } from "../../platform/auth/access.ts";
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
  if (!row || !canSeeCase(principal, row)) throw notFound("case");
  return row;
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
