import { randomUUID } from "node:crypto";
import { and, asc, eq } from "drizzle-orm";
import { PgTransaction } from "drizzle-orm/pg-core";
import type { Db } from "../db/database.ts";
import { asStoredJson } from "./canonical.ts";
import { type ChainedEventContent, currentChainKey, keyedEventHash } from "./chain.ts";
import { auditEvent, auditHead } from "./tables.ts";

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

export class AuditChainError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "AuditChainError";
  }
}

/** True when `db` is a transaction (drizzle's `tx`), not the database itself. */
export function isTransaction(db: Db): boolean {
  return db instanceof PgTransaction;
}

/**
 * Appends one event to the hash chain. Call it with the transaction that does the work it
 * records, so that the event exists exactly when the change does. (Called with the database
 * itself, it opens a short transaction of its own.)
 *
 * The chain head is locked (`SELECT … FOR UPDATE`) until the caller's transaction ends:
 * concurrent writers queue there, each gets seq = head + 1 and the head's hash as its
 * prev_hash, so the chain never forks. Keep the work after recordAudit short.
 */
export async function recordAudit(
  db: Db,
  clock: { now(): Date },
  meta: RequestMeta,
  entry: AuditEntry,
): Promise<void> {
  if (isTransaction(db)) {
    await appendEvent(db, clock, meta, entry);
  } else {
    await db.transaction((tx) => appendEvent(tx, clock, meta, entry));
  }
}

async function appendEvent(
  tx: Db,
  clock: { now(): Date },
  meta: RequestMeta,
  entry: AuditEntry,
): Promise<void> {
  const [head] = await tx
    .select({ seq: auditHead.seq, hash: auditHead.hash })
    .from(auditHead)
    .where(eq(auditHead.id, 1))
    .for("update");
  if (!head) {
    throw new AuditChainError("The audit chain has no head row: run `woonsignaal migrate`.");
  }
  const content: ChainedEventContent = {
    id: randomUUID(),
    seq: head.seq + 1,
    // The hash covers the instant in milliseconds; the column holds exactly that.
    occurredAt: new Date(clock.now().getTime()),
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
    // What jsonb will give back: hashed now exactly as verification will read it.
    details: entry.details === undefined ? null : asStoredJson(entry.details),
  };
  const hash = keyedEventHash(currentChainKey(), head.hash, content);
  await tx.insert(auditEvent).values({
    ...content,
    actorType: entry.actor.type,
    prevHash: head.hash,
    hash,
  });
  await tx.update(auditHead).set({ seq: content.seq, hash }).where(eq(auditHead.id, 1));
  for (const listener of appendListeners) listener();
}

const appendListeners = new Set<() => void>();

/**
 * Calls `listener` after each event appended in this process (before its transaction
 * commits): the checkpointer's cue to count. Returns the function that removes it.
 */
export function onAuditAppended(listener: () => void): () => void {
  appendListeners.add(listener);
  return () => appendListeners.delete(listener);
}

/**
 * One audit event about an object, as a history line shows it (no hashes, no addresses);
 * `organisationId` is the actor's organisation (who looked: an access answer lists it as a
 * recipient).
 */
export type ObjectEvent = Pick<
  ChainedEventContent,
  | "occurredAt"
  | "actorType"
  | "actorId"
  | "organisationId"
  | "role"
  | "action"
  | "outcome"
  | "details"
>;

/**
 * The events about one object, oldest first: the history of a registration (who changed
 * what, when). Callers check first that the reader may see the object.
 */
export async function eventsAbout(
  db: Db,
  objectType: string,
  objectId: string,
  limit = 200,
): Promise<ObjectEvent[]> {
  return db
    .select({
      occurredAt: auditEvent.occurredAt,
      actorType: auditEvent.actorType,
      actorId: auditEvent.actorId,
      organisationId: auditEvent.organisationId,
      role: auditEvent.role,
      action: auditEvent.action,
      outcome: auditEvent.outcome,
      details: auditEvent.details,
    })
    .from(auditEvent)
    .where(and(eq(auditEvent.objectType, objectType), eq(auditEvent.objectId, objectId)))
    .orderBy(asc(auditEvent.seq))
    .limit(limit);
}
