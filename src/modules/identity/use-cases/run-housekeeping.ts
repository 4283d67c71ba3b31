import { SESSION_IDLE_MS, SIGN_IN_LIMITS } from "../constants.ts";
import type { IdentityEnv } from "../env.ts";
import * as repo from "../repository.ts";

/** Housekeeping: dead sessions and old sign-in failures are deleted. */
export async function runHousekeeping(env: IdentityEnv) {
  const { db, clock } = env;
  const now = clock.now();
  const sessionsDeleted = await repo.deleteDeadSessions(
    db,
    now,
    new Date(now.getTime() - SESSION_IDLE_MS),
  );
  const signInFailuresDeleted = await repo.deleteSignInFailuresBefore(
    db,
    new Date(now.getTime() - SIGN_IN_LIMITS.windowMs),
  );
  return { sessionsDeleted, signInFailuresDeleted };
}
