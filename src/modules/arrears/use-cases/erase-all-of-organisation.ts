import type { Db } from "../../../platform/db/database.ts";
import type { ArrearsEnv } from "../env.ts";
import * as repo from "../repository.ts";

/** A landlord that leaves takes its arrears data with it (in the termination transaction). */
export async function eraseAllOfOrganisation(_env: ArrearsEnv, tx: Db, organisationId: string) {
  await repo.deleteAllOfOrganisation(tx, organisationId);
}
