import { randomUUID } from "node:crypto";
import { type RequestMeta, recordAudit } from "../../platform/audit/audit.ts";
import { AppError } from "../../platform/errors.ts";
import { SIGN_IN_LIMITS } from "./constants.ts";
import type { IdentityEnv } from "./env.ts";
import * as repo from "./repository.ts";

/** Who failed: blind indexes of the account, the address and the pair (never in clear). */
export async function failureSubjects(env: IdentityEnv, email: string, address: string | null) {
  const { keyring } = env;
  const account = await keyring.blindIndex("sign_in_account", email);
  const pair = await keyring.blindIndex("sign_in_pair", `${email}|${address ?? "-"}`);
  const addr = address ? await keyring.blindIndex("sign_in_address", address) : null;
  return { account, pair, addr };
}

export type FailureSubjects = Awaited<ReturnType<typeof failureSubjects>>;

/** Counts a failed sign-in step against the account, address and pair, and audits it. */
export async function recordFailure(
  env: IdentityEnv,
  meta: RequestMeta,
  subjects: FailureSubjects,
  entry: Parameters<typeof recordAudit>[3],
) {
  const { db, clock } = env;
  await db.transaction(async (tx) => {
    const keys = [subjects.account, subjects.pair, ...(subjects.addr ? [subjects.addr] : [])];
    await repo.recordSignInFailure(tx, keys, randomUUID, clock.now());
    await recordAudit(tx, clock, meta, entry);
  });
}

/** Refuses (429) while an account or address is over its limit or inside its delay. */
export async function enforceSignInLimits(env: IdentityEnv, subjects: FailureSubjects) {
  const { db, clock } = env;
  const now = clock.now().getTime();
  const since = new Date(now - SIGN_IN_LIMITS.windowMs);
  const account = await repo.signInFailuresSince(db, subjects.account, since);
  const address = subjects.addr ? await repo.signInFailuresSince(db, subjects.addr, since) : null;
  if (
    account.count >= SIGN_IN_LIMITS.perAccount ||
    (address && address.count >= SIGN_IN_LIMITS.perAddress)
  ) {
    throw new AppError("rate_limited", "Too many failed sign-ins. Try again within the hour.", {
      code: "sign_in_limited",
    });
  }
  // The growing delay counts failures of this account from this address, so an attacker
  // elsewhere slows only themselves; the hourly cap above is the hard limit.
  const pair = await repo.signInFailuresSince(db, subjects.pair, since);
  if (pair.count > SIGN_IN_LIMITS.freeFailures && pair.last) {
    const delay = Math.min(
      2 ** (pair.count - SIGN_IN_LIMITS.freeFailures) * 1000,
      SIGN_IN_LIMITS.maxDelayMs,
    );
    const waitMs = pair.last.getTime() + delay - now;
    if (waitMs > 0) {
      throw new AppError(
        "rate_limited",
        `Too many failed sign-ins. Wait ${Math.ceil(waitMs / 1000)} seconds.`,
        {
          code: "sign_in_delayed",
          details: { retryAfterSeconds: Math.ceil(waitMs / 1000) },
        },
      );
    }
  }
}
