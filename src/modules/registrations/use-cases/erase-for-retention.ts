import { SYSTEM } from "../../../platform/audit/actor.ts";
import type { RequestMeta } from "../../../platform/audit/audit.ts";
import { compareDates } from "../../../platform/werkdagen.ts";
import type { RemovalGround } from "../../letters/ports.ts";
import type { RegistrationsEnv } from "../env.ts";
import { eraseWithLetter } from "../erasure.ts";
import { endParts } from "./end-part.ts";

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

/**
 * For the retention job: the parts of a registration whose term has ended go, the others run
 * on (003 §6 punt 1, §7; issue #20). In its own transaction, like a whole erasure.
 */
export async function endPartsForRetention(
  env: RegistrationsEnv,
  id: string,
  today: string,
  meta: RequestMeta,
) {
  return endParts(
    env,
    id,
    (p) => compareDates(p.endDate, today) <= 0,
    { type: "retention", by: null, ground: "term_expired" },
    SYSTEM,
    meta,
  );
}
