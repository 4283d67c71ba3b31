import type { Actor } from "../../../platform/audit/actor.ts";
import type { RequestMeta } from "../../../platform/audit/audit.ts";
import { email } from "../delivery.ts";
import type { LettersEnv } from "../env.ts";
import type { PreparedRemoval } from "../production.ts";

/** After the erasing transaction: e-mail the removal letter where an address is known. */
export async function deliverPreparedLetter(
  env: LettersEnv,
  prepared: PreparedRemoval | null,
  actor: Actor,
  meta: RequestMeta,
) {
  if (!prepared) return;
  try {
    await email(env, prepared.letter, actor, meta);
  } catch (err) {
    env.logger.error({ err }, "removal letter could not be e-mailed");
  }
}
