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
