import { actorOf } from "../../../platform/audit/actor.ts";
import type { RequestMeta } from "../../../platform/audit/audit.ts";
import { recordSuccess } from "../../../platform/audit/record.ts";
import type { Principal, SessionView } from "../../../platform/auth/access.ts";
import {
  checkPasswordPolicy,
  hashPassword,
  type PasswordPolicyResult,
  passwordPolicyMessage,
  verifyPassword,
} from "../../../platform/auth/index.ts";
import { AppError, notFound } from "../../../platform/errors.ts";
import type { IdentityEnv } from "../env.ts";
import * as repo from "../repository.ts";
import { enforceSignInLimits, failureSubjects, recordFailure } from "../sign-in-limits.ts";

/** Changes the caller's own password; every other session of the account ends. */
export async function changePassword(
  env: IdentityEnv,
  meta: RequestMeta,
  principal: Principal,
  session: SessionView | null,
  input: { currentPassword: string; newPassword: string },
) {
  const { db, clock } = env;
  const user = await repo.findUser(db, principal.id);
  if (!user || principal.kind !== "user") throw notFound("account");
  // A stolen session must not become a password-guessing oracle: same limits as sign-in.
  const subjects = await failureSubjects(env, user.email, meta.clientAddress);
  await enforceSignInLimits(env, subjects);
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    await recordFailure(
      env,
      meta,
      subjects,
      {
        actor: actorOf(principal).audit,
        action: "auth.password_change",
        outcome: "refused",
        details: { reason: "wrong_current_password" },
      },
      user,
    );
    throw new AppError("forbidden", "The current password is not right.", {
      code: "invalid_credentials",
    });
  }
  // The current password again is no change (F10); the activation password neither.
  const policy: PasswordPolicyResult = (await verifyPassword(user.passwordHash, input.newPassword))
    ? { ok: false, code: "password_reused" }
    : checkPasswordPolicy(input.newPassword, { email: user.email, name: user.displayName });
  // The API speaks English, as its other errors do; pages show the catalogue's text for the
  // code in the reader's language (platform/auth/password-messages.ts).
  if (!policy.ok)
    throw new AppError("invalid_input", passwordPolicyMessage(policy.code, "en"), {
      code: policy.code,
    });
  const hash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await repo.updateUser(tx, user.id, {
      passwordHash: hash,
      mustChangePassword: false,
      passwordChangedAt: clock.now(),
    });
    // Every other session of this account ends (issue 3: revoked on password change).
    await repo.revokeSessionsOfUser(tx, user.id, clock.now(), session?.tokenHash);
    await recordSuccess(tx, clock, meta, principal, {
      action: "auth.password_changed",
    });
  });
}
