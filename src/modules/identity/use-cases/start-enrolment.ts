import type { SessionView } from "../../../platform/auth/access.ts";
import { createTotpSecret, totpQrSvg, totpUri } from "../../../platform/auth/index.ts";
import { AppError, notFound } from "../../../platform/errors.ts";
import { totpPlace } from "../constants.ts";
import type { IdentityEnv } from "../env.ts";
import * as repo from "../repository.ts";

/** Enrolment: a new secret (kept encrypted until confirmed), shown as URI and QR code. */
export async function startEnrolment(env: IdentityEnv, session: SessionView) {
  const { db, keyring } = env;
  const user = await repo.findUser(db, session.userId);
  if (!user) throw notFound("account");
  if (user.totpEnrolledAt) {
    throw new AppError("conflict", "An authenticator app is already set up for this account.", {
      code: "mfa_already_enrolled",
    });
  }
  const secret = createTotpSecret();
  await repo.updateUser(db, user.id, {
    totpSecret: await keyring.encrypt(user.organisationId, secret, totpPlace(user.id)),
  });
  const uri = totpUri({ secret, accountName: user.email, issuer: "Woonsignaal" });
  return { secret, otpauthUri: uri, qrSvg: await totpQrSvg(uri) };
}
