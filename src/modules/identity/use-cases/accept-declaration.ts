import type { RequestMeta } from "../../../platform/audit/audit.ts";
import { recordSuccess } from "../../../platform/audit/record.ts";
import type { Principal } from "../../../platform/auth/access.ts";
import { AppError } from "../../../platform/errors.ts";
import type { IdentityEnv } from "../env.ts";
import * as repo from "../repository.ts";

/** Records acceptance of the declaration for the region's current protocol version. */
export async function acceptDeclaration(env: IdentityEnv, meta: RequestMeta, principal: Principal) {
  const { db, clock, deps } = env;
  if (principal.kind !== "user")
    throw new AppError("forbidden", "Only people accept the declaration.");
  const profile = await deps.organisations.profile();
  await db.transaction(async (tx) => {
    await repo.insertDeclarationAcceptance(tx, {
      userId: principal.id,
      profile: profile.id,
      protocolVersion: profile.version,
      acceptedAt: clock.now(),
    });
    await recordSuccess(tx, clock, meta, principal, {
      action: "auth.declaration_accepted",
      details: {
        profile: profile.id,
        version: profile.version,
        source: profile.declaration.source,
      },
    });
  });
}
