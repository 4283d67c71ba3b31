import { type RequestMeta, recordAudit } from "../../../platform/audit/audit.ts";
import type { SessionView } from "../../../platform/auth/access.ts";
import {
  hashRecoveryCode,
  normaliseRecoveryCode,
  verifyTotp,
} from "../../../platform/auth/index.ts";
import { AppError } from "../../../platform/errors.ts";
import { totpPlace } from "../constants.ts";
import type { IdentityEnv } from "../env.ts";
import * as repo from "../repository.ts";
import { newSession, userActor } from "../sessions.ts";
import { enforceSignInLimits, failureSubjects, recordFailure } from "../sign-in-limits.ts";

/** Second step: a TOTP code (or a recovery code). A new session id replaces the old one. */
export async function verifySecondFactor(
  env: IdentityEnv,
  meta: RequestMeta,
  session: SessionView,
  input: { code: string } | { recoveryCode: string },
) {
  const { db, clock, keyring } = env;
  const user = await repo.findUser(db, session.userId);
  if (!user?.totpEnrolledAt || !user.totpSecret) {
    throw new AppError("conflict", "Set up your authenticator app first.", {
      code: "mfa_not_enrolled",
    });
  }
  const subjects = await failureSubjects(env, user.email, meta.clientAddress);
  await enforceSignInLimits(env, subjects);
  let ok = false;
  let step: number | null = null;
  let method = "totp";
  if ("code" in input) {
    const secret = await keyring.decrypt(user.organisationId, user.totpSecret, totpPlace(user.id));
    const result = verifyTotp({
      secret,
      code: input.code,
      now: clock.now(),
      lastUsedStep: user.totpLastStep,
    });
    ok = result.ok;
    if (result.ok) step = result.step;
    else method = `totp_${result.reason}`;
  } else {
    method = "recovery_code";
    ok = await repo.useRecoveryCode(
      db,
      user.id,
      hashRecoveryCode(normaliseRecoveryCode(input.recoveryCode)),
      clock.now(),
    );
  }
  if (!ok) {
    await recordFailure(env, meta, subjects, {
      actor: userActor(user),
      action: "auth.second_factor",
      outcome: "refused",
      details: { method },
    });
    throw new AppError("unauthenticated", "That code is not right, or was already used.", {
      code: "invalid_code",
    });
  }
  return db.transaction(async (tx) => {
    if (step !== null && !(await repo.advanceTotpStep(tx, user.id, step))) {
      throw new AppError("unauthenticated", "That code is not right, or was already used.", {
        code: "invalid_code",
      });
    }
    await repo.revokeSession(tx, session.tokenHash, clock.now());
    await repo.updateUser(tx, user.id, { lastSignInAt: clock.now() });
    await recordAudit(tx, clock, meta, {
      actor: userActor(user),
      action: "auth.sign_in",
      outcome: "success",
      details: { method },
    });
    return newSession(env, tx, user, true);
  });
}
