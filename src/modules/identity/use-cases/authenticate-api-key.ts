import type { Principal } from "../../../platform/auth/access.ts";
import { hashToken, parseApiKey, safeEqual } from "../../../platform/auth/index.ts";
import type { Role } from "../../../platform/auth/roles.ts";
import { compareDates } from "../../../platform/werkdagen.ts";
import type { IdentityEnv } from "../env.ts";
import { officerStillEligible } from "../named-officer.ts";
import * as repo from "../repository.ts";

/** Authenticates `Authorization: Bearer <key>`; null for an unknown, revoked or expired key. */
export async function authenticateApiKey(env: IdentityEnv, key: string): Promise<Principal | null> {
  const { db, clock, deps } = env;
  const parsed = parseApiKey(key);
  if (!parsed) return null;
  const row = await repo.findApiKeyByPrefix(db, parsed.prefix);
  if (!row || !safeEqual(row.keyHash, hashToken(key)) || row.revokedAt) return null;
  if (row.expiresOn && compareDates(row.expiresOn, clock.today()) < 0) return null;
  const access = await deps.organisations.accessOf(row.organisationId);
  if (!access || access.refusal) return null;
  // The named officer must still be an active officer who made the declaration (D-840).
  if (!(await officerStillEligible(env, row))) return null;
  await repo.markApiKeyUsed(db, row.id, clock.now());
  return {
    kind: "api_key",
    id: row.id,
    organisationId: row.organisationId,
    organisationKind: access.kind,
    roles: [row.role as Role],
    declarationRequired: false,
    mustChangePassword: false,
    ...(row.userId ? { personId: row.userId } : {}),
  };
}
