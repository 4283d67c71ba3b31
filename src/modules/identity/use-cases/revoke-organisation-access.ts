import type { Db } from "../../../platform/db/database.ts";
import type { IdentityEnv } from "../env.ts";
import * as repo from "../repository.ts";

/** Withdrawal / definitive exclusion: every user disabled, session ended, key revoked. */
export async function revokeOrganisationAccess(env: IdentityEnv, tx: Db, organisationId: string) {
  const now = env.clock.now();
  await repo.disableUsersOfOrganisation(tx, organisationId);
  await repo.revokeSessionsOfOrganisation(tx, organisationId, now);
  await repo.revokeApiKeysOfOrganisation(tx, organisationId, now);
}
