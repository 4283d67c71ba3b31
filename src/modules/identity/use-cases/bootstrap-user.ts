import { type AccountInput, insertAccount } from "../accounts.ts";
import { SYSTEM_AUDIT_ACTOR, SYSTEM_META } from "../constants.ts";
import type { IdentityEnv } from "../env.ts";

/**
 * Set-up (CLI only: `setup`, `demo-seed`): an account created by the system. With a
 * `totpSecret` the authenticator is enrolled already (demo users, whose secrets are
 * printed); without, the person enrols at first sign-in.
 */
export async function bootstrapUser(env: IdentityEnv, input: AccountInput) {
  return insertAccount(env, SYSTEM_AUDIT_ACTOR, SYSTEM_META, input);
}
