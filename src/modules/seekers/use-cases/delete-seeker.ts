import { actorOf } from "../../../platform/audit/actor.ts";
import { type RequestMeta, recordAudit } from "../../../platform/audit/audit.ts";
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
    await recordAudit(tx, clock, meta, {
      actor: actorOf(principal).audit,
      action: "seeker.erased",
      objectType: "seeker",
      objectId: seekerNumber,
      outcome: "success",
    });
  });
  env.deps.journal?.record("seeker", [seekerNumber]);
}
