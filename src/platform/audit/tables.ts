import { sql } from "drizzle-orm";
import {
  bigint,
  check,
  index,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

/**
 * The audit log: one row per event, written in the same transaction as what it records.
 * Never a name, birth date or address: a person is referred to by `subject_ref`, a keyed
 * HMAC.
 *
 * Tamper evidence (docs/audit.md): every event carries the hash of the one before it
 * (`prev_hash`) and its own `hash` = SHA-256(prev_hash ‖ canonical content), so `seq` runs
 * 1, 2, 3 … without gaps. A trigger refuses UPDATE, DELETE and TRUNCATE (the only delete is
 * retention pruning up to a signed anchor), and signed checkpoints, also kept outside the
 * database, pin the chain so that even a consistent re-hash of everything is found.
 */
export const auditEvent = pgTable(
  "audit_event",
  {
    id: uuid("id").primaryKey(),
    /** Assigned by the application under the lock on `audit_head`: head.seq + 1. */
    seq: bigint("seq", { mode: "number" }).notNull(),
    /** Millisecond precision (checked): the hash covers the ISO form of this instant. */
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull(),
    actorType: text("actor_type", { enum: ["user", "api_key", "system", "public"] }).notNull(),
    actorId: text("actor_id"),
    organisationId: uuid("organisation_id"),
    role: text("role"),
    action: text("action").notNull(),
    objectType: text("object_type"),
    objectId: text("object_id"),
    outcome: text("outcome").notNull(),
    clientAddress: text("client_address"),
    requestId: text("request_id"),
    subjectRef: text("subject_ref"),
    details: jsonb("details"),
    /** The hash of event seq − 1 (64 zeros for the first event ever). */
    prevHash: text("prev_hash").notNull(),
    /** SHA-256 (hex) over prev_hash and this event's canonical content (chain.ts). */
    hash: text("hash").notNull(),
  },
  (t) => [
    uniqueIndex("audit_event_seq_unique").on(t.seq),
    index("audit_event_time").on(t.occurredAt),
    index("audit_event_organisation").on(t.organisationId, t.occurredAt),
    check(
      "audit_event_occurred_at_ms",
      sql`${t.occurredAt} = date_trunc('milliseconds', ${t.occurredAt})`,
    ),
  ],
);

/**
 * The end of the chain: exactly one row (id 1). Every writer locks it (`SELECT … FOR UPDATE`)
 * inside its own transaction, takes seq + 1 and the previous hash from it, and moves it on;
 * so concurrent requests queue here and never fork the chain.
 */
export const auditHead = pgTable(
  "audit_head",
  {
    id: smallint("id").primaryKey(),
    seq: bigint("seq", { mode: "number" }).notNull(),
    hash: text("hash").notNull(),
  },
  (t) => [check("audit_head_single_row", sql`${t.id} = 1`)],
);

/** The place on the chain a checkpoint or prune anchor names (their first columns). */
const signedPoint = {
  id: uuid("id").primaryKey(),
  seq: bigint("seq", { mode: "number" }).notNull(),
  hash: text("hash").notNull(),
};

/** When and by which key a checkpoint or prune anchor was signed (their last columns). */
const signature = {
  /** The signed time; millisecond precision (CHECK constraint in migration 0005). */
  createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  /** First 16 hex digits of SHA-256 over the public key (SPKI DER). */
  keyId: text("key_id").notNull(),
  /** The public key, SPKI DER as base64. */
  publicKey: text("public_key").notNull(),
  /** Ed25519 signature (base64) over the canonical JSON of the signed fields. */
  signature: text("signature").notNull(),
};

/**
 * Signed checkpoints: {seq, hash, count, time} signed with the Ed25519 audit signing key,
 * which never enters the database. Each is also appended to `checkpoints.jsonl` outside the
 * database. Append-only (trigger), like the events.
 */
export const auditCheckpoint = pgTable(
  "audit_checkpoint",
  {
    ...signedPoint,
    /** Events present with seq ≤ this one when it was signed (fewer than seq after pruning). */
    eventCount: bigint("event_count", { mode: "number" }).notNull(),
    ...signature,
  },
  (t) => [index("audit_checkpoint_seq").on(t.seq)],
);

/**
 * "Pruned up to": retention removed every event with seq ≤ `seq`; the chain now starts at
 * seq + 1, whose prev_hash must be `hash`. Signed like a checkpoint; append-only.
 */
export const auditPruneAnchor = pgTable(
  "audit_prune_anchor",
  {
    ...signedPoint,
    /** Events this prune removed. */
    prunedCount: bigint("pruned_count", { mode: "number" }).notNull(),
    ...signature,
  },
  (t) => [uniqueIndex("audit_prune_anchor_seq").on(t.seq)],
);
