import type { RequestMeta } from "../../../platform/audit/audit.ts";
import { recordSuccess } from "../../../platform/audit/record.ts";
import type { Principal } from "../../../platform/auth/access.ts";
import { notFound } from "../../../platform/errors.ts";
import type { RegistrationsEnv } from "../env.ts";
import { evidenceOf } from "../person-data.ts";
import { assertMayReadGrounds } from "../policy.ts";
import { findRegistration } from "../repository.ts";
import type { RegistrationGrounds } from "../schemas.ts";
import { summary } from "../views.ts";

/**
 * What one registration rests on, for the auditor (issue 20 parts 2 and 3; 003 §8
 * "gedocumenteerd herleidbaar", §12.1 "naam van geautoriseerd functionaris", ch. 21): the
 * decision with its parts and protocol version, the evidence per criterion and the officers who
 * entered, decided and took the second look, by name. Never the person or an address: the
 * audit checks the decision, not whom it is about (minimisation, D-960). The look is logged.
 */
export async function getRegistrationGrounds(
  env: RegistrationsEnv,
  principal: Principal,
  meta: RequestMeta,
  id: string,
): Promise<RegistrationGrounds> {
  assertMayReadGrounds(principal);
  const { db, clock } = env;
  const row = await findRegistration(db, id);
  if (!row) throw notFound("registration");
  const grounds = {
    ...(await summary(env, row, undefined, principal)),
    evidence: await evidenceOf(env, row),
  };
  await recordSuccess(db, clock, meta, principal, {
    action: "registration.grounds_viewed",
    objectType: "registration",
    objectId: id,
  });
  return grounds;
}
