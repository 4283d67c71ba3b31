import type { Db } from "../../../platform/db/database.ts";
import type { IdentityEnv } from "../env.ts";
import * as repo from "../repository.ts";

/** Temporary exclusion: sessions end now; accounts and keys stay, refused while suspended. */
export async function endOrganisationSessions(env: IdentityEnv, tx: Db, organisationId: string) {
  await repo.revokeSessionsOfOrganisation(tx, organisationId, env.clock.now());
}
