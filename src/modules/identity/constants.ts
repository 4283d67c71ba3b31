import type { AuditActor, RequestMeta } from "../../platform/audit/audit.ts";

/** Session lifetimes (issue 3; OWASP ASVS 3.3): idle 30 minutes, absolute 12 hours. */
export const SESSION_IDLE_MS = 30 * 60_000;
export const SESSION_ABSOLUTE_MS = 12 * 3600_000;
/** A half-signed-in session (password given, second factor not yet) lasts 10 minutes. */
export const PRE_AUTH_MS = 10 * 60_000;

/**
 * Brute-force limits (sign-in-limits.ts). They slow guessing down and never lock the owner out
 * (F8): whatever somebody else does, the right password and code get through after a short
 * wait, or at once when given together.
 * - this account from one source (address): free for 5 failures an hour, then a delay that
 *   doubles per failure, at most 5 minutes;
 * - one source, all accounts: at most 300 failures an hour (only that source is stopped);
 * - this account from everywhere: free for 10 failures an hour, then a delay that doubles per
 *   failure, at most 1 minute; the password with the TOTP code in the same request skips it,
 *   unless such requests themselves failed 20 times in the hour;
 * - the owner gets one e-mail when the account passes 10 failures in an hour, and another
 *   only after an hour without one.
 */
export const SIGN_IN_LIMITS = {
  windowMs: 3600_000,
  perAddress: 300,
  freeFailures: 5,
  maxDelayMs: 5 * 60_000,
  accountFreeFailures: 10,
  accountMaxDelayMs: 60_000,
  withCodeFreeFailures: 20,
  warnAfter: 10,
} as const;

export const SESSION_COOKIE = "__Host-woonsignaal";

/** Ended API keys stay listed this long (the access review looks back 90 days). */
export const API_KEY_KEEP_DAYS = 90;

/** This module's encrypted column (listed in modules/index.ts ENCRYPTED_COLUMNS). */
export const IDENTITY_ENCRYPTED_COLUMNS = {
  table: "app_user",
  idColumn: "id",
  organisationColumn: "organisation_id",
  columns: ["totp_secret"],
};

/** The encrypted TOTP secret is bound to its user row and column (platform/crypto). */
export const totpPlace = (userId: string) => ({
  table: "app_user",
  column: "totp_secret",
  rowId: userId,
});

export const SYSTEM_META: RequestMeta = { requestId: null, clientAddress: null };
export const SYSTEM_AUDIT_ACTOR: AuditActor = {
  type: "system",
  id: null,
  organisationId: null,
  role: null,
};
