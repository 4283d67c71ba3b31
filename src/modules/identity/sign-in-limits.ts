import { randomUUID } from "node:crypto";
import { type RequestMeta, recordAudit } from "../../platform/audit/audit.ts";
import { AppError } from "../../platform/errors.ts";
import { SIGN_IN_LIMITS } from "./constants.ts";
import type { IdentityEnv } from "./env.ts";
import * as repo from "./repository.ts";
import { warnOwnerOfFailures } from "./sign-in-warning.ts";

/**
 * Who failed: blind indexes of the account, the address, the pair, and the account's
 * failures with the code given at once (never in clear).
 */
export async function failureSubjects(env: IdentityEnv, email: string, address: string | null) {
  const { keyring } = env;
  const account = await keyring.blindIndex("sign_in_account", email);
  const withCode = await keyring.blindIndex("sign_in_account_code", email);
  const pair = await keyring.blindIndex("sign_in_pair", `${email}|${address ?? "-"}`);
  const addr = address ? await keyring.blindIndex("sign_in_address", address) : null;
  return { account, withCode, pair, addr };
}

export type FailureSubjects = Awaited<ReturnType<typeof failureSubjects>>;

/** How a sign-in step was tried: the password with the TOTP code at once counts apart too. */
export type SignInWay = { withCode?: boolean };

/**
 * Counts a failed sign-in step against the account, address and pair, and audits it. When the
 * account is known its owner may be told (one e-mail per burst, sign-in-warning.ts).
 */
export async function recordFailure(
  env: IdentityEnv,
  meta: RequestMeta,
  subjects: FailureSubjects,
  entry: Parameters<typeof recordAudit>[3],
  owner?: repo.UserRow,
  way: SignInWay = {},
) {
  const { db, clock } = env;
  await db.transaction(async (tx) => {
    const keys = [
      subjects.account,
      subjects.pair,
      ...(subjects.addr ? [subjects.addr] : []),
      ...(way.withCode ? [subjects.withCode] : []),
    ];
    await repo.recordSignInFailure(tx, keys, randomUUID, clock.now());
    await recordAudit(tx, clock, meta, entry);
  });
  if (owner) await warnOwnerOfFailures(env, owner, subjects);
}

/** The wait still owed after `failures` (of which `free` cost nothing), or 0. */
function waitMs(
  failures: { count: number; last: Date | null },
  free: number,
  maxMs: number,
  now: number,
): number {
  if (failures.count <= free || !failures.last) return 0;
  const delay = Math.min(2 ** (failures.count - free) * 1000, maxMs);
  return Math.max(0, failures.last.getTime() + delay - now);
}

/**
 * Refuses (429) while a source is over its hourly limit, or while a delay runs: the delay of
 * this account from this source, and the account's own short delay (F8). The refusal carries
 * `retryAfterSeconds` (also sent as Retry-After). Nothing here ever locks an account: every
 * delay ends within minutes, and the password with the TOTP code skips the account's delay.
 */
export async function enforceSignInLimits(
  env: IdentityEnv,
  subjects: FailureSubjects,
  way: SignInWay = {},
) {
  const { db, clock } = env;
  const now = clock.now().getTime();
  const since = new Date(now - SIGN_IN_LIMITS.windowMs);
  const address = subjects.addr ? await repo.signInFailuresSince(db, subjects.addr, since) : null;
  if (address && address.count >= SIGN_IN_LIMITS.perAddress) {
    throw new AppError(
      "rate_limited",
      "Too many failed sign-ins from this address. Try again within the hour.",
      { code: "sign_in_limited" },
    );
  }
  const pair = await repo.signInFailuresSince(db, subjects.pair, since);
  let wait = waitMs(pair, SIGN_IN_LIMITS.freeFailures, SIGN_IN_LIMITS.maxDelayMs, now);
  const withCode = way.withCode
    ? await repo.signInFailuresSince(db, subjects.withCode, since)
    : null;
  if (!withCode || withCode.count >= SIGN_IN_LIMITS.withCodeFreeFailures) {
    const account = await repo.signInFailuresSince(db, subjects.account, since);
    const accountWait = waitMs(
      account,
      SIGN_IN_LIMITS.accountFreeFailures,
      SIGN_IN_LIMITS.accountMaxDelayMs,
      now,
    );
    wait = Math.max(wait, accountWait);
  }
  if (wait > 0) {
    const seconds = Math.ceil(wait / 1000);
    throw new AppError(
      "rate_limited",
      `Too many failed sign-ins. Wait ${seconds} seconds, or give your password and the code from your app together.`,
      { code: "sign_in_delayed", details: { retryAfterSeconds: seconds } },
    );
  }
}
