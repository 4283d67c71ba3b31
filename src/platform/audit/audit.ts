import { randomUUID } from "node:crypto";
import type { Db } from "../db/database.ts";
import { auditEvent } from "./tables.ts";

/** Who did something, from where, in which request: passed down from the route (Documenso). */
export interface RequestMeta {
  requestId: string | null;
  clientAddress: string | null;
}

export interface AuditActor {
  type: "user" | "api_key" | "system" | "public";
  id: string | null;
  organisationId: string | null;
  role: string | null;
}

export interface AuditEntry {
  actor: AuditActor;
  action: string;
  objectType?: string;
  objectId?: string | null;
  outcome: "success" | "refused" | "failed" | "hit" | "no_hit";
  /** Pseudonymous reference to a person (keyed HMAC); never a name. */
  subjectRef?: string | null;
  /** Names of changed fields, counts, codes — never personal data values. */
  details?: Record<string, unknown>;
}

export const SYSTEM_ACTOR: AuditActor = {
  type: "system",
  id: null,
  organisationId: null,
  role: null,
};

/**
 * Appends one event. Call it with the transaction that does the work it records, so that
 * the event exists exactly when the change does.
 */
export async function recordAudit(
  db: Db,
  clock: { now(): Date },
  meta: RequestMeta,
  entry: AuditEntry,
): Promise<void> {
  await db.insert(auditEvent).values({
    id: randomUUID(),
    occurredAt: clock.now(),
    actorType: entry.actor.type,
    actorId: entry.actor.id,
    organisationId: entry.actor.organisationId,
    role: entry.actor.role,
    action: entry.action,
    objectType: entry.objectType ?? null,
    objectId: entry.objectId ?? null,
    outcome: entry.outcome,
    clientAddress: meta.clientAddress,
    requestId: meta.requestId,
    subjectRef: entry.subjectRef ?? null,
    details: entry.details ?? null,
  });
}
