import type { Actor } from "../../../platform/audit/actor.ts";
import type { RequestMeta } from "../../../platform/audit/audit.ts";
import type { Db } from "../../../platform/db/database.ts";
import { storeLetter } from "../delivery.ts";
import type { LettersEnv } from "../env.ts";
import type { PreparedRemoval } from "../production.ts";
import * as repo from "../repository.ts";

/**
 * In the erasing transaction: the registration's open duties are cancelled, every letter
 * about it loses its content (a receipt without personal data stays), and the prepared
 * removal letter with its duty is stored.
 */
export async function recordErasure(
  env: LettersEnv,
  tx: Db,
  input: { registrationId: string; organisationId: string; prepared: PreparedRemoval | null },
  actor: Actor,
  meta: RequestMeta,
) {
  await repo.forgetRegistration(tx, input.organisationId, input.registrationId, env.clock.now());
  if (input.prepared) {
    await repo.insertDuty(tx, input.prepared.duty);
    await storeLetter(env, tx, input.prepared.letter, actor, meta);
  }
}
