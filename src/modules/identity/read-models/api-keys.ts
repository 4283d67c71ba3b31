import type { Principal } from "../../../platform/auth/access.ts";
import type { IdentityEnv } from "../env.ts";
import { listingScope } from "../policy.ts";
import * as repo from "../repository.ts";
import type { ApiKeyView } from "../schemas.ts";
import { apiKeyView } from "../views.ts";

/** API keys the principal may list (never the keys themselves), optionally of one organisation. */
export async function listApiKeys(
  env: IdentityEnv,
  principal: Principal,
  organisationId?: string,
): Promise<ApiKeyView[]> {
  const scope = listingScope(principal, organisationId);
  if (scope === null) return [];
  return (await repo.listApiKeys(env.db, scope)).map(apiKeyView);
}
