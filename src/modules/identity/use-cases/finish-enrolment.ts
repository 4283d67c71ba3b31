import { type RequestMeta, recordAudit } from "../../../platform/audit/audit.ts";
import type { SessionView } from "../../../platform/auth/access.ts";
import {
  generateRecoveryCodes,
  hashRecoveryCode,
  normaliseRecoveryCode,
  verifyTotp,
} from "../../../platform/auth/index.ts";
import { AppError } from "../../../platform/errors.ts";
import { totpPlace } from "../constants.ts";
import type { IdentityEnv } from "../env.ts";
import * as repo from "../repository.ts";
import { newSession, userActor } from "../sessions.ts";

/** Confirms enrolment with a first code; returns recovery codes, shown once. */
export async function finishEnrolment(
  env: IdentityEnv,
  meta: RequestMeta,
  session: SessionView,
  code: string,
) {
  const { db, clock, keyring } = env;
  const user = await repo.findUser(db, session.userId);
  if (!user?.totpSecret || user.totpEnrolledAt) {
    throw new AppError("conflict", "Start the set-up of your authenticator app first.", {
      code: "mfa_enrolment_not_started",
    });
  }
  const secret = await keyring.decrypt(user.organisationId, user.totpSecret, totpPlace(user.id));
  const result = verifyTotp({
    secret,
    code,
    now: clock.now(),
    lastUsedStep: user.totpLastStep,
  });
  if (!result.ok) {
    throw new AppError(
      "unauthenticated",
      "That code is not right. Check the time on your phone and try again.",
      { code: "invalid_code" },
    );
  }
  const recoveryCodes = generateRecoveryCodes();
  const next = await db.transaction(async (tx) => {
    await repo.updateUser(tx, user.id, {
      totpEnrolledAt: clock.now(),
      totpLastStep: result.step,
      lastSignInAt: clock.now(),
    });
    await repo.replaceRecoveryCodes(
      tx,
      user.id,
      recoveryCodes.map((c) => hashRecoveryCode(normaliseRecoveryCode(c))),
    );
    await repo.revokeSession(tx, session.tokenHash, clock.now());
    await recordAudit(tx, clock, meta, {
      actor: userActor(user),
      action: "auth.mfa_enrolled",
      outcome: "success",
    });
    return newSession(env, tx, user, true);
  });
  return { ...next, recoveryCodes };
}
