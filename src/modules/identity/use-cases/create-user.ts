import { actorOf } from "../../../platform/audit/actor.ts";
import type { RequestMeta } from "../../../platform/audit/audit.ts";
import type { Principal } from "../../../platform/auth/access.ts";
import { generateOneTimePassword } from "../../../platform/auth/index.ts";
import { AppError } from "../../../platform/errors.ts";
import { checkOfficerCap, insertAccount } from "../accounts.ts";
import type { IdentityEnv } from "../env.ts";
import { checkRolesFit, requireManageable } from "../policy.ts";
import * as repo from "../repository.ts";
import type { CreateUserInput } from "../schemas.ts";
import { userView } from "../views.ts";

/** Creates an account with a one-time password; the person must change it and enrol TOTP. */
export async function createUser(
  env: IdentityEnv,
  principal: Principal,
  meta: RequestMeta,
  input: CreateUserInput,
) {
  const { db } = env;
  const access = await requireManageable(env, principal, input.organisationId);
  if (access.refusal === "withdrawn" || access.refusal === "excluded") {
    throw new AppError("conflict", "This organisation has left the register.");
  }
  if (await repo.findUserByEmail(db, input.email)) {
    throw new AppError("conflict", "There is already an account with this e-mail address.", {
      code: "email_taken",
    });
  }
  checkRolesFit(access.kind, input.roles);
  await checkOfficerCap(env, input.organisationId, input.roles);
  const activationPassword = generateOneTimePassword();
  const id = await insertAccount(env, actorOf(principal).audit, meta, {
    ...input,
    password: activationPassword,
    mustChangePassword: true,
  });
  const [user] = await userView(env, [(await repo.findUser(db, id))!]);
  return { user: user!, activationPassword };
}
