import { createHash } from "node:crypto";
import { canonicalJson } from "./canonical.ts";

/** The prev_hash of the very first event. */
export const GENESIS_HASH = "0".repeat(64);

/** Version of the hashed content; part of what is hashed, so a change is never silent. */
export const CHAIN_FORMAT = 1;

/** Everything about an event that its hash covers (all columns but prev_hash and hash). */
export interface ChainedEventContent {
  id: string;
  seq: number;
  occurredAt: Date;
  actorType: string;
  actorId: string | null;
  organisationId: string | null;
  role: string | null;
  action: string;
  objectType: string | null;
  objectId: string | null;
  outcome: string;
  clientAddress: string | null;
  requestId: string | null;
  subjectRef: string | null;
  details: unknown;
}

/**
 * The canonical text of an event. Migration 0005 builds the same text in SQL for events
 * written before the chain existed: change one, change both (and CHAIN_FORMAT).
 */
export function canonicalEvent(e: ChainedEventContent): string {
  return canonicalJson({
    v: CHAIN_FORMAT,
    id: e.id,
    seq: e.seq,
    occurredAt: e.occurredAt.toISOString(),
    actorType: e.actorType,
    actorId: e.actorId ?? null,
    organisationId: e.organisationId ?? null,
    role: e.role ?? null,
    action: e.action,
    objectType: e.objectType ?? null,
    objectId: e.objectId ?? null,
    outcome: e.outcome,
    clientAddress: e.clientAddress ?? null,
    requestId: e.requestId ?? null,
    subjectRef: e.subjectRef ?? null,
    details: e.details ?? null,
  });
}

/** hash = SHA-256 (hex) over the previous hash, a newline, and the canonical event. */
export function eventHash(prevHash: string, e: ChainedEventContent): string {
  return createHash("sha256")
    .update(`${prevHash}\n${canonicalEvent(e)}`, "utf8")
    .digest("hex");
}
