import type { Principal } from "../../platform/auth/access.ts";
import { hashToken, newCsrfToken, newSessionToken } from "../../platform/auth/index.ts";
import type { Role } from "../../platform/auth/roles.ts";
import type { Db } from "../../platform/db/database.ts";
import { PRE_AUTH_MS, SESSION_ABSOLUTE_MS } from "./constants.ts";
import type { IdentityEnv } from "./env.ts";
import * as repo from "./repository.ts";

async function declarationRequired(
  env: IdentityEnv,
  userId: string,
  roles: readonly Role[],
): Promise<boolean> {
  const profile = await env.deps.organisations.profile();
  if (!roles.some((r) => profile.declaration.roles.includes(r))) return false;
  return !(await repo.hasAcceptedDeclaration(env.db, userId, profile.id, profile.version));
}

/** The principal of an active account of an organisation with access; null otherwise. */
export async function principalForUser(
  env: IdentityEnv,
  user: repo.UserRow,
): Promise<Principal | null> {
  if (user.status !== "active") return null;
  const access = await env.deps.organisations.accessOf(user.organisationId);
  if (!access || access.refusal) return null;
  const roles = (await repo.rolesOf(env.db, [user.id])).get(user.id) ?? [];
  return {
    kind: "user",
    id: user.id,
    organisationId: user.organisationId,
    organisationKind: access.kind,
    roles,
    declarationRequired: await declarationRequired(env, user.id, roles),
    mustChangePassword: user.mustChangePassword,
  };
}

/** A new session (only its token's hash is stored); short until the second factor is given. */
export async function newSession(
  env: IdentityEnv,
  tx: Db,
  user: repo.UserRow,
  mfaPassed: boolean,
): Promise<{ token: string; csrfToken: string }> {
  const token = newSessionToken();
  const csrfToken = newCsrfToken();
  const now = env.clock.now();
  await repo.insertSession(tx, {
    tokenHash: hashToken(token),
    userId: user.id,
    organisationId: user.organisationId,
    mfaPassed,
    csrfToken,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + (mfaPassed ? SESSION_ABSOLUTE_MS : PRE_AUTH_MS)),
  });
  return { token, csrfToken };
}

/** How the audit log names a person acting on their own account. */
export function userActor(user: repo.UserRow) {
  return { type: "user" as const, id: user.id, organisationId: user.organisationId, role: null };
}
