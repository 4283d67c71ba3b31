import {
  date,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { belongsTo, timestamps } from "../../platform/db/columns.ts";
import { registration } from "../registrations/tables.ts";

/**
 * A case (design.md §2.4: a person's rights are deadlines the system keeps): a rights request,
 * complaint, objection, appeal, hardship request, new chance, support-team procedure or
 * consent, from its receipt to its execution. The responsible organisation decides (the
 * primary source, or the disputes committee for appeals and hardship). Personal data — the
 * requester when there is no registration, the reasons of a decision, a hearing report — is
 * encrypted with the responsible organisation's data key. The registration link is cleared
 * when the registration is erased; the case itself follows its own retention (issue 9).
 */
export const caseFile = pgTable(
  "case_file",
  {
    id: uuid("id").primaryKey(),
    /** A short reference the person can quote, e.g. "Z-3F9A1C2B". */
    reference: text("reference").notNull().unique(),
    type: text("type").notNull(),
    status: text("status").notNull(),
    /** Who must act and decide. */
    organisationId: uuid("organisation_id").notNull(),
    /** The primary source of the registration concerned (also sees the case). */
    primarySourceId: uuid("primary_source_id"),
    registrationId: uuid("registration_id").references(() => registration.id, {
      onDelete: "set null",
    }),
    parentCaseId: uuid("parent_case_id"),
    receivedDate: date("received_date", { mode: "string" }).notNull(),
    /** The date of the letter the objection is against (its window runs from it). */
    noticeDate: date("notice_date", { mode: "string" }),
    /** The requester when no registration names them: { person, address }. */
    requesterCiphertext: text("requester_ciphertext"),
    identityVerifiedOn: date("identity_verified_on", { mode: "string" }),
    identityMethod: text("identity_method"),
    acknowledgedOn: date("acknowledged_on", { mode: "string" }),
    outcome: text("outcome", { enum: ["upheld", "rejected", "partly_upheld"] }),
    reasonsCiphertext: text("reasons_ciphertext"),
    decidedOn: date("decided_on", { mode: "string" }),
    executedOn: date("executed_on", { mode: "string" }),
    hearingReportCiphertext: text("hearing_report_ciphertext"),
    /** Type-specific facts without personal data (fee, support-team outcome, probation …). */
    facts: jsonb("facts").notNull().default({}),
    /** The protocol version the case was opened under (its deadlines; D-760). */
    protocolVersion: text("protocol_version").notNull(),
    ...timestamps(),
  },
  (t) => [
    index("case_file_organisation_status").on(t.organisationId, t.status),
    index("case_file_primary_source").on(t.primarySourceId),
    index("case_file_registration").on(t.registrationId),
  ],
);

/** A case's legal deadlines, each with its article; met when the step is done. */
export const caseDeadline = pgTable(
  "case_deadline",
  {
    caseId: belongsTo("case_id", () => caseFile.id),
    name: text("name").notNull(),
    dueDate: date("due_date", { mode: "string" }).notNull(),
    source: text("source").notNull(),
    metOn: date("met_on", { mode: "string" }),
    remindedOn: date("reminded_on", { mode: "string" }),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.name] }), index("case_deadline_due").on(t.dueDate)],
);

/** The case's timeline: who did what when (codes and dates only; the audit log has it too). */
export const caseEvent = pgTable(
  "case_event",
  {
    id: uuid("id").primaryKey(),
    caseId: belongsTo("case_id", () => caseFile.id),
    at: timestamp("at", { withTimezone: true }).notNull(),
    actorKind: text("actor_kind", { enum: ["user", "api_key", "system"] }).notNull(),
    actorId: uuid("actor_id"),
    action: text("action").notNull(),
    details: jsonb("details").notNull().default({}),
  },
  (t) => [index("case_event_case").on(t.caseId, t.at)],
);
