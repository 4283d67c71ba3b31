import type { Actor } from "../../../platform/audit/actor.ts";
import type { RequestMeta } from "../../../platform/audit/audit.ts";
import type { RemovalGround } from "../../letters/ports.ts";
import type { RegistrationsEnv } from "../env.ts";
import { eraseWithLetter } from "../erasure.ts";

/**
 * For the cases module (which checks access itself): erases a registration because a case
 * says so — an upheld objection, complaint or appeal, a granted erasure request, an accepted
 * new chance — writing the removal letter first (001 §9.1 C; 003 §12.4).
 */
export async function eraseForCase(
  env: RegistrationsEnv,
  id: string,
  caseId: string,
  ground: RemovalGround,
  actor: Actor,
  meta: RequestMeta,
): Promise<boolean> {
  return eraseWithLetter(env, id, { type: "case", by: actor.audit, caseId, ground }, actor, meta);
}
