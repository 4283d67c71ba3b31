import type { Principal } from "../auth/access.ts";
import type { Db } from "../db/database.ts";
import { type Actor, actorOf } from "./actor.ts";
import { type AuditEntry, type RequestMeta, recordAudit } from "./audit.ts";

/** What was done, to which object: an audit entry without its actor and outcome. */
export type Deed = Omit<AuditEntry, "actor" | "outcome">;

/** Who did it: a principal (mapped by `actorOf`) or an actor (the system among them). */
export type Doer = Principal | Actor;

function auditActorOf(by: Doer) {
  return "audit" in by ? by.audit : actorOf(by).audit;
}

/**
 * Records that `by` did `deed`, successfully: the audit entry most use cases write. Call it
 * with the transaction that does the work (see recordAudit).
 */
export function recordSuccess(
  db: Db,
  clock: { now(): Date },
  meta: RequestMeta,
  by: Doer,
  deed: Deed,
): Promise<void> {
  return recordAudit(db, clock, meta, { actor: auditActorOf(by), ...deed, outcome: "success" });
}

/**
 * Makes a change and records it in one transaction: `change` runs first, then the audit entry
 * of `deed` by `by` (success), so the entry exists exactly when the change does. Returns what
 * `change` returns.
 */
export function changeAudited<R>(
  env: { db: Db; clock: { now(): Date } },
  meta: RequestMeta,
  by: Doer,
  deed: Deed,
  change: (tx: Db) => Promise<R>,
): Promise<R> {
  return env.db.transaction(async (tx) => {
    const result = await change(tx);
    await recordSuccess(tx, env.clock, meta, by, deed);
    return result;
  });
}
