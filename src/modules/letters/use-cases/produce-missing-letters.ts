import { actorOf } from "../../../platform/audit/actor.ts";
import type { RequestMeta } from "../../../platform/audit/audit.ts";
import type { Principal } from "../../../platform/auth/access.ts";
import { AppError } from "../../../platform/errors.ts";
import { produce } from "../delivery.ts";
import type { LettersEnv } from "../env.ts";
import { letterScope, mayProduceLetters } from "../policy.ts";
import * as repo from "../repository.ts";

/** Produces letters for open duties that have none yet (e.g. after a CSV import), oldest first. */
export async function produceMissingLetters(
  env: LettersEnv,
  principal: Principal,
  meta: RequestMeta,
  limit: number,
) {
  if (!mayProduceLetters(principal))
    throw new AppError("forbidden", "Your role does not allow this.");
  const duties = await repo.openDutiesWithoutLetter(env.db, letterScope(principal), limit);
  let produced = 0;
  let failed = 0;
  for (const duty of duties) {
    try {
      await produce(env, duty, { actor: actorOf(principal), meta });
      produced++;
    } catch (err) {
      failed++;
      env.logger.warn({ dutyId: duty.id, error: (err as Error).message }, "letter not produced");
    }
  }
  return { produced, failed };
}
