import {
  type AnyPgColumn,
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { belongsTo, organisationRow, timestamps } from "../../platform/db/columns.ts";
import { AGREEMENT_STATUSES, FEEDBACK_OUTCOMES, MEASURE_KINDS } from "./schemas.ts";

/*
 * Vroegsignalering and prevention (issue #11). These tables belong to the arrears module
 * alone: nothing here is ever read or written by the register (registrations, seekers,
 * screenings), and no code path moves arrears data into a registration (design.md §2.8).
 * Personal data (the tenant's identification and contact details, the delivered signal
 * files, the municipality's contact persons) is encrypted with the landlord's data key and
 * listed in ARREARS_ENCRYPTED_COLUMNS (modules/index.ts ENCRYPTED_COLUMNS).
 */

const recordedBy = {
  recordedByKind: text("recorded_by_kind", { enum: ["user", "api_key", "system"] }).notNull(),
  recordedBy: uuid("recorded_by"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
};

/** The tenancy a row belongs to; the row is deleted with it. */
const tenancyId = () => belongsTo("tenancy_id", () => arrearsTenancy.id);

/** The indexes of a row on a tenancy's file that the dashboard also counts per organisation. */
const byTenancyAndOrganisation =
  (table: string) => (t: { tenancyId: AnyPgColumn; organisationId: AnyPgColumn }) => [
    index(`${table}_tenancy`).on(t.tenancyId),
    index(`${table}_org`).on(t.organisationId),
  ];

/** The modelovereenkomst of the Landelijk Convenant Vroegsignalering with one municipality (002). */
export const arrearsAgreement = pgTable(
  "arrears_agreement",
  {
    id: uuid("id").primaryKey(),
    /** The landlord (vaste-lastenpartner). */
    organisationId: uuid("organisation_id").notNull(),
    /** CBS gemeentecode, four digits. */
    municipalityCode: text("municipality_code").notNull(),
    status: text("status", { enum: AGREEMENT_STATUSES }).notNull(),
    /** The Digitaal Meldpunt named in art. 3.4 of the signed agreement (002). */
    reportingPoint: text("reporting_point", { enum: ["ris", "vps"] }).notNull(),
    minDaysLate: integer("min_days_late").notNull(),
    minAmountCents: bigint("min_amount_cents", { mode: "number" }),
    signedOn: date("signed_on", { mode: "string" }),
    deliveryFromDay: integer("delivery_from_day"),
    deliveryToDay: integer("delivery_to_day"),
    /** Contact person and signatory (names, e-mail, phone), one encrypted JSON document. */
    contactsCiphertext: text("contacts_ciphertext"),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex("arrears_agreement_org_municipality").on(t.organisationId, t.municipalityCode),
  ],
);

/** A tenancy with its current arrears position and its tenant, encrypted. */
export const arrearsTenancy = pgTable(
  "arrears_tenancy",
  {
    ...organisationRow(),
    /** The landlord's own reference (contract number); not a name. */
    tenancyRef: text("tenancy_ref").notNull(),
    municipalityCode: text("municipality_code").notNull(),
    /** True when the code was derived from the postcode (municipalities.ts), not imported. */
    municipalityDerived: boolean("municipality_derived").notNull(),
    monthlyRentCents: bigint("monthly_rent_cents", { mode: "number" }).notNull(),
    arrearsCents: bigint("arrears_cents", { mode: "number" }).notNull(),
    oldestUnpaidDueDate: date("oldest_unpaid_due_date", { mode: "string" }),
    /** The date of the latest position imported for it. */
    asOf: date("as_of", { mode: "string" }).notNull(),
    /** Start of the current (or last) arrears episode: the oldest unpaid due date then. */
    arrearsBeganOn: date("arrears_began_on", { mode: "string" }),
    /** When the last episode ended (a position with no arrears); null while in arrears. */
    arrearsEndedOn: date("arrears_ended_on", { mode: "string" }),
    /** Person (initials, prefix, surname, birth date, e-mail) and phone, JSON. */
    personCiphertext: text("person_ciphertext").notNull(),
    addressCiphertext: text("address_ciphertext").notNull(),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex("arrears_tenancy_org_ref").on(t.organisationId, t.tenancyRef),
    index("arrears_tenancy_org_municipality").on(t.organisationId, t.municipalityCode),
  ],
);

/** The monthly positions, for the early-warning rules and the dashboard's trends. */
export const arrearsPosition = pgTable(
  "arrears_position",
  {
    tenancyId: tenancyId(),
    organisationId: uuid("organisation_id").notNull(),
    asOf: date("as_of", { mode: "string" }).notNull(),
    monthlyRentCents: bigint("monthly_rent_cents", { mode: "number" }).notNull(),
    arrearsCents: bigint("arrears_cents", { mode: "number" }).notNull(),
    oldestUnpaidDueDate: date("oldest_unpaid_due_date", { mode: "string" }),
    lastPaymentDate: date("last_payment_date", { mode: "string" }),
  },
  (t) => [
    primaryKey({ columns: [t.tenancyId, t.asOf] }),
    index("arrears_position_org_as_of").on(t.organisationId, t.asOf),
  ],
);

/** The legal preconditions of a signal, as recorded events (Besluit gemeentelijke schuldhulpverlening art. 2). */
export const arrearsEvent = pgTable(
  "arrears_event",
  {
    ...organisationRow(),
    tenancyId: tenancyId(),
    type: text("type", {
      enum: [
        "contact_attempt",
        "debt_help_referral",
        "reminder_with_sharing_offer",
        "tenant_refused",
      ],
    }).notNull(),
    date: date("date", { mode: "string" }).notNull(),
    /** How a personal contact was attempted. */
    channel: text("channel", { enum: ["phone", "visit", "email", "sms", "letter"] }),
    ...recordedBy,
  },
  (t) => [uniqueIndex("arrears_event_once").on(t.tenancyId, t.type, t.date)],
);

/** One month's signals to one municipality: the file for its Digitaal Meldpunt. */
export const arrearsDelivery = pgTable(
  "arrears_delivery",
  {
    ...organisationRow(),
    municipalityCode: text("municipality_code").notNull(),
    month: text("month").notNull(),
    signalDate: date("signal_date", { mode: "string" }).notNull(),
    reportingPoint: text("reporting_point", { enum: ["ris", "vps"] }).notNull(),
    deliverBy: date("deliver_by", { mode: "string" }),
    /** The signal file's content (every signal's fields, JSON), encrypted. */
    documentCiphertext: text("document_ciphertext").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex("arrears_delivery_once").on(t.organisationId, t.municipalityCode, t.month)],
);

/** A signal without personal data: what was signalled, for the repeated-signal rule and feedback. */
export const arrearsSignal = pgTable(
  "arrears_signal",
  {
    id: uuid("id").primaryKey(),
    deliveryId: belongsTo("delivery_id", () => arrearsDelivery.id),
    organisationId: uuid("organisation_id").notNull(),
    tenancyId: tenancyId(),
    tenancyRef: text("tenancy_ref").notNull(),
    municipalityCode: text("municipality_code").notNull(),
    arrearsBeganOn: date("arrears_began_on", { mode: "string" }).notNull(),
    arrearsCents: bigint("arrears_cents", { mode: "number" }).notNull(),
    monthsInArrears: integer("months_in_arrears").notNull(),
    signalDate: date("signal_date", { mode: "string" }).notNull(),
    repeated: boolean("repeated").notNull(),
    /** Set when the arrears episode this signal reported has ended (retention counts from it). */
    episodeEndedOn: date("episode_ended_on", { mode: "string" }),
  },
  (t) => [
    index("arrears_signal_tenancy").on(t.tenancyId, t.signalDate),
    index("arrears_signal_delivery").on(t.deliveryId),
    index("arrears_signal_org_date").on(t.organisationId, t.signalDate),
  ],
);

/** The municipality's outcome for a signal (contract §3 outcome codes). */
export const arrearsFeedback = pgTable(
  "arrears_feedback",
  {
    ...organisationRow(),
    signalId: belongsTo("signal_id", () => arrearsSignal.id),
    tenancyId: tenancyId(),
    municipalityCode: text("municipality_code").notNull(),
    outcome: text("outcome", { enum: FEEDBACK_OUTCOMES }).notNull(),
    date: date("date", { mode: "string" }).notNull(),
    ...recordedBy,
  },
  (t) => [uniqueIndex("arrears_feedback_once").on(t.signalId, t.outcome, t.date)],
);

/** Collection paused: schuldenrust after accepted help (002 step 3) or the pause button (004). */
export const arrearsHold = pgTable(
  "arrears_hold",
  {
    ...organisationRow(),
    tenancyId: tenancyId(),
    kind: text("kind", { enum: ["schuldenrust", "pause"] }).notNull(),
    reason: text("reason").notNull(),
    startDate: date("start_date", { mode: "string" }).notNull(),
    /** The last day of the hold (inclusive). */
    until: date("until", { mode: "string" }).notNull(),
    arrearsCentsAtStart: bigint("arrears_cents_at_start", { mode: "number" }).notNull(),
    endedOn: date("ended_on", { mode: "string" }),
    endReason: text("end_reason", { enum: ["new_rent_unpaid", "ended_by_landlord"] }),
    feedbackId: uuid("feedback_id"),
    ...recordedBy,
  },
  (t) => [index("arrears_hold_tenancy").on(t.tenancyId)],
);

/** A prevention measure of seed 004 (reminder, debit date, rent reduction, forgiveness, coaching). */
export const arrearsMeasure = pgTable(
  "arrears_measure",
  {
    ...organisationRow(),
    tenancyId: tenancyId(),
    kind: text("kind", { enum: MEASURE_KINDS }).notNull(),
    date: date("date", { mode: "string" }).notNull(),
    /** The measure's own fields (codes, days, amounts; never free text). */
    details: jsonb("details").$type<Record<string, unknown>>().notNull(),
    ...recordedBy,
  },
  byTenancyAndOrganisation("arrears_measure"),
);

/** A payment arrangement (maatwerk betalingsregeling, 004) and its instalments. */
export const arrearsArrangement = pgTable(
  "arrears_arrangement",
  {
    ...organisationRow(),
    tenancyId: tenancyId(),
    agreedOn: date("agreed_on", { mode: "string" }).notNull(),
    totalCents: bigint("total_cents", { mode: "number" }).notNull(),
    ...recordedBy,
  },
  byTenancyAndOrganisation("arrears_arrangement"),
);

export const arrearsInstalment = pgTable(
  "arrears_instalment",
  {
    arrangementId: belongsTo("arrangement_id", () => arrearsArrangement.id),
    seq: integer("seq").notNull(),
    dueDate: date("due_date", { mode: "string" }).notNull(),
    amountCents: bigint("amount_cents", { mode: "number" }).notNull(),
    paidCents: bigint("paid_cents", { mode: "number" }).notNull().default(0),
    paidOn: date("paid_on", { mode: "string" }),
  },
  (t) => [primaryKey({ columns: [t.arrangementId, t.seq] })],
);
