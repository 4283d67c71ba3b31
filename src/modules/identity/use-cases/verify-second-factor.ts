import type { RequestMeta } from "../../../platform/audit/audit.ts";
import type { SessionView } from "../../../platform/auth/access.ts";
import { AppError } from "../../../platform/errors.ts";
import type { IdentityEnv } from "../env.ts";
import * as repo from "../repository.ts";
import { checkSecondFactor, finishSignIn, type SecondFactorInput } from "../second-factor.ts";
import { userActor } from "../sessions.ts";
import { enforceSignInLimits, failureSubjects, recordFailure } from "../sign-in-limits.ts";

/** Second step: a TOTP code (or a recovery code). A new session id replaces the old one. */
export async function verifySecondFactor(
  env: IdentityEnv,
  meta: RequestMeta,
  session: SessionView,
  input: SecondFactorInput,
) {
  const user = await repo.findUser(env.db, session.userId);
  if (!user?.totpEnrolledAt || !user.totpSecret) {
    throw new AppError("conflict", "Set up your authenticator app first.", {
      code: "mfa_not_enrolled",
    });
  }
  const subjects = await failureSubjects(env, user.email, meta.clientAddress);
  await enforceSignInLimits(env, subjects);
  const checked = await checkSecondFactor(env, { ...user, totpSecret: user.totpSecret }, input);
  if (!checked.ok) {
    await recordFailure(
      env,
      meta,
      subjects,
      {
        actor: userActor(user),
        action: "auth.second_factor",
        outcome: "refused",
        details: { method: checked.method },
      },
      user,
    );
    throw new AppError("unauthenticated", "That code is not right, or was already used.", {
      code: "invalid_code",
    });
  }
  return finishSignIn(env, meta, user, checked, session.tokenHash);
}
