import type { RequestMeta } from "../../../platform/audit/audit.ts";
import { recordSuccess } from "../../../platform/audit/record.ts";
import type { Principal } from "../../../platform/auth/access.ts";
import { addDays } from "../../../platform/werkdagen.ts";
import type { OversightEnv } from "../env.ts";

/** Accounts and keys unused this long are flagged in the access review. */
export const ACCESS_REVIEW_UNUSED_DAYS = 90;

/**
 * The access review (003 §8: the process is checked every half year; §14.1: "toegangs-
 * rechten worden regelmatig getoetst"): per organisation every account and API key with
 * its role, last use and MFA status, and which have not been used for 90 days.
 */
export async function accessReview(env: OversightEnv, principal: Principal, meta: RequestMeta) {
  const { db, clock, deps } = env;
  const cutoff = addDays(clock.today(), -ACCESS_REVIEW_UNUSED_DAYS);
  const unused = (lastUse: string | null, created: string) =>
    (lastUse ?? created).slice(0, 10) < cutoff;
  const [organisations, users, keys] = await Promise.all([
    deps.organisations.listOrganisations(principal),
    deps.identity.listUsers(principal),
    deps.identity.listApiKeys(principal),
  ]);
  const report = {
    generatedOn: clock.today(),
    unusedAfterDays: ACCESS_REVIEW_UNUSED_DAYS,
    source: "003 §8, §14.1",
    organisations: organisations.map((o) => ({
      id: o.id,
      name: o.name,
      kind: o.kind,
      status: o.status,
      users: users
        .filter((u) => u.organisationId === o.id)
        .map((u) => ({
          id: u.id,
          email: u.email,
          displayName: u.displayName,
          roles: u.roles,
          status: u.status,
          mfaEnrolled: u.mfaEnrolled,
          lastSignInAt: u.lastSignInAt,
          unused: u.status === "active" && unused(u.lastSignInAt, u.createdAt),
        })),
      apiKeys: keys
        .filter((k) => k.organisationId === o.id)
        .map((k) => ({
          id: k.id,
          prefix: k.prefix,
          label: k.label,
          role: k.role,
          expiresOn: k.expiresOn,
          revoked: k.revokedAt !== null,
          lastUsedAt: k.lastUsedAt,
          unused: k.revokedAt === null && unused(k.lastUsedAt, k.createdAt),
        })),
    })),
  };
  await recordSuccess(db, clock, meta, principal, {
    action: "oversight.access_review_viewed",
  });
  return report;
}
