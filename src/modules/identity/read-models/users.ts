import type { Principal } from "../../../platform/auth/access.ts";
import type { IdentityEnv } from "../env.ts";
import { listingScope } from "../policy.ts";
import * as repo from "../repository.ts";
import type { UserView } from "../schemas.ts";
import { userView } from "../views.ts";

/** Accounts the principal may list (optionally of one organisation). */
export async function listUsers(
  env: IdentityEnv,
  principal: Principal,
  organisationId?: string,
): Promise<UserView[]> {
  const scope = listingScope(principal, organisationId);
  if (scope === null) return [];
  return userView(env, await repo.listUsers(env.db, scope));
}
