import type { Principal } from "../../../platform/auth/access.ts";
import type { IdentityEnv } from "../env.ts";
import * as repo from "../repository.ts";

/** Who am I: account, roles, organisation and the declaration to accept. */
export async function me(env: IdentityEnv, principal: Principal) {
  const { db, deps } = env;
  const profile = await deps.organisations.profile();
  const access = await deps.organisations.accessOf(principal.organisationId);
  const user = principal.kind === "user" ? await repo.findUser(db, principal.id) : undefined;
  return {
    kind: principal.kind,
    id: principal.id,
    email: user?.email ?? null,
    displayName: user?.displayName ?? null,
    roles: [...principal.roles],
    organisation: { id: principal.organisationId, name: access?.name ?? "" },
    mustChangePassword: principal.mustChangePassword,
    declaration: {
      required: principal.declarationRequired,
      profile: profile.id,
      version: profile.version,
      text: profile.declaration.text,
      source: profile.declaration.source,
    },
  };
}
