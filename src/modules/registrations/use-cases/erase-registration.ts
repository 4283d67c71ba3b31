import { actorOf } from "../../../platform/audit/actor.ts";
import type { RequestMeta } from "../../../platform/audit/audit.ts";
import type { Principal } from "../../../platform/auth/access.ts";
import type { RemovalGround } from "../../letters/ports.ts";
import type { RegistrationsEnv } from "../env.ts";
import { changeableRegistration } from "../policy.ts";
import { subjectOf } from "../views.ts";
import { eraseInTransaction } from "./erase-in-transaction.ts";

/**
 * Erases the registration and its personal data; an audit receipt without personal data
 * remains. The removal letter (001 §9.1 C; 003 §12.4) is written first, while the data
 * still exist, and kept only until it is sent or documented.
 */
export async function eraseRegistration(
  env: RegistrationsEnv,
  principal: Principal,
  meta: RequestMeta,
  id: string,
  ground: RemovalGround = "erased_by_primary_source",
) {
  const { db, deps } = env;
  const row = await changeableRegistration(db, principal, id);
  const actor = actorOf(principal);
  const prepared = await deps.letters.prepareRemovalLetter({
    registrationId: id,
    subject: await subjectOf(env, row),
    ground,
    actor,
  });
  await db.transaction(async (tx) => {
    await eraseInTransaction(
      env,
      tx,
      row,
      meta,
      { type: "manual", by: actorOf(principal).audit, ground },
      { prepared, actor },
    );
  });
  deps.journal?.record("registration", [id]);
  await deps.letters.deliverPrepared(prepared, actor, meta);
}
