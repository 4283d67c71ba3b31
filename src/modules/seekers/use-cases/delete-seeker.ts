import type { RequestMeta } from "../../../platform/audit/audit.ts";
import { recordSuccess } from "../../../platform/audit/record.ts";
import type { Principal } from "../../../platform/auth/access.ts";
import { notFound } from "../../../platform/errors.ts";
import type { SeekersEnv } from "../env.ts";
import * as repo from "../repository.ts";

/** DELETE /seekers/{n}: the seeker leaves the index with its matches and blocks. */
export async function deleteSeeker(
  env: SeekersEnv,
  principal: Principal,
  meta: RequestMeta,
  seekerNumber: string,
) {
  const { db, clock } = env;
  await db.transaction(async (tx) => {
    if (!(await repo.deleteSeeker(tx, seekerNumber))) throw notFound("seeker");
    await recordSuccess(tx, clock, meta, principal, {
      action: "seeker.erased",
      objectType: "seeker",
      objectId: seekerNumber,
    });
  });
  env.deps.journal?.record("seeker", [seekerNumber]);
}
