import type { IdentityEnv } from "./env.ts";
import * as repo from "./repository.ts";
import type { ApiKeyView, UserView } from "./schemas.ts";

function iso(d: Date | null): string | null {
  return d ? new Date(d).toISOString() : null;
}

/** Accounts as lists and answers show them (with their roles; never secrets). */
export async function userView(env: IdentityEnv, rows: repo.UserRow[]): Promise<UserView[]> {
  const roles = await repo.rolesOf(
    env.db,
    rows.map((r) => r.id),
  );
  return rows.map((u) => ({
    id: u.id,
    organisationId: u.organisationId,
    email: u.email,
    displayName: u.displayName,
    roles: roles.get(u.id) ?? [],
    status: u.status,
    mfaEnrolled: u.totpEnrolledAt !== null,
    lastSignInAt: iso(u.lastSignInAt),
    createdAt: iso(u.createdAt)!,
  }));
}

/** An API key as lists and answers show it (never the key or its hash). */
export function apiKeyView(k: repo.ApiKeyRow): ApiKeyView {
  return {
    id: k.id,
    organisationId: k.organisationId,
    role: k.role,
    label: k.label,
    prefix: k.prefix,
    createdAt: iso(k.createdAt)!,
    expiresOn: k.expiresOn,
    lastUsedAt: iso(k.lastUsedAt),
    revokedAt: iso(k.revokedAt),
    officerId: k.userId,
  };
}
