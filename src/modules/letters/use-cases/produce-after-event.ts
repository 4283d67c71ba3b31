import { type Actor, SYSTEM } from "../../../platform/audit/actor.ts";
import type { RequestMeta } from "../../../platform/audit/audit.ts";
import { produce } from "../delivery.ts";
import { type LettersEnv, NO_META } from "../env.ts";
import * as repo from "../repository.ts";

/**
 * Produces the letter for an open duty right after the event that owes it (called after
 * the event's transaction). Never throws: a letter that cannot be made now stays an open
 * duty on the worklist, and the event itself stands.
 */
export async function produceAfterEvent(
  env: LettersEnv,
  dutyId: string,
  actor: Actor = SYSTEM,
  meta: RequestMeta = NO_META,
) {
  try {
    const duty = await repo.findDuty(env.db, dutyId);
    if (duty?.status === "open") await produce(env, duty, { actor, meta });
  } catch (err) {
    env.logger.error({ err, dutyId }, "letter could not be produced; the duty stays open");
  }
}
