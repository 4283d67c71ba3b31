import { type RequestMeta, recordAudit } from "../../platform/audit/audit.ts";
import { hashRecoveryCode, normaliseRecoveryCode, verifyTotp } from "../../platform/auth/index.ts";
import { AppError } from "../../platform/errors.ts";
import { totpPlace } from "./constants.ts";
import type { IdentityEnv } from "./env.ts";
import * as repo from "./repository.ts";
import { newSession, userActor } from "./sessions.ts";

export type SecondFactorInput = { code: string } | { recoveryCode: string };

/**
 * Checks a TOTP code (RFC 6238, no replay of a used step) or a recovery code (spent when it
 * matches) of an enrolled account. `step` is the TOTP step to record on success.
 */
export async function checkSecondFactor(
  env: IdentityEnv,
  user: repo.UserRow & { totpSecret: string },
  input: SecondFactorInput,
): Promise<{ ok: boolean; step: number | null; method: string }> {
  const { db, clock, keyring } = env;
  if ("code" in input) {
    const secret = await keyring.decrypt(user.organisationId, user.totpSecret, totpPlace(user.id));
    const result = verifyTotp({
      secret,
      code: input.code,
      now: clock.now(),
      lastUsedStep: user.totpLastStep,
    });
    return result.ok
      ? { ok: true, step: result.step, method: "totp" }
      : { ok: false, step: null, method: `totp_${result.reason}` };
  }
  const ok = await repo.useRecoveryCode(
    db,
    user.id,
    hashRecoveryCode(normaliseRecoveryCode(input.recoveryCode)),
    clock.now(),
  );
  return { ok, step: null, method: "recovery_code" };
}

/**
 * The end of a sign-in with both factors right: the TOTP step is recorded (of two requests
 * with the same code exactly one gets here), the half-signed-in session (if any) ends, and a
 * full session begins; audited as `auth.sign_in`.
 */
export async function finishSignIn(
  env: IdentityEnv,
  meta: RequestMeta,
  user: repo.UserRow,
  checked: { step: number | null; method: string },
  preAuthTokenHash: string | null,
) {
  const { db, clock } = env;
  return db.transaction(async (tx) => {
    if (checked.step !== null && !(await repo.advanceTotpStep(tx, user.id, checked.step))) {
      throw new AppError("unauthenticated", "That code is not right, or was already used.", {
        code: "invalid_code",
      });
    }
    if (preAuthTokenHash) await repo.revokeSession(tx, preAuthTokenHash, clock.now());
    await repo.updateUser(tx, user.id, { lastSignInAt: clock.now() });
    await recordAudit(tx, clock, meta, {
      actor: userActor(user),
      action: "auth.sign_in",
      outcome: "success",
      details: { method: checked.method },
    });
    return newSession(env, tx, user, true);
  });
}
