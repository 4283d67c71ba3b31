import { randomUUID } from "node:crypto";
import { type RequestMeta, recordAudit } from "../../../platform/audit/audit.ts";
import { hashPassword, verifyPassword } from "../../../platform/auth/index.ts";
import { AppError } from "../../../platform/errors.ts";
import type { IdentityEnv } from "../env.ts";
import * as repo from "../repository.ts";
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
 */
export async function signIn(
  env: IdentityEnv,
  meta: RequestMeta,
  input: { email: string; password: string },
) {
  const { db, clock, deps } = env;
  const email = input.email.trim().toLowerCase();
  const subjects = await failureSubjects(env, email, meta.clientAddress);
  await enforceSignInLimits(env, subjects);
  const user = await repo.findUserByEmail(db, email);
  dummyHash ??= hashPassword(randomUUID());
  const passwordOk = await verifyPassword(user?.passwordHash ?? (await dummyHash), input.password);
  const access = user ? await deps.organisations.accessOf(user.organisationId) : undefined;
  const allowed = user && passwordOk && user.status === "active" && access && !access.refusal;
  if (!allowed) {
    await recordFailure(env, meta, subjects, {
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
              : (access?.refusal ?? "no_organisation"),
      },
    });
    throw new AppError("unauthenticated", "The e-mail address or password is not right.", {
      code: "invalid_credentials",
    });
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
