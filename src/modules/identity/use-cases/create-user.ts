import { actorOf } from "../../../platform/audit/actor.ts";
import type { RequestMeta } from "../../../platform/audit/audit.ts";
import { fourEyesRequired, type Principal } from "../../../platform/auth/access.ts";
import { generateOneTimePassword } from "../../../platform/auth/index.ts";
import { checkAccountRequest, insertAccount } from "../accounts.ts";
import type { Approval } from "../auditor-access.ts";
import type { IdentityEnv } from "../env.ts";
import * as repo from "../repository.ts";
import type { CreateUserInput } from "../schemas.ts";
import { userView } from "../views.ts";

/**
 * Creates an account with a one-time password; the person must change it and enrol TOTP. An
 * auditor account needs a second consortium admin (F16): it is asked as an auditor request and
 * made here only with that request's `approval`.
 */
export async function createUser(
  env: IdentityEnv,
  principal: Principal,
  meta: RequestMeta,
  input: CreateUserInput,
  approval?: Approval,
) {
  const { db } = env;
  await checkAccountRequest(env, principal, input);
  if (input.roles.includes("auditor") && !approval) throw fourEyesRequired();
  const activationPassword = generateOneTimePassword();
  const id = await insertAccount(env, actorOf(principal).audit, meta, {
    ...input,
    password: activationPassword,
    mustChangePassword: true,
  });
  const [user] = await userView(env, [(await repo.findUser(db, id))!]);
  return { user: user!, activationPassword };
}
