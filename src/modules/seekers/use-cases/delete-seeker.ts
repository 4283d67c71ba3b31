import type { RequestMeta } from "../../../platform/audit/audit.ts";
import { recordSuccess } from "../../../platform/audit/record.ts";
import type { Principal } from "../../../platform/auth/access.ts";
import { notFound } from "../../../platform/errors.ts";
import { identifierRefs } from "../../../platform/logger-identifiers.ts";
import type { SeekersEnv } from "../env.ts";
import * as repo from "../repository.ts";

/**
 * DELETE /seekers/{n}: the seeker leaves the index with its matches and blocks, and the block
 * letters not yet sent are withdrawn.
 */
export async function deleteSeeker(
  env: SeekersEnv,
  principal: Principal,
  meta: RequestMeta,
  seekerNumber: string,
) {
  const { db, clock } = env;
  await db.transaction(async (tx) => {
    const blocks = await repo.blocksOfSeeker(tx, seekerNumber);
    if (!(await repo.deleteSeeker(tx, seekerNumber))) throw notFound("seeker");
    // The blocks go with the seeker; a block letter not yet sent would tell of none (D-673).
    await env.deps.letters.withdrawBlockLetters(
      tx,
      blocks.map((b) => b.id),
    );
    await recordSuccess(tx, clock, meta, principal, {
      action: "seeker.erased",
      objectType: "seeker",
      objectId: seekerNumber,
    });
  });
  // The journal holds the number's keyed reference, never the number (F11).
  const ref = await identifierRefs(env.keyring);
  env.deps.journal?.record("seeker_ref", [ref("seeker_number", seekerNumber)]);
}
