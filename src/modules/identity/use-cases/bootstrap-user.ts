import { type AccountInput, insertAccount } from "../accounts.ts";
import { SYSTEM_AUDIT_ACTOR, SYSTEM_META } from "../constants.ts";
import type { IdentityEnv } from "../env.ts";
import * as repo from "../repository.ts";

/**
 * Set-up (CLI only: `setup`, `demo-seed`): an account created by the system. With a
 * `totpSecret` the authenticator is enrolled already (demo users, whose secrets are
 * printed); without, the person enrols at first sign-in. `declared`: the demo's officers have
 * made the declaration already, so that the officer keys in their names work at once (D-840).
 */
export async function bootstrapUser(
  env: IdentityEnv,
  input: AccountInput & { declared?: boolean },
) {
  const { declared, ...account } = input;
  const id = await insertAccount(env, SYSTEM_AUDIT_ACTOR, SYSTEM_META, account);
  if (declared) {
    const profile = await env.deps.organisations.profile();
    await repo.insertDeclarationAcceptance(env.db, {
      userId: id,
      profile: profile.id,
      protocolVersion: profile.version,
      acceptedAt: env.clock.now(),
    });
  }
  return id;
}
