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
