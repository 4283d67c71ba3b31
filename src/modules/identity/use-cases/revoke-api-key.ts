import type { RequestMeta } from "../../../platform/audit/audit.ts";
import { recordSuccess } from "../../../platform/audit/record.ts";
import type { Principal } from "../../../platform/auth/access.ts";
import type { IdentityEnv } from "../env.ts";
import { manageableApiKey } from "../policy.ts";
import * as repo from "../repository.ts";
import { apiKeyView } from "../views.ts";

/** Revokes an API key at once; it stays listed (the access review looks back 90 days). */
export async function revokeApiKey(
  env: IdentityEnv,
  principal: Principal,
  meta: RequestMeta,
  id: string,
) {
  const { db, clock } = env;
  await manageableApiKey(env, principal, id);
  await db.transaction(async (tx) => {
    await repo.revokeApiKey(tx, id, clock.now());
    await recordSuccess(tx, clock, meta, principal, {
      action: "api_key.revoked",
      objectType: "api_key",
      objectId: id,
    });
  });
  return apiKeyView((await repo.findApiKey(db, id))!);
}
