import { bigint, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * The audit log: one row per event, written in the same transaction as what it records.
 * Never a name, birth date or address: a person is referred to by `subject_ref`, a keyed
 * HMAC. (The hash chain and signed checkpoints come with the tamper-evident audit issue.)
 */
export const auditEvent = pgTable(
  "audit_event",
  {
    id: uuid("id").primaryKey(),
    seq: bigint("seq", { mode: "number" }).generatedAlwaysAsIdentity().notNull(),
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
  },
  (t) => [
    index("audit_event_seq").on(t.seq),
    index("audit_event_time").on(t.occurredAt),
    index("audit_event_organisation").on(t.organisationId, t.occurredAt),
  ],
);
