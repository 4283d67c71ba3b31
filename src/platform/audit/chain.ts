import { createHash, createHmac, hkdfSync, type KeyObject, randomBytes } from "node:crypto";
import { canonicalJson } from "./canonical.ts";

/** The prev_hash of the very first event. */
export const GENESIS_HASH = "0".repeat(64);

/** Version of the hashed content; part of what is hashed, so a change is never silent. */
export const CHAIN_FORMAT = 1;

/**
 * Format 2 (issue 22, F4; D-701): the same text with `v: 2`, and the hash an HMAC-SHA256 under
 * the chain key (derived from the audit signing key). Whoever can write the database but lacks
 * the key cannot append, edit or re-hash an event that verifies. Format 1 (plain SHA-256) is
 * only read: events written before the chain was keyed.
 */
export const KEYED_CHAIN_FORMAT = 2;

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
export function canonicalEvent(e: ChainedEventContent, format = CHAIN_FORMAT): string {
  return canonicalJson({
    v: format,
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

/** Format 1: hash = SHA-256 (hex) over the previous hash, a newline, and the canonical event. */
export function eventHash(prevHash: string, e: ChainedEventContent): string {
  return createHash("sha256")
    .update(`${prevHash}\n${canonicalEvent(e)}`, "utf8")
    .digest("hex");
}

/** Format 2: hash = HMAC-SHA256 (hex, chain key) over the previous hash, a newline, the canonical event. */
export function keyedEventHash(chainKey: Buffer, prevHash: string, e: ChainedEventContent): string {
  return createHmac("sha256", chainKey)
    .update(`${prevHash}\n${canonicalEvent(e, KEYED_CHAIN_FORMAT)}`, "utf8")
    .digest("hex");
}

/** The chain key: HKDF-SHA256 over the audit signing key's private key (PKCS#8 DER). */
export function chainKeyOf(signingKey: { privateKey: KeyObject }): Buffer {
  const der = signingKey.privateKey.export({ format: "der", type: "pkcs8" });
  return Buffer.from(hkdfSync("sha256", der, "", "woonsignaal audit chain v2", 32));
}

let processChainKey: Buffer | undefined;

/** Sets the key this process chains new events with (bootstrap.ts, from the signing key). */
export function useChainKey(key: Buffer): void {
  processChainKey = key;
}

/**
 * The key new events are chained with. A process that never set one (a test that builds an
 * app without a runtime) gets a random key: its events verify only inside that process.
 */
export function currentChainKey(): Buffer {
  processChainKey ??= randomBytes(32);
  return processChainKey;
}
