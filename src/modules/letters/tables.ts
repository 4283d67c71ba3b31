import { date, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { belongsTo, organisationRow } from "../../platform/db/columns.ts";
import { LANGUAGES } from "../../platform/i18n.ts";

export const DUTY_STATUSES = ["open", "documented", "fulfilled", "skipped", "cancelled"] as const;

/**
 * A duty to inform a person (design.md §2.4: a person's rights are deadlines the system
 * keeps): created by the event that owes a letter, with its legal deadline; fulfilled when
 * the letter is sent. `documented` (003 ch. 10: no address known, the letter is drawn up,
 * dated and kept) meets the deadline but reopens when an address becomes known; `skipped`
 * only where the protocol allows it (the person demonstrably knows), with a reason code;
 * `cancelled` when the registration it concerned was erased before the letter went out (the
 * removal letter then informs the person).
 */
export const notificationDuty = pgTable(
  "notification_duty",
  {
    /** Its id, and the organisation that owes the letter. */
    ...organisationRow(),
    registrationId: uuid("registration_id"),
    /** The case (request, objection …) a case letter answers; set by the cases module. */
    caseId: uuid("case_id"),
    kind: text("kind").notNull(),
    /** The profile's deadline key (profile.deadlines) the due date was computed from. */
    deadlineKey: text("deadline_key"),
    /** The day of the event that owes the letter; the term runs from the day after (Atw). */
    eventDate: date("event_date", { mode: "string" }),
    dueDate: date("due_date", { mode: "string" }).notNull(),
    source: text("source").notNull(),
    /** A fixed code saying why (removal ground, continuation ground, case type); never free text. */
    reason: text("reason"),
    /**
     * The addressee when no readable registration holds them (a hit letter: the querying
     * organisation's own data of the candidate; a case letter): JSON, encrypted with the
     * owing organisation's data key (listed in ENCRYPTED_COLUMNS).
     */
    recipientCiphertext: text("recipient_ciphertext"),
    status: text("status", { enum: DUTY_STATUSES }).notNull(),
    /** Why a duty was skipped: a fixed code of letters/content.ts SKIP_REASONS, never free text. */
    skipReason: text("skip_reason"),
    closedByKind: text("closed_by_kind", { enum: ["user", "api_key", "system"] }),
    closedBy: uuid("closed_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    /** When a documented duty reopened because an address became known (003 ch. 10). */
    reopenedAt: timestamp("reopened_at", { withTimezone: true }),
    /**
     * What makes later events the same duty (D-990): for a hit letter, the keyed reference
     * (audit key) of the registration hit, so that the querying organisation's screenings of
     * one person within the letter term make one duty. Never the registration's id itself:
     * the querying organisation does not learn which registration it is (003 §13.5).
     */
    groupRef: text("group_ref"),
  },
  (t) => [
    index("notification_duty_organisation").on(t.organisationId, t.status, t.dueDate),
    index("notification_duty_registration").on(t.registrationId),
    index("notification_duty_group").on(t.organisationId, t.kind, t.groupRef),
  ],
);

/**
 * The events one duty answers (D-990): for a hit letter, each screening (or block look-up) of
 * the person by the owing organisation within the letter term — its day and purpose, nothing
 * about the person. The letter lists them; the access answer reads them. Deleted with the duty.
 */
export const dutyOccasion = pgTable(
  "duty_occasion",
  {
    ...organisationRow(),
    dutyId: belongsTo("duty_id", () => notificationDuty.id),
    occurredOn: date("occurred_on", { mode: "string" }).notNull(),
    /** The screening purpose (screenings/tables.ts SCREENING_PURPOSES). */
    purpose: text("purpose").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("duty_occasion_duty").on(t.dutyId, t.occurredOn)],
);

export const LETTER_STATUSES = ["draft", "sent", "documented", "skipped"] as const;
export const LETTER_CHANNELS = ["email", "post", "none"] as const;

/**
 * A letter to the person. The rendered PDF is personal data: it is stored encrypted with the
 * sender's data key (listed in ENCRYPTED_COLUMNS), and erased (content null, metadata kept as
 * a receipt) when the registration it concerns is erased. Once sent or documented a letter
 * never changes; a draft may be replaced by a new one for the same duty.
 */
export const letter = pgTable(
  "letter",
  {
    /** Its id, and the sender: the organisation that owes or sent it. */
    ...organisationRow(),
    registrationId: uuid("registration_id"),
    caseId: uuid("case_id"),
    dutyId: uuid("duty_id").references(() => notificationDuty.id),
    kind: text("kind").notNull(),
    language: text("language", { enum: LANGUAGES }).notNull(),
    status: text("status", { enum: LETTER_STATUSES }).notNull(),
    channel: text("channel", { enum: LETTER_CHANNELS }).notNull(),
    /** The date printed on the letter (datum van de brief / datum vastlegging). */
    letterDate: date("letter_date", { mode: "string" }).notNull(),
    /** The letter's title, without personal data (also the PDF's document title). */
    title: text("title").notNull(),
    pdfCiphertext: text("pdf_ciphertext"),
    pdfSha256: text("pdf_sha256").notNull(),
    pdfBytes: integer("pdf_bytes").notNull(),
    /** Why an e-mail could not be delivered (a code); the letter then waits for the post. */
    deliveryError: text("delivery_error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    createdByKind: text("created_by_kind", { enum: ["user", "api_key", "system"] }).notNull(),
    createdBy: uuid("created_by"),
    /** Sent: when recorded, and the day it left (the posting date an officer gives). */
    sentAt: timestamp("sent_at", { withTimezone: true }),
    sentOn: date("sent_on", { mode: "string" }),
    documentedAt: timestamp("documented_at", { withTimezone: true }),
    /** Who sent or documented it (null: the system, e.g. an automatic e-mail). */
    actedByKind: text("acted_by_kind", { enum: ["user", "api_key", "system"] }),
    actedBy: uuid("acted_by"),
    /** When the PDF was erased with the registration it concerned. */
    contentErasedAt: timestamp("content_erased_at", { withTimezone: true }),
  },
  (t) => [
    index("letter_organisation").on(t.organisationId, t.createdAt),
    index("letter_registration").on(t.registrationId),
    index("letter_duty").on(t.dutyId),
  ],
);
