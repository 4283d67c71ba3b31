import { randomUUID } from "node:crypto";
import { type RequestMeta, recordAudit } from "../../../platform/audit/audit.ts";
import { hashPassword, verifyPassword } from "../../../platform/auth/index.ts";
import { AppError } from "../../../platform/errors.ts";
import type { IdentityEnv } from "../env.ts";
import * as repo from "../repository.ts";
import { checkSecondFactor, finishSignIn } from "../second-factor.ts";
import { newSession, userActor } from "../sessions.ts";
import { enforceSignInLimits, failureSubjects, recordFailure } from "../sign-in-limits.ts";

// A real argon2id hash of a random password: signing in as an unknown e-mail costs the
// same time as a wrong password, so timing does not tell which accounts exist.
let dummyHash: Promise<string> | undefined;

/**
 * First step of signing in. Whatever is wrong (unknown e-mail, wrong password, disabled
 * account, organisation without access) the answer is the same, so it tells an attacker
 * nothing. On success a short pre-authentication session is created: the second factor
 * is always needed before anything else (issue 3: no session without it).
 *
 * With `code` (the TOTP code) both factors are checked in one request and the answer is a
 * full session or the same refusal: the way in while somebody else's failures keep the
 * account's delay running (F8), as it skips that delay (sign-in-limits.ts).
 */
export async function signIn(
  env: IdentityEnv,
  meta: RequestMeta,
  input: { email: string; password: string; code?: string | undefined },
) {
  const { db, clock, deps } = env;
  const email = input.email.trim().toLowerCase();
  const withCode = input.code !== undefined;
  const subjects = await failureSubjects(env, email, meta.clientAddress);
  await enforceSignInLimits(env, subjects, { withCode });
  const user = await repo.findUserByEmail(db, email);
  dummyHash ??= hashPassword(randomUUID());
  const passwordOk = await verifyPassword(user?.passwordHash ?? (await dummyHash), input.password);
  const access = user ? await deps.organisations.accessOf(user.organisationId) : undefined;
  const allowed = user && passwordOk && user.status === "active" && access && !access.refusal;
  const second =
    allowed && input.code !== undefined
      ? user.totpEnrolledAt && user.totpSecret
        ? await checkSecondFactor(
            env,
            { ...user, totpSecret: user.totpSecret },
            { code: input.code },
          )
        : { ok: false, step: null, method: "not_enrolled" }
      : null;
  if (!allowed || (second && !second.ok)) {
    await recordFailure(
      env,
      meta,
      subjects,
      {
        actor: user
          ? userActor(user)
          : { type: "public", id: null, organisationId: null, role: null },
        action: "auth.sign_in",
        outcome: "refused",
        details: {
          reason: !user
            ? "unknown_account"
            : !passwordOk
              ? "wrong_password"
              : user.status !== "active"
                ? "account_disabled"
                : (access?.refusal ?? second?.method ?? "no_organisation"),
          ...(withCode ? { withCode: true } : {}),
        },
      },
      user,
      { withCode },
    );
    throw new AppError("unauthenticated", "The e-mail address or password is not right.", {
      code: "invalid_credentials",
    });
  }
  if (second) {
    await repo.clearSignInFailures(db, subjects.pair);
    const session = await finishSignIn(
      env,
      meta,
      user,
      { step: second.step, method: "password_and_totp" },
      null,
    );
    return { ...session, status: "signed_in" as const };
  }
  const session = await db.transaction(async (tx) => {
    await repo.clearSignInFailures(tx, subjects.pair);
    await recordAudit(tx, clock, meta, {
      actor: userActor(user),
      action: "auth.password_verified",
      outcome: "success",
    });
    return newSession(env, tx, user, false);
  });
  return {
    token: session.token,
    csrfToken: session.csrfToken,
    status: user.totpEnrolledAt ? ("mfa_required" as const) : ("mfa_enrolment_required" as const),
  };
}
