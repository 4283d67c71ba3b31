import { type RequestMeta, recordAudit } from "../../../platform/audit/audit.ts";
import type { SessionView } from "../../../platform/auth/access.ts";
import type { IdentityEnv } from "../env.ts";
import * as repo from "../repository.ts";
import { userActor } from "../sessions.ts";

/** Ends the session. */
export async function signOut(env: IdentityEnv, meta: RequestMeta, session: SessionView) {
  const { db, clock } = env;
  await db.transaction(async (tx) => {
    await repo.revokeSession(tx, session.tokenHash, clock.now());
    const user = await repo.findUser(tx, session.userId);
    if (user)
      await recordAudit(tx, clock, meta, {
        actor: userActor(user),
        action: "auth.sign_out",
        outcome: "success",
      });
  });
}
