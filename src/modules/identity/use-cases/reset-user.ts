import type { RequestMeta } from "../../../platform/audit/audit.ts";
import { recordSuccess } from "../../../platform/audit/record.ts";
import { fourEyesRequired, type Principal } from "../../../platform/auth/access.ts";
import { generateOneTimePassword, hashPassword } from "../../../platform/auth/index.ts";
import type { Approval } from "../auditor-access.ts";
import type { IdentityEnv } from "../env.ts";
import { manageableUser } from "../policy.ts";
import * as repo from "../repository.ts";

/**
 * Admin reset (lost phone, forgotten password): new one-time password, TOTP set up again. For an
 * auditor's account that would let one consortium admin take it over: it needs a second one
 * (F16), asked as an auditor request and done here only with that request's `approval`.
 */
export async function resetUser(
  env: IdentityEnv,
  principal: Principal,
  meta: RequestMeta,
  id: string,
  approval?: Approval,
) {
  const { db, clock } = env;
  await manageableUser(env, principal, id);
  const roles = (await repo.rolesOf(db, [id])).get(id) ?? [];
  if (roles.includes("auditor") && !approval) throw fourEyesRequired();
  const activationPassword = generateOneTimePassword();
  const passwordHash = await hashPassword(activationPassword);
  await db.transaction(async (tx) => {
    await repo.updateUser(tx, id, {
      passwordHash,
      mustChangePassword: true,
      totpSecret: null,
      totpEnrolledAt: null,
      totpLastStep: null,
      // The second admin's approval is also what enables a disabled auditor again (F16).
      ...(approval ? { status: "active" as const } : {}),
    });
    await repo.replaceRecoveryCodes(tx, id, []);
    await repo.revokeSessionsOfUser(tx, id, clock.now());
    await recordSuccess(tx, clock, meta, principal, {
      action: "user.reset",
      objectType: "user",
      objectId: id,
    });
  });
  return { activationPassword };
}
