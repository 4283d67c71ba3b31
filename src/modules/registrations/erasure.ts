import type { Actor } from "../../platform/audit/actor.ts";
import type { RequestMeta } from "../../platform/audit/audit.ts";
import type { ErasureReason, RegistrationsEnv } from "./env.ts";
import * as repo from "./repository.ts";
import { eraseInTransaction } from "./use-cases/erase-in-transaction.ts";
import { subjectOf } from "./views.ts";

/** Erases a registration for a stated reason, writing its removal letter first. */
export async function eraseWithLetter(
  env: RegistrationsEnv,
  id: string,
  why: ErasureReason,
  actor: Actor,
  meta: RequestMeta,
): Promise<boolean> {
  const { db, deps } = env;
  const row = await repo.findRegistration(db, id);
  if (!row) return false;
  const prepared = await deps.letters.prepareRemovalLetter({
    registrationId: id,
    subject: await subjectOf(env, row),
    ground: why.ground ?? "erased_by_primary_source",
    actor,
  });
  await db.transaction(async (tx) => {
    await eraseInTransaction(env, tx, row, meta, why, { prepared, actor });
  });
  deps.journal?.record("registration", [id]);
  await deps.letters.deliverPrepared(prepared, actor, meta);
  return true;
}
