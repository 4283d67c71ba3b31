import type { RequestMeta } from "../../../platform/audit/audit.ts";
import type { Principal } from "../../../platform/auth/access.ts";
import { protocolRule } from "../../../platform/errors.ts";
import { finaliseDraft } from "../delivery.ts";
import type { LettersEnv } from "../env.ts";

/** 003 ch. 10: no e-mail or postal address known: the dated letter is kept in the system. */
export async function markLetterDocumented(
  env: LettersEnv,
  principal: Principal,
  meta: RequestMeta,
  id: string,
) {
  return finaliseDraft(env, principal, meta, id, { status: "documented" }, (row) => {
    if (row.channel !== "none") {
      throw protocolRule(
        "address_known",
        "An address is known for this letter: send it (by post or e-mail) instead of documenting it.",
        "003 hoofdstuk 10 (alleen als er geen e-mail- of postadres bekend is)",
      );
    }
  });
}
