import type { Principal, SessionView } from "../../../platform/auth/access.ts";
import { hashToken } from "../../../platform/auth/index.ts";
import { SESSION_IDLE_MS } from "../constants.ts";
import type { IdentityEnv } from "../env.ts";
import * as repo from "../repository.ts";
import { principalForUser } from "../sessions.ts";

/** Looks up a session cookie; expired, idle or revoked sessions are not found. */
export async function authenticateSession(
  env: IdentityEnv,
  token: string,
): Promise<{ session: SessionView; principal: Principal | null } | null> {
  const { db, clock, deps } = env;
  const now = clock.now();
  const tokenHash = hashToken(token);
  const row = await repo.findLiveSession(
    db,
    tokenHash,
    now,
    new Date(now.getTime() - SESSION_IDLE_MS),
  );
  if (!row) return null;
  const user = await repo.findUser(db, row.userId);
  if (user?.status !== "active") return null;
  const access = await deps.organisations.accessOf(user.organisationId);
  if (!access || access.refusal) return null;
  await repo.touchSession(db, tokenHash, now);
  const session = {
    tokenHash,
    userId: row.userId,
    mfaPassed: row.mfaPassed,
    csrfToken: row.csrfToken,
  };
  return { session, principal: row.mfaPassed ? await principalForUser(env, user) : null };
}
