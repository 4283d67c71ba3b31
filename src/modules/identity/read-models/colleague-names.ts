import type { Principal } from "../../../platform/auth/access.ts";
import type { IdentityEnv } from "../env.ts";
import { mayNameAccount } from "../policy.ts";
import * as repo from "../repository.ts";

/**
 * Display names of accounts of the caller's own organisation (a registration's history
 * names its colleagues); accounts of other organisations stay unnamed.
 */
export async function colleagueNames(
  env: IdentityEnv,
  principal: Principal,
  ids: readonly string[],
) {
  const names = new Map<string, string>();
  for (const id of new Set(ids)) {
    const user = await repo.findUser(env.db, id).catch(() => undefined);
    if (user && mayNameAccount(principal, user)) {
      names.set(id, user.displayName);
    }
  }
  return names;
}
