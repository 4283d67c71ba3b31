import { SYSTEM } from "../../../platform/audit/actor.ts";
import type { RequestMeta } from "../../../platform/audit/audit.ts";
import type { RemovalGround } from "../../letters/ports.ts";
import type { RegistrationsEnv } from "../env.ts";
import { eraseWithLetter } from "../erasure.ts";

/**
 * For the retention job (issue 9): the term has ended, a claim was settled … — the
 * registration is erased with its removal letter, in its own transaction (a job that stops
 * half-way leaves every registration either erased or untouched).
 */
export async function eraseForRetention(
  env: RegistrationsEnv,
  id: string,
  ground: RemovalGround,
  meta: RequestMeta,
) {
  return eraseWithLetter(env, id, { type: "retention", by: null, ground }, SYSTEM, meta);
}
