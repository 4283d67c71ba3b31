import { actorOf } from "../../../platform/audit/actor.ts";
import type { RequestMeta } from "../../../platform/audit/audit.ts";
import type { Principal } from "../../../platform/auth/access.ts";
import { protocolRule } from "../../../platform/errors.ts";
import { finalise, letterFinal } from "../delivery.ts";
import type { LettersEnv } from "../env.ts";
import { visibleLetter } from "../policy.ts";
import * as repo from "../repository.ts";
import { letterView } from "../views.ts";

/** 003 ch. 10: no e-mail or postal address known: the dated letter is kept in the system. */
export async function markLetterDocumented(
  env: LettersEnv,
  principal: Principal,
  meta: RequestMeta,
  id: string,
) {
  const row = await visibleLetter(env, principal, id);
  if (row.status !== "draft") throw letterFinal();
  if (row.channel !== "none") {
    throw protocolRule(
      "address_known",
      "An address is known for this letter: send it (by post or e-mail) instead of documenting it.",
      "003 hoofdstuk 10 (alleen als er geen e-mail- of postadres bekend is)",
    );
  }
  await finalise(env, row, { status: "documented" }, actorOf(principal), meta);
  return letterView((await repo.findLetter(env.db, id))!);
}
